import { type Decider, assertNever } from '../shared/decider';
import { ForbiddenError, IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { fieldErrors, lengthProblem, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import { CHANGE_KINDS, type RequestedChange } from './change-request.change';
import {
  type ApproveChange,
  type CancelChange,
  type ChangeRequestCommand,
  type RecordChangeOutcome,
  type RejectChange,
  type RequestChange,
} from './change-request.commands';
import { type ChangeRequestEvent } from './change-request.events';

const MAX_REASON = 2000;
const MAX_SUMMARY = 500;

type RequestData = Readonly<{
  changeRequestId: string;
  environment: string;
  change: RequestedChange;
  summary: string;
  requestedBy: string;
  requestedAt: string;
}>;
type Approval = Readonly<{ approvedBy: string; approvedAt: string }>;

export type PendingChangeRequest = Readonly<{ status: 'pending' }> & RequestData;
export type ApprovedChangeRequest = Readonly<{ status: 'approved' }> & RequestData & Approval;
export type AppliedChangeRequest = Readonly<{ status: 'applied'; appliedAt: string }> &
  RequestData &
  Approval;
export type FailedChangeRequest = Readonly<{
  status: 'failed';
  code: string;
  message: string;
  failedAt: string;
}> &
  RequestData &
  Approval;
export type RejectedChangeRequest = Readonly<{
  status: 'rejected';
  reason: string;
  rejectedBy: string;
  rejectedAt: string;
}> &
  RequestData;
export type CancelledChangeRequest = Readonly<{
  status: 'cancelled';
  cancelledBy: string;
  cancelledAt: string;
}> &
  RequestData;
export type ChangeRequest =
  | Readonly<{ status: 'none' }>
  | PendingChangeRequest
  | ApprovedChangeRequest
  | AppliedChangeRequest
  | FailedChangeRequest
  | RejectedChangeRequest
  | CancelledChangeRequest;
export type ChangeRequestStatus = ChangeRequest['status'];

/** Who decided a request that is no longer pending, and when: its approval, rejection or cancellation. */
export const decisionOf = (
  state: Exclude<ChangeRequest, { status: 'none' | 'pending' }>,
): Readonly<{ decision: 'approved' | 'rejected' | 'cancelled'; by: string; at: string }> => {
  switch (state.status) {
    case 'approved':
    case 'applied':
    case 'failed':
      return { decision: 'approved', by: state.approvedBy, at: state.approvedAt };
    case 'rejected':
      return { decision: 'rejected', by: state.rejectedBy, at: state.rejectedAt };
    case 'cancelled':
      return { decision: 'cancelled', by: state.cancelledBy, at: state.cancelledAt };
    default:
      return assertNever(state);
  }
};

const notFound = (changeRequestId: string) =>
  new NotFoundError('CHANGE_REQUEST.NOT_FOUND', `Change request ${changeRequestId} does not exist`);

/** A request is decided once: the first approval, rejection or cancellation is final. */
const pending = (state: ChangeRequest, changeRequestId: string): PendingChangeRequest => {
  if (state.status === 'none') throw notFound(changeRequestId);
  if (state.status !== 'pending') {
    const { decision, by, at } = decisionOf(state);
    throw new IllegalStateError(
      'CHANGE_REQUEST.NOT_PENDING',
      `Change request ${changeRequestId} was already ${decision} by ${by} at ${at}`,
    );
  }
  return state;
};

const initialState = (): ChangeRequest => ({ status: 'none' });

const requestChange = ({ data, metadata }: RequestChange, state: ChangeRequest): ChangeRequestEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError(
      'CHANGE_REQUEST.ALREADY_EXISTS',
      `Change request ${data.changeRequestId} already exists`,
    );
  const summary = trimmed(data.summary);
  throwIfInvalid(
    'CHANGE_REQUEST.INVALID',
    'The change request is invalid',
    fieldErrors(
      ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
      [
        'change.kind',
        (CHANGE_KINDS as readonly unknown[]).includes(data.change?.kind)
          ? undefined
          : `must be one of ${CHANGE_KINDS.join(', ')}`,
      ],
      ['summary', lengthProblem(summary, MAX_SUMMARY) ?? textProblem(summary)],
    ),
  );
  return [
    {
      type: 'ChangeRequested',
      data: {
        changeRequestId: data.changeRequestId,
        environment: data.environment,
        change: data.change,
        summary,
        requestedBy: metadata.actorId,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const approve = ({ data, metadata }: ApproveChange, state: ChangeRequest): ChangeRequestEvent[] => {
  if (state.status === 'none') throw notFound(data.changeRequestId);
  // Checked first: the requester learns why they may not, whatever happened to it since.
  if (state.requestedBy === metadata.actorId)
    throw new ForbiddenError(
      'FOUR_EYES.SAME_PERSON',
      'A change is approved by another administrator than the one who asked for it',
    );
  pending(state, data.changeRequestId);
  return [
    {
      type: 'ChangeApproved',
      data: {
        changeRequestId: data.changeRequestId,
        approvedBy: metadata.actorId,
        approvedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const reject = ({ data, metadata }: RejectChange, state: ChangeRequest): ChangeRequestEvent[] => {
  pending(state, data.changeRequestId);
  const reason = trimmed(data.reason);
  throwIfInvalid(
    'CHANGE_REQUEST.INVALID',
    'The rejection is invalid',
    fieldErrors(['reason', lengthProblem(reason, MAX_REASON) ?? textProblem(reason, { multiline: true })]),
  );
  return [
    {
      type: 'ChangeRejected',
      data: {
        changeRequestId: data.changeRequestId,
        reason,
        rejectedBy: metadata.actorId,
        rejectedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const cancel = ({ data, metadata }: CancelChange, state: ChangeRequest): ChangeRequestEvent[] => {
  if (state.status === 'none') throw notFound(data.changeRequestId);
  if (state.requestedBy !== metadata.actorId)
    throw new ForbiddenError('FOUR_EYES.NOT_REQUESTER', 'Only the requester may cancel a change request');
  pending(state, data.changeRequestId);
  return [
    {
      type: 'ChangeCancelled',
      data: {
        changeRequestId: data.changeRequestId,
        cancelledBy: metadata.actorId,
        cancelledAt: metadata.now.toISOString(),
      },
    },
  ];
};

const recordOutcome = (
  { data: { changeRequestId, outcome }, metadata }: RecordChangeOutcome,
  state: ChangeRequest,
): ChangeRequestEvent[] => {
  if (state.status === 'none') throw notFound(changeRequestId);
  if (state.status !== 'approved')
    throw new IllegalStateError(
      'CHANGE_REQUEST.NOT_APPROVED',
      `Change request ${changeRequestId} is ${state.status}: only an approved change is applied`,
    );
  const at = metadata.now.toISOString();
  return [
    outcome.applied
      ? { type: 'ChangeApplied', data: { changeRequestId, appliedAt: at } }
      : {
          type: 'ChangeFailed',
          data: { changeRequestId, code: outcome.code, message: outcome.message, failedAt: at },
        },
  ];
};

const decide = (command: ChangeRequestCommand, state: ChangeRequest): ChangeRequestEvent[] => {
  switch (command.type) {
    case 'RequestChange':
      return requestChange(command, state);
    case 'ApproveChange':
      return approve(command, state);
    case 'RejectChange':
      return reject(command, state);
    case 'CancelChange':
      return cancel(command, state);
    case 'RecordChangeOutcome':
      return recordOutcome(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: ChangeRequest, event: ChangeRequestEvent): ChangeRequest => {
  if (event.type === 'ChangeRequested') return { status: 'pending', ...event.data };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ChangeApproved':
      return state.status === 'pending'
        ? {
            ...state,
            status: 'approved',
            approvedBy: event.data.approvedBy,
            approvedAt: event.data.approvedAt,
          }
        : state;
    case 'ChangeRejected': {
      const { reason, rejectedBy, rejectedAt } = event.data;
      return state.status === 'pending'
        ? { ...state, status: 'rejected', reason, rejectedBy, rejectedAt }
        : state;
    }
    case 'ChangeCancelled': {
      const { cancelledBy, cancelledAt } = event.data;
      return state.status === 'pending' ? { ...state, status: 'cancelled', cancelledBy, cancelledAt } : state;
    }
    case 'ChangeApplied':
      return state.status === 'approved'
        ? { ...state, status: 'applied', appliedAt: event.data.appliedAt }
        : state;
    case 'ChangeFailed': {
      const { code, message, failedAt } = event.data;
      return state.status === 'approved' ? { ...state, status: 'failed', code, message, failedAt } : state;
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const changeRequestDecider: Decider<ChangeRequest, ChangeRequestCommand, ChangeRequestEvent> = {
  initialState,
  evolve,
  decide,
};
