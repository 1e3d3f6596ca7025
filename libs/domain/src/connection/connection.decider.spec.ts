import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import {
  type ChangeConnectionDetails,
  type ConnectionBinding,
  type CreateConnection,
  type DeleteConnection,
  type RotateConnectionPassword,
} from './connection.commands';
import { connectionDecider } from './connection.decider';
import {
  type ConnectionCreated,
  type ConnectionDetailsChanged,
  type ConnectionEvent,
  type ConnectionPasswordRotated,
} from './connection.events';
import { connectionStreamId } from './connection.stream';

const connectionId = 'conn-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };
const details = { path: 'chinook.db' };

const createConnection = (data: Partial<CreateConnection['data']> = {}): CreateConnection => ({
  type: 'CreateConnection',
  data: {
    connectionId,
    environment: 'dev',
    name: 'Chinook',
    provider: 'mysql',
    details,
    secretRef: 'sec-1',
    ...data,
  },
  metadata,
});
const deleteConnection = (boundIn: readonly ConnectionBinding[] = []): DeleteConnection => ({
  type: 'DeleteConnection',
  data: { connectionId, boundIn },
  metadata,
});
const mysqlDetails = { host: 'db.local', port: 3306, database: 'sales', username: 'app' };
const changeDetails = (data: Partial<ChangeConnectionDetails['data']> = {}): ChangeConnectionDetails => ({
  type: 'ChangeConnectionDetails',
  data: { connectionId, name: 'Sales', details: mysqlDetails, ...data },
  metadata,
});
const rotatePassword = (secretRef: string): RotateConnectionPassword => ({
  type: 'RotateConnectionPassword',
  data: { connectionId, secretRef },
  metadata,
});

const created = (data: Partial<ConnectionCreated['data']> = {}): ConnectionEvent => ({
  type: 'ConnectionCreated',
  data: {
    connectionId,
    environment: 'dev',
    name: 'Chinook',
    provider: 'mysql',
    details,
    secretRef: 'sec-1',
    createdBy: 'admin',
    createdAt: at,
    ...data,
  },
});
const deleted: ConnectionEvent = {
  type: 'ConnectionDeleted',
  data: { connectionId, deletedBy: 'admin', deletedAt: at },
};

const detailsChanged = (data: Partial<ConnectionDetailsChanged['data']> = {}): ConnectionEvent => ({
  type: 'ConnectionDetailsChanged',
  data: { connectionId, name: 'Sales', details: mysqlDetails, changedBy: 'admin', changedAt: at, ...data },
});
const rotated = (data: Partial<ConnectionPasswordRotated['data']> = {}): ConnectionEvent => ({
  type: 'ConnectionPasswordRotated',
  data: {
    connectionId,
    secretRef: 'sec-2',
    previousSecretRef: 'sec-1',
    rotatedBy: 'admin',
    rotatedAt: at,
    ...data,
  },
});
const sqliteCreated = created({ provider: 'sqlite', details: { path: 'chinook.db' }, secretRef: undefined });

const given = DeciderSpecification.for(connectionDecider);

describe('Connection decider', () => {
  describe('CreateConnection', () => {
    it('creates a connection that holds only a secret reference', () =>
      given([])
        .when(createConnection({ name: ' Chinook ' }))
        .then([created()]));

    it('records the request a connection was approved from', () =>
      given([])
        .when(createConnection({ requestId: 'req-1', requestedBy: 'dev' }))
        .then([created({ requestId: 'req-1', requestedBy: 'dev' })]));

    it('refuses to create the same connection twice', () =>
      given([created()]).when(createConnection()).thenThrows(IllegalStateError, 'CONNECTION.ALREADY_EXISTS'));

    it('never reuses the id of a deleted connection', () =>
      given([created(), deleted])
        .when(createConnection())
        .thenThrows(IllegalStateError, 'CONNECTION.ALREADY_EXISTS'));

    it('names every invalid field', () =>
      given([])
        .when(createConnection({ name: '', provider: 'db2' as never, environment: ' ' }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('name', 'provider', 'environment')));

    it('limits the name to 100 characters', () =>
      given([])
        .when(createConnection({ name: 'c'.repeat(101) }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('name')));

    it.each([
      ['NUL', 'Orders\u0000'],
      ['a line break', 'Orders\nDB'],
      ['a right-to-left override', 'Orders \u202Ebd'],
      ['a lone surrogate', 'Orders \uDC00'],
    ])('refuses a name with %s, naming the field', (_, name) =>
      given([])
        .when(createConnection({ name }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('name')),
    );

    it('requires details', () =>
      given([])
        .when(createConnection({ details: undefined as never }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('details')));

    it('refuses a password for a SQLite connection, which opens its file by path', () =>
      given([])
        .when(createConnection({ provider: 'sqlite', details: { path: 'chinook.db' } }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('password')));

    it('creates a SQLite connection without a secret', () =>
      given([])
        .when(createConnection({ provider: 'sqlite', details: { path: 'chinook.db' }, secretRef: undefined }))
        .then([created({ provider: 'sqlite', details: { path: 'chinook.db' }, secretRef: undefined })]));

    it('refuses details that carry a password or a secret', () =>
      given([])
        .when(
          createConnection({
            details: { host: 'db', password: 'hunter2', options: { clientSecret: 'x', ssl: true } } as never,
          }),
        )
        .thenThrows(
          ValidationError,
          'CONNECTION.INVALID',
          invalidFields('details.password', 'details.options.clientSecret'),
        ));
  });

  describe('ChangeConnectionDetails', () => {
    it('changes the name and details, recording them whole', () =>
      given([created()])
        .when(changeDetails({ name: ' Sales ' }))
        .then([detailsChanged()]));

    it('changes the options of the details', () =>
      given([created({ details: mysqlDetails })])
        .when(changeDetails({ details: { ...mysqlDetails, options: { ssl: true } } }))
        .then([detailsChanged({ details: { ...mysqlDetails, options: { ssl: true } } })]));

    it('records nothing when nothing changes, whatever the order of the details', () =>
      given([created({ name: 'Sales', details: mysqlDetails })])
        .when(
          changeDetails({ details: { username: 'app', database: 'sales', port: 3306, host: 'db.local' } }),
        )
        .thenNothingHappens());

    it('validates the name and details as creating a connection does', () =>
      given([created()])
        .when(
          changeDetails({ name: 'Sa\u202Eles', details: { ...mysqlDetails, password: 'hunter2' } as never }),
        )
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('name', 'details.password')));

    it('requires details', () =>
      given([created()])
        .when(changeDetails({ details: undefined as never }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('details')));

    it('refuses details only another provider reads, naming each', () =>
      given([sqliteCreated])
        .when(changeDetails({ details: { path: 'other.db', host: 'db.local', port: 3306 } }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('details.host', 'details.port')));

    it('refuses a file path for a server connection', () =>
      given([created()])
        .when(changeDetails({ details: { ...mysqlDetails, path: 'sales.db' } }))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('details.path')));

    it('refuses a missing connection', () =>
      given([]).when(changeDetails()).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));

    it('refuses a deleted connection', () =>
      given([created(), deleted]).when(changeDetails()).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));
  });

  describe('RotateConnectionPassword', () => {
    it('replaces the secret, naming the previous one so it can be destroyed', () =>
      given([created()]).when(rotatePassword('sec-2')).then([rotated()]));

    it('gives a connection without a password its first one', () =>
      given([created({ secretRef: undefined })])
        .when(rotatePassword('sec-2'))
        .then([rotated({ previousSecretRef: undefined })]));

    it('rotates again from the latest password', () =>
      given([created(), rotated()])
        .when(rotatePassword('sec-3'))
        .then([rotated({ secretRef: 'sec-3', previousSecretRef: 'sec-2' })]));

    it('records nothing for the password the connection holds already', () =>
      given([created(), rotated()]).when(rotatePassword('sec-2')).thenNothingHappens());

    it('refuses a password for a SQLite connection, which opens its file by path', () =>
      given([sqliteCreated])
        .when(rotatePassword('sec-2'))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('password')));

    it('requires the reference of the new secret', () =>
      given([created()])
        .when(rotatePassword(' '))
        .thenThrows(ValidationError, 'CONNECTION.INVALID', invalidFields('secretRef')));

    it('refuses a deleted connection', () =>
      given([created(), deleted])
        .when(rotatePassword('sec-2'))
        .thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));
  });

  describe('DeleteConnection', () => {
    it('deletes a connection', () => given([created()]).when(deleteConnection()).then([deleted]));

    it('refuses to delete a connection that serves a deployment', () =>
      given([created()])
        .when(deleteConnection([{ integrationId: 'int-1', environment: 'qa' }]))
        .thenThrows(IllegalStateError, 'CONNECTION.BOUND', (error) =>
          expect(error.message).toContain("integration int-1 in environment 'qa'"),
        ));

    it('refuses a missing connection', () =>
      given([]).when(deleteConnection()).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));

    it('refuses a connection already deleted', () =>
      given([created(), deleted]).when(deleteConnection()).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));
  });

  describe('evolve', () => {
    it('keeps what a deleted connection was', () =>
      expect(fold(connectionDecider, [created(), deleted])).toMatchObject({
        status: 'deleted',
        name: 'Chinook',
        deletedBy: 'admin',
      }));

    it('keeps the latest details and secret of a connection', () =>
      expect(fold(connectionDecider, [created(), detailsChanged(), rotated()])).toMatchObject({
        status: 'active',
        name: 'Sales',
        details: mysqlDetails,
        secretRef: 'sec-2',
      }));

    it('keeps the secret a deleted connection had, for it to be destroyed', () =>
      expect(fold(connectionDecider, [created(), rotated(), deleted])).toMatchObject({
        status: 'deleted',
        secretRef: 'sec-2',
      }));

    it('ignores changes recorded after a deletion', () =>
      expect(fold(connectionDecider, [created(), deleted, detailsChanged(), rotated()])).toMatchObject({
        status: 'deleted',
        name: 'Chinook',
        secretRef: 'sec-1',
      }));

    it('ignores a deletion of a connection that was never created', () =>
      expect(fold(connectionDecider, [deleted])).toEqual({ status: 'none' }));
  });

  it('names the stream after the connection id', () =>
    expect(connectionStreamId('abc')).toBe('connection-abc'));
});
