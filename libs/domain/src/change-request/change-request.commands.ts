import { type Command } from '../shared/command';
import { type RequestedChange } from './change-request.change';

export type RequestChange = Command<
  'RequestChange',
  { changeRequestId: string; environment: string; change: RequestedChange; summary: string }
>;

/** Whoever approves administers the environment (checked by the caller); the decider checks they are not the requester. */
export type ApproveChange = Command<'ApproveChange', { changeRequestId: string }>;

export type RejectChange = Command<'RejectChange', { changeRequestId: string; reason: string }>;

export type CancelChange = Command<'CancelChange', { changeRequestId: string }>;

/** What running the approved change gave: applied, or refused with the error's code and message. */
export type RecordChangeOutcome = Command<
  'RecordChangeOutcome',
  {
    changeRequestId: string;
    outcome: Readonly<{ applied: true }> | Readonly<{ applied: false; code: string; message: string }>;
  }
>;

export type ChangeRequestCommand =
  RequestChange | ApproveChange | RejectChange | CancelChange | RecordChangeOutcome;
