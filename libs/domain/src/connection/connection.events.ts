import { type ConnectionDetails } from '../shared/connection-details';
import { type Event } from '../shared/event';
import { type Provider } from '../shared/provider';

export type ConnectionCreated = Event<
  'ConnectionCreated',
  {
    connectionId: string;
    environment: string;
    name: string;
    provider: Provider;
    details: ConnectionDetails;
    /** Reference into the secret store; never the secret itself. */
    secretRef?: string;
    createdBy: string;
    createdAt: string;
    /** Set when the connection was created by approving a request. */
    requestId?: string;
    requestedBy?: string;
  }
>;

export type ConnectionDeleted = Event<
  'ConnectionDeleted',
  { connectionId: string; deletedBy: string; deletedAt: string }
>;

export type ConnectionEvent = ConnectionCreated | ConnectionDeleted;

export const CONNECTION_EVENT_TYPES: readonly ConnectionEvent['type'][] = [
  'ConnectionCreated',
  'ConnectionDeleted',
];
