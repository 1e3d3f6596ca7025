import {
  assertNever,
  CONNECTION_REQUEST_EVENT_TYPES,
  type ConnectionDetails,
  type ConnectionRequestEvent,
  type Provider,
  type RecordedEvent,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../infrastructure/read-model/projection';

export type ConnectionRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** A request carries every connection detail, but its secret reference stays out of the view. */
export type ConnectionRequestView = Readonly<{
  id: string;
  environment: string;
  name: string;
  provider: Provider;
  details: ConnectionDetails;
  note?: string;
  status: ConnectionRequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  connectionId?: string;
  version: number;
}>;

const isConnectionRequestEvent = isOneOf<ConnectionRequestEvent>(CONNECTION_REQUEST_EVENT_TYPES);

const evolve = (
  view: ConnectionRequestView | undefined,
  recorded: RecordedEvent,
): ConnectionRequestView | undefined => {
  if (!isConnectionRequestEvent(recorded)) return view;
  const version = recorded.streamVersion;
  if (recorded.type === 'ConnectionRequested') {
    const { requestId, environment, name, provider, details, note, requestedBy, requestedAt } = recorded.data;
    return withoutUndefined<ConnectionRequestView>({
      id: requestId,
      environment,
      name,
      provider,
      details,
      note,
      status: 'pending',
      requestedBy,
      requestedAt,
      version,
    });
  }
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'ConnectionRequestApproved': {
      const { connectionId, approvedBy, approvedAt } = recorded.data;
      return {
        ...view,
        status: 'approved',
        decidedBy: approvedBy,
        decidedAt: approvedAt,
        connectionId,
        version,
      };
    }
    case 'ConnectionRequestRejected': {
      const { reason, rejectedBy, rejectedAt } = recorded.data;
      return { ...view, status: 'rejected', decidedBy: rejectedBy, decidedAt: rejectedAt, reason, version };
    }
    case 'ConnectionRequestCancelled': {
      const { cancelledBy, cancelledAt } = recorded.data;
      return { ...view, status: 'cancelled', decidedBy: cancelledBy, decidedAt: cancelledAt, version };
    }
    default:
      return assertNever(recorded);
  }
};

export const connectionRequestsProjection: Projection<ConnectionRequestView> = {
  name: 'connection_requests',
  handles: CONNECTION_REQUEST_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<ConnectionRequestEvent>).data.requestId,
  evolve,
};
