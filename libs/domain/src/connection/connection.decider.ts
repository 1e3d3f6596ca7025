import { type ConnectionDetails } from '../shared/connection-details';
import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type Provider } from '../shared/provider';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type ChangeConnectionDetails,
  type ConnectionCommand,
  type CreateConnection,
  type DeleteConnection,
  type RotateConnectionPassword,
} from './connection.commands';
import { type ConnectionEvent } from './connection.events';
import { connectionFieldErrors, foreignDetailErrors } from './connection.fields';

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

/** A deleted connection is gone for every later command, as for its readers. */
const active = (state: Connection, connectionId: string): ActiveConnection => {
  if (state.status !== 'active')
    throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);
  return state;
};

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

const sameDetails = (a: ConnectionDetails, b: ConnectionDetails): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const canonical = (value: unknown): unknown =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, canonical(inner)]),
      )
    : value;

/** Validated as on creation, and only with what the connection's own provider reads. */
const changeDetails = ({ data, metadata }: ChangeConnectionDetails, state: Connection): ConnectionEvent[] => {
  const connection = active(state, data.connectionId);
  const details = typeof data.details === 'object' && data.details !== null ? data.details : undefined;
  const errors = connectionFieldErrors({ ...connection, name: data.name, details });
  const foreign = details === undefined ? [] : foreignDetailErrors(connection.provider, details);
  throwIfInvalid('CONNECTION.INVALID', 'The connection is invalid', [
    ...errors,
    // A secret-looking key is named once, as a secret.
    ...foreign.filter(({ field }) => !errors.some((error) => error.field === field)),
  ]);
  const name = data.name.trim();
  if (name === connection.name && sameDetails(data.details, connection.details)) return [];
  return [
    {
      type: 'ConnectionDetailsChanged',
      data: {
        connectionId: data.connectionId,
        name,
        details: data.details,
        changedBy: metadata.actorId,
        changedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const rotatePassword = (
  { data, metadata }: RotateConnectionPassword,
  state: Connection,
): ConnectionEvent[] => {
  const connection = active(state, data.connectionId);
  throwIfInvalid(
    'CONNECTION.INVALID',
    'The password is invalid',
    fieldErrors(
      // A SQLite file is opened by path; a password would be stored and never used.
      ['password', connection.provider === 'sqlite' ? 'is not used by SQLite connections' : undefined],
      ['secretRef', trimmed(data.secretRef) === '' ? 'is required' : undefined],
    ),
  );
  if (data.secretRef === connection.secretRef) return [];
  return [
    {
      type: 'ConnectionPasswordRotated',
      data: {
        connectionId: data.connectionId,
        secretRef: data.secretRef,
        previousSecretRef: connection.secretRef,
        rotatedBy: metadata.actorId,
        rotatedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const deleteConnection = ({ data, metadata }: DeleteConnection, state: Connection): ConnectionEvent[] => {
  active(state, data.connectionId);
  const [first, ...others] = data.boundIn;
  if (first !== undefined)
    throw new IllegalStateError(
      'CONNECTION.BOUND',
      `Connection ${data.connectionId} serves integration ${first.integrationId} in environment ` +
        `'${first.environment}'${others.length > 0 ? ` and ${others.length} other deployment(s)` : ''}: ` +
        'bind another connection there first',
    );
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
    case 'ChangeConnectionDetails':
      return changeDetails(command, state);
    case 'RotateConnectionPassword':
      return rotatePassword(command, state);
    case 'DeleteConnection':
      return deleteConnection(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: Connection, event: ConnectionEvent): Connection => {
  if (event.type === 'ConnectionCreated') return { status: 'active', ...event.data };
  // Only an active connection changes: a stray later fact leaves a deleted (or unknown) one as it was.
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ConnectionDetailsChanged':
      return { ...state, name: event.data.name, details: event.data.details };
    case 'ConnectionPasswordRotated':
      return { ...state, secretRef: event.data.secretRef };
    case 'ConnectionDeleted':
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
