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

/** The connection's name and details as they are from now on (whole, not a difference). */
export type ConnectionDetailsChanged = Event<
  'ConnectionDetailsChanged',
  { connectionId: string; name: string; details: ConnectionDetails; changedBy: string; changedAt: string }
>;

/**
 * A new password replaced the previous one, whose secret is destroyed (crypto-shredded) once this is
 * recorded. Both are references into the secret store, never secrets.
 */
export type ConnectionPasswordRotated = Event<
  'ConnectionPasswordRotated',
  {
    connectionId: string;
    secretRef: string;
    /** Absent when the connection had no password before. */
    previousSecretRef?: string;
    rotatedBy: string;
    rotatedAt: string;
  }
>;

/** Once recorded, the connection's secret is destroyed (crypto-shredded). */
export type ConnectionDeleted = Event<
  'ConnectionDeleted',
  { connectionId: string; deletedBy: string; deletedAt: string }
>;

export type ConnectionEvent =
  ConnectionCreated | ConnectionDetailsChanged | ConnectionPasswordRotated | ConnectionDeleted;

export const CONNECTION_EVENT_TYPES: readonly ConnectionEvent['type'][] = [
  'ConnectionCreated',
  'ConnectionDetailsChanged',
  'ConnectionPasswordRotated',
  'ConnectionDeleted',
];
