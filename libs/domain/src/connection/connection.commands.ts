import { type Command } from '../shared/command';
import { type ConnectionDetails } from '../shared/connection-details';
import { type Provider } from '../shared/provider';

export type CreateConnection = Command<
  'CreateConnection',
  {
    connectionId: string;
    environment: string;
    name: string;
    provider: Provider;
    details: ConnectionDetails;
    secretRef?: string;
    requestId?: string;
    requestedBy?: string;
  }
>;

/** The whole new name and details: the handler fills in what the caller left unchanged. */
export type ChangeConnectionDetails = Command<
  'ChangeConnectionDetails',
  { connectionId: string; name: string; details: ConnectionDetails }
>;

/** `secretRef`: the new password, already in the secret store; the one it replaces is destroyed. */
export type RotateConnectionPassword = Command<
  'RotateConnectionPassword',
  { connectionId: string; secretRef: string }
>;

/** Where a deployment is served by the connection (a ConnectionBound not replaced since). */
export type ConnectionBinding = Readonly<{ integrationId: string; environment: string }>;

/** The handler reads where the connection is bound: a bound connection cannot be deleted. */
export type DeleteConnection = Command<
  'DeleteConnection',
  { connectionId: string; boundIn: readonly ConnectionBinding[] }
>;

export type ConnectionCommand =
  CreateConnection | ChangeConnectionDetails | RotateConnectionPassword | DeleteConnection;
