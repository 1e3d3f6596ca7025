import { type Event } from '../shared/event';
import { type RequestedChange } from './change-request.change';

export type ChangeRequested = Event<
  'ChangeRequested',
  {
    changeRequestId: string;
    environment: string;
    change: RequestedChange;
    /** One line a person reads in a list: what the change does. */
    summary: string;
    requestedBy: string;
    requestedAt: string;
  }
>;

export type ChangeApproved = Event<
  'ChangeApproved',
  { changeRequestId: string; approvedBy: string; approvedAt: string }
>;

export type ChangeRejected = Event<
  'ChangeRejected',
  { changeRequestId: string; reason: string; rejectedBy: string; rejectedAt: string }
>;

export type ChangeCancelled = Event<
  'ChangeCancelled',
  { changeRequestId: string; cancelledBy: string; cancelledAt: string }
>;

/** The approved change ran: its own events follow in the streams it changed. */
export type ChangeApplied = Event<'ChangeApplied', { changeRequestId: string; appliedAt: string }>;

/** The approved change was refused when it ran (the target changed meanwhile, a right withdrawn...). */
export type ChangeFailed = Event<
  'ChangeFailed',
  { changeRequestId: string; code: string; message: string; failedAt: string }
>;

export type ChangeRequestEvent =
  ChangeRequested | ChangeApproved | ChangeRejected | ChangeCancelled | ChangeApplied | ChangeFailed;

export const CHANGE_REQUEST_EVENT_TYPES: readonly ChangeRequestEvent['type'][] = [
  'ChangeRequested',
  'ChangeApproved',
  'ChangeRejected',
  'ChangeCancelled',
  'ChangeApplied',
  'ChangeFailed',
];
