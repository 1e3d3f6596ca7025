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

export type DeleteConnection = Command<'DeleteConnection', { connectionId: string }>;

export type ConnectionCommand = CreateConnection | DeleteConnection;
