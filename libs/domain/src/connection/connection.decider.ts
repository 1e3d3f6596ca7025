import { type ConnectionDetails } from '../shared/connection-details';
import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type Provider } from '../shared/provider';
import { throwIfInvalid } from '../shared/validation';
import { type ConnectionCommand, type CreateConnection, type DeleteConnection } from './connection.commands';
import { type ConnectionEvent } from './connection.events';
import { connectionFieldErrors } from './connection.fields';

type ConnectionData = Readonly<{
  connectionId: string;
  environment: string;
  name: string;
  provider: Provider;
  details: ConnectionDetails;
  secretRef?: string;
  createdBy: string;
  createdAt: string;
  requestId?: string;
  requestedBy?: string;
}>;

export type ActiveConnection = Readonly<{ status: 'active' }> & ConnectionData;
/** Kept after deletion so the id is never reused and history still reads. */
export type DeletedConnection = Readonly<{ status: 'deleted'; deletedBy: string; deletedAt: string }> &
  ConnectionData;
export type Connection = Readonly<{ status: 'none' }> | ActiveConnection | DeletedConnection;

const initialState = (): Connection => ({ status: 'none' });

const createConnection = ({ data, metadata }: CreateConnection, state: Connection): ConnectionEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError(
      'CONNECTION.ALREADY_EXISTS',
      `Connection ${data.connectionId} already exists`,
    );
  throwIfInvalid('CONNECTION.INVALID', 'The connection is invalid', connectionFieldErrors(data));
  return [
    {
      type: 'ConnectionCreated',
      data: {
        connectionId: data.connectionId,
        environment: data.environment,
        name: data.name.trim(),
        provider: data.provider,
        details: data.details,
        secretRef: data.secretRef,
        requestId: data.requestId,
        requestedBy: data.requestedBy,
        createdBy: metadata.actorId,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
};

const deleteConnection = ({ data, metadata }: DeleteConnection, state: Connection): ConnectionEvent[] => {
  if (state.status !== 'active')
    throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${data.connectionId} does not exist`);
  return [
    {
      type: 'ConnectionDeleted',
      data: {
        connectionId: data.connectionId,
        deletedBy: metadata.actorId,
        deletedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const decide = (command: ConnectionCommand, state: Connection): ConnectionEvent[] => {
  switch (command.type) {
    case 'CreateConnection':
      return createConnection(command, state);
    case 'DeleteConnection':
      return deleteConnection(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: Connection, event: ConnectionEvent): Connection => {
  switch (event.type) {
    case 'ConnectionCreated':
      return { status: 'active', ...event.data };
    case 'ConnectionDeleted':
      if (state.status !== 'active') return state;
      return {
        ...state,
        status: 'deleted',
        deletedBy: event.data.deletedBy,
        deletedAt: event.data.deletedAt,
      };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const connectionDecider: Decider<Connection, ConnectionCommand, ConnectionEvent> = {
  initialState,
  evolve,
  decide,
};
