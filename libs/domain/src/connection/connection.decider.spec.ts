import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type CreateConnection, type DeleteConnection } from './connection.commands';
import { connectionDecider } from './connection.decider';
import { type ConnectionCreated, type ConnectionEvent } from './connection.events';
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
const deleteConnection: DeleteConnection = { type: 'DeleteConnection', data: { connectionId }, metadata };

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
        .when(createConnection({ name: '', provider: 'oracle' as never, environment: ' ' }))
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

  describe('DeleteConnection', () => {
    it('deletes a connection', () => given([created()]).when(deleteConnection).then([deleted]));

    it('refuses a missing connection', () =>
      given([]).when(deleteConnection).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));

    it('refuses a connection already deleted', () =>
      given([created(), deleted]).when(deleteConnection).thenThrows(NotFoundError, 'CONNECTION.NOT_FOUND'));
  });

  describe('evolve', () => {
    it('keeps what a deleted connection was', () =>
      expect(fold(connectionDecider, [created(), deleted])).toMatchObject({
        status: 'deleted',
        name: 'Chinook',
        deletedBy: 'admin',
      }));

    it('ignores a deletion of a connection that was never created', () =>
      expect(fold(connectionDecider, [deleted])).toEqual({ status: 'none' }));
  });

  it('names the stream after the connection id', () =>
    expect(connectionStreamId('abc')).toBe('connection-abc'));
});
