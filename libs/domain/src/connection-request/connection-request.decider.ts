import { type CreateConnection } from '../connection/connection.commands';
import { connectionFieldErrors } from '../connection/connection.fields';
import { type ConnectionDetails } from '../shared/connection-details';
import { type Decider, assertNever } from '../shared/decider';
import { ForbiddenError, IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type Provider } from '../shared/provider';
import { fieldErrors, lengthProblem, textProblem, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type ApproveConnectionRequest,
  type CancelConnectionRequest,
  type ConnectionRequestCommand,
  type RejectConnectionRequest,
  type RequestConnection,
} from './connection-request.commands';
import { type ConnectionRequestEvent } from './connection-request.events';

const MAX_REASON = 2000;

/** Every detail of the requested connection, kept so approval can create it without asking again. */
type RequestData = Readonly<{
  requestId: string;
  environment: string;
  name: string;
  provider: Provider;
  details: ConnectionDetails;
  secretRef?: string;
  note?: string;
  requestedBy: string;
  requestedAt: string;
}>;

export type PendingConnectionRequest = Readonly<{ status: 'pending' }> & RequestData;
export type ApprovedConnectionRequest = Readonly<{
  status: 'approved';
  connectionId: string;
  approvedBy: string;
  approvedAt: string;
}> &
  RequestData;
export type RejectedConnectionRequest = Readonly<{
  status: 'rejected';
  reason: string;
  rejectedBy: string;
  rejectedAt: string;
}> &
  RequestData;
export type CancelledConnectionRequest = Readonly<{
  status: 'cancelled';
  cancelledBy: string;
  cancelledAt: string;
}> &
  RequestData;
export type ConnectionRequest =
  | Readonly<{ status: 'none' }>
  | PendingConnectionRequest
  | ApprovedConnectionRequest
  | RejectedConnectionRequest
  | CancelledConnectionRequest;

/** The connection an approval stands for, ready to be created in the connection's own stream. */
export const connectionFromApprovedRequest = (
  request: ApprovedConnectionRequest,
): CreateConnection['data'] => ({
  connectionId: request.connectionId,
  environment: request.environment,
  name: request.name,
  provider: request.provider,
  details: request.details,
  secretRef: request.secretRef,
  requestId: request.requestId,
  requestedBy: request.requestedBy,
});

export type DecidedConnectionRequest =
  ApprovedConnectionRequest | RejectedConnectionRequest | CancelledConnectionRequest;

/** What was decided on a request, by whom (a user id) and when. */
export const connectionRequestDecision = (
  state: DecidedConnectionRequest,
): Readonly<{ decision: DecidedConnectionRequest['status']; by: string; at: string }> => {
  switch (state.status) {
    case 'approved':
      return { decision: 'approved', by: state.approvedBy, at: state.approvedAt };
    case 'rejected':
      return { decision: 'rejected', by: state.rejectedBy, at: state.rejectedAt };
    case 'cancelled':
      return { decision: 'cancelled', by: state.cancelledBy, at: state.cancelledAt };
    default:
      return assertNever(state);
  }
};

/**
 * "already approved by <user> at <time>": the refusal of a decision on a decided request. `byName` is how
 * the adapter names the user; `decision`, `decidedBy` and `decidedAt` are answered as they are.
 */
export const connectionRequestDecidedAlready = (
  state: DecidedConnectionRequest,
  byName: string = connectionRequestDecision(state).by,
): IllegalStateError => {
  const { decision, by, at } = connectionRequestDecision(state);
  return new IllegalStateError(
    'CONNECTION_REQUEST.NOT_PENDING',
    `Connection request ${state.requestId} was already ${decision} by ${byName} at ${at}`,
    [],
    { decision, decidedBy: by, decidedByName: byName, decidedAt: at },
  );
};

const initialState = (): ConnectionRequest => ({ status: 'none' });

/** A request is decided once: whatever happened to it first is final. */
const pending = (state: ConnectionRequest, requestId: string): PendingConnectionRequest => {
  if (state.status === 'none')
    throw new NotFoundError('CONNECTION_REQUEST.NOT_FOUND', `Connection request ${requestId} does not exist`);
  if (state.status !== 'pending') throw connectionRequestDecidedAlready(state);
  return state;
};

const requestConnection = (
  { data, metadata }: RequestConnection,
  state: ConnectionRequest,
): ConnectionRequestEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError(
      'CONNECTION_REQUEST.ALREADY_EXISTS',
      `Connection request ${data.requestId} already exists`,
    );
  throwIfInvalid('CONNECTION_REQUEST.INVALID', 'The connection request is invalid', [
    ...connectionFieldErrors(data),
    ...fieldErrors([
      'note',
      typeof data.note === 'string' ? textProblem(data.note, { multiline: true }) : undefined,
    ]),
  ]);
  return [
    {
      type: 'ConnectionRequested',
      data: {
        requestId: data.requestId,
        environment: data.environment,
        name: data.name.trim(),
        provider: data.provider,
        details: data.details,
        secretRef: data.secretRef,
        note: data.note,
        requestedBy: metadata.actorId,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const approve = (
  { data, metadata }: ApproveConnectionRequest,
  state: ConnectionRequest,
): ConnectionRequestEvent[] => {
  pending(state, data.requestId);
  throwIfInvalid(
    'CONNECTION_REQUEST.INVALID',
    'The approval is invalid',
    fieldErrors(['connectionId', trimmed(data.connectionId) === '' ? 'is required' : undefined]),
  );
  return [
    {
      type: 'ConnectionRequestApproved',
      data: {
        requestId: data.requestId,
        connectionId: data.connectionId,
        approvedBy: metadata.actorId,
        approvedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const reject = (
  { data, metadata }: RejectConnectionRequest,
  state: ConnectionRequest,
): ConnectionRequestEvent[] => {
  pending(state, data.requestId);
  const reason = trimmed(data.reason);
  throwIfInvalid(
    'CONNECTION_REQUEST.INVALID',
    'The rejection is invalid',
    fieldErrors(['reason', lengthProblem(reason, MAX_REASON) ?? textProblem(reason, { multiline: true })]),
  );
  return [
    {
      type: 'ConnectionRequestRejected',
      data: {
        requestId: data.requestId,
        reason,
        rejectedBy: metadata.actorId,
        rejectedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const cancel = (
  { data, metadata }: CancelConnectionRequest,
  state: ConnectionRequest,
): ConnectionRequestEvent[] => {
  if (state.status === 'none')
    throw new NotFoundError(
      'CONNECTION_REQUEST.NOT_FOUND',
      `Connection request ${data.requestId} does not exist`,
    );
  // Checked before the status so someone else's request reveals nothing about its progress.
  if (!data.isAdmin && state.requestedBy !== metadata.actorId)
    throw new ForbiddenError(
      'CONNECTION_REQUEST.NOT_REQUESTER',
      'Only the requester or an administrator may cancel',
    );
  pending(state, data.requestId);
  return [
    {
      type: 'ConnectionRequestCancelled',
      data: {
        requestId: data.requestId,
        cancelledBy: metadata.actorId,
        cancelledAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (command: ConnectionRequestCommand, state: ConnectionRequest): ConnectionRequestEvent[] => {
  switch (command.type) {
    case 'RequestConnection':
      return requestConnection(command, state);
    case 'ApproveConnectionRequest':
      return approve(command, state);
    case 'RejectConnectionRequest':
      return reject(command, state);
    case 'CancelConnectionRequest':
      return cancel(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: ConnectionRequest, event: ConnectionRequestEvent): ConnectionRequest => {
  if (event.type === 'ConnectionRequested') return { status: 'pending', ...event.data };
  // Only a pending request can be decided; a stray later fact leaves the first decision standing.
  if (state.status !== 'pending') return state;
  switch (event.type) {
    case 'ConnectionRequestApproved': {
      const { connectionId, approvedBy, approvedAt } = event.data;
      return { ...state, status: 'approved', connectionId, approvedBy, approvedAt };
    }
    case 'ConnectionRequestRejected': {
      const { reason, rejectedBy, rejectedAt } = event.data;
      return { ...state, status: 'rejected', reason, rejectedBy, rejectedAt };
    }
    case 'ConnectionRequestCancelled': {
      const { cancelledBy, cancelledAt } = event.data;
      return { ...state, status: 'cancelled', cancelledBy, cancelledAt };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const connectionRequestDecider: Decider<
  ConnectionRequest,
  ConnectionRequestCommand,
  ConnectionRequestEvent
> = {
  initialState,
  evolve,
  decide,
};
