import {
  assertNever,
  CONNECTION_EVENT_TYPES,
  type ConnectionDetails,
  type ConnectionEvent,
  type Provider,
  type RecordedEvent,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../infrastructure/read-model/projection';

/** The secret reference itself never reaches the read model: only whether there is one. */
export type ConnectionView = Readonly<{
  id: string;
  environment: string;
  name: string;
  provider: Provider;
  details: ConnectionDetails;
  hasSecret: boolean;
  createdBy: string;
  createdAt: string;
  requestId?: string;
  requestedBy?: string;
  deleted: boolean;
  version: number;
}>;

const isConnectionEvent = isOneOf<ConnectionEvent>(CONNECTION_EVENT_TYPES);

const evolve = (view: ConnectionView | undefined, recorded: RecordedEvent): ConnectionView | undefined => {
  if (!isConnectionEvent(recorded)) return view;
  const version = recorded.streamVersion;
  switch (recorded.type) {
    case 'ConnectionCreated': {
      const { connectionId, environment, name, provider, details, secretRef } = recorded.data;
      const { createdBy, createdAt, requestId, requestedBy } = recorded.data;
      return withoutUndefined<ConnectionView>({
        id: connectionId,
        environment,
        name,
        provider,
        details,
        hasSecret: secretRef !== undefined,
        createdBy,
        createdAt,
        requestId,
        requestedBy,
        deleted: false,
        version,
      });
    }
    case 'ConnectionDetailsChanged': {
      const { name, details } = recorded.data;
      return view && { ...view, name, details, version };
    }
    case 'ConnectionPasswordRotated':
      return view && { ...view, hasSecret: true, version };
    case 'ConnectionDeleted':
      // Kept, flagged: integrations and audit still name the connection after it is gone.
      return view && { ...view, deleted: true, version };
    default:
      return assertNever(recorded);
  }
};

export const connectionsProjection: Projection<ConnectionView> = {
  name: 'connections',
  handles: CONNECTION_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<ConnectionEvent>).data.connectionId,
  evolve,
};
