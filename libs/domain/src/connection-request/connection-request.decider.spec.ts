import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import {
  type ApproveConnectionRequest,
  type CancelConnectionRequest,
  type ConnectionRequestCommand,
  type RejectConnectionRequest,
  type RequestConnection,
} from './connection-request.commands';
import {
  type ApprovedConnectionRequest,
  type DecidedConnectionRequest,
  connectionFromApprovedRequest,
  connectionRequestDecider,
  connectionRequestDecision,
  connectionRequestDecidedAlready,
} from './connection-request.decider';
import { type ConnectionRequestEvent } from './connection-request.events';
import { connectionRequestStreamId } from './connection-request.stream';

const requestId = 'req-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const as = (actorId: string) => ({ actorId, now });
const details = { host: 'db.local', port: 3306, database: 'sakila', username: 'app' };

const requestConnection = (data: Partial<RequestConnection['data']> = {}): RequestConnection => ({
  type: 'RequestConnection',
  data: {
    requestId,
    environment: 'dev',
    name: 'Sakila',
    provider: 'mysql',
    details,
    secretRef: 'sec-1',
    note: 'for the rentals app',
    ...data,
  },
  metadata: as('dev'),
});
const approve = (connectionId = 'conn-1'): ApproveConnectionRequest => ({
  type: 'ApproveConnectionRequest',
  data: { requestId, connectionId },
  metadata: as('admin'),
});
const reject = (reason: string): RejectConnectionRequest => ({
  type: 'RejectConnectionRequest',
  data: { requestId, reason },
  metadata: as('admin'),
});
const cancel = (actorId: string, isAdmin = false): CancelConnectionRequest => ({
  type: 'CancelConnectionRequest',
  data: { requestId, isAdmin },
  metadata: as(actorId),
});

const requested: ConnectionRequestEvent = {
  type: 'ConnectionRequested',
  data: {
    requestId,
    environment: 'dev',
    name: 'Sakila',
    provider: 'mysql',
    details,
    secretRef: 'sec-1',
    note: 'for the rentals app',
    requestedBy: 'dev',
    requestedAt: at,
  },
};
const approved: ConnectionRequestEvent = {
  type: 'ConnectionRequestApproved',
  data: { requestId, connectionId: 'conn-1', approvedBy: 'admin', approvedAt: at },
};
const rejected: ConnectionRequestEvent = {
  type: 'ConnectionRequestRejected',
  data: { requestId, reason: 'Use the shared Sakila connection', rejectedBy: 'admin', rejectedAt: at },
};
const cancelled = (cancelledBy: string): ConnectionRequestEvent => ({
  type: 'ConnectionRequestCancelled',
  data: { requestId, cancelledBy, cancelledAt: at },
});

const given = DeciderSpecification.for(connectionRequestDecider);

describe('ConnectionRequest decider', () => {
  describe('RequestConnection', () => {
    it('records every detail of the requested connection', () =>
      given([])
        .when(requestConnection({ name: ' Sakila ' }))
        .then([requested]));

    it('refuses to file the same request twice', () =>
      given([requested])
        .when(requestConnection())
        .thenThrows(IllegalStateError, 'CONNECTION_REQUEST.ALREADY_EXISTS'));

    it('validates the connection like creating one', () =>
      given([])
        .when(requestConnection({ name: '', provider: 'db2' as never, environment: '' }))
        .thenThrows(
          ValidationError,
          'CONNECTION_REQUEST.INVALID',
          invalidFields('name', 'provider', 'environment'),
        ));

    it('refuses details that carry a password', () =>
      given([])
        .when(requestConnection({ details: { ...details, Password: 'hunter2' } as never }))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('details.Password')));

    it('refuses a name with a control character, as creating a connection does', () =>
      given([])
        .when(requestConnection({ name: 'Sak\u0000ila' }))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('name')));

    it('keeps line breaks in the note', () =>
      given([])
        .when(requestConnection({ note: 'for the rentals app\nand the reports' }))
        .then([{ ...requested, data: { ...requested.data, note: 'for the rentals app\nand the reports' } }]));

    it.each([
      ['a control character', 'for the rentals app\u001b[2J'],
      ['a bidi override', 'for the \u202Erentals app'],
    ])('refuses a note with %s, naming the field', (_, note) =>
      given([])
        .when(requestConnection({ note }))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('note')),
    );
  });

  describe('ApproveConnectionRequest', () => {
    it('approves a pending request with the id of the connection to create', () =>
      given([requested]).when(approve()).then([approved]));

    it('requires the id of the connection to create', () =>
      given([requested])
        .when(approve(''))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('connectionId')));
  });

  describe('RejectConnectionRequest', () => {
    it('rejects a pending request with a reason', () =>
      given([requested]).when(reject('  Use the shared Sakila connection ')).then([rejected]));

    it('requires a reason', () =>
      given([requested])
        .when(reject('   '))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('reason')));

    it('limits the reason to 2000 characters', () =>
      given([requested])
        .when(reject('r'.repeat(2001)))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('reason')));

    it('refuses a reason with a control character other than a line break', () =>
      given([requested])
        .when(reject('Use the shared\nSakila \u0000connection'))
        .thenThrows(ValidationError, 'CONNECTION_REQUEST.INVALID', invalidFields('reason')));
  });

  describe('CancelConnectionRequest', () => {
    it('lets the requester cancel their request', () =>
      given([requested])
        .when(cancel('dev'))
        .then([cancelled('dev')]));

    it("lets an administrator cancel anyone's request", () =>
      given([requested])
        .when(cancel('admin', true))
        .then([cancelled('admin')]));

    it('forbids others to cancel a request', () =>
      given([requested])
        .when(cancel('mallory'))
        .thenThrows(ForbiddenError, 'CONNECTION_REQUEST.NOT_REQUESTER'));

    it('forbids others before telling them the request is decided', () =>
      given([requested, approved])
        .when(cancel('mallory'))
        .thenThrows(ForbiddenError, 'CONNECTION_REQUEST.NOT_REQUESTER'));
  });

  const decisions: [string, ConnectionRequestCommand][] = [
    ['approve', approve()],
    ['reject', reject('no')],
    ['cancel', cancel('dev')],
  ];

  it.each(decisions)('refuses to %s a missing request', (_, when) =>
    given([]).when(when).thenThrows(NotFoundError, 'CONNECTION_REQUEST.NOT_FOUND'),
  );

  describe.each([
    ['approved', approved],
    ['rejected', rejected],
    ['cancelled', cancelled('dev')],
  ])('a request already %s', (_, decided) => {
    it.each(decisions)('cannot %s it again', (__, when) =>
      given([requested, decided]).when(when).thenThrows(IllegalStateError, 'CONNECTION_REQUEST.NOT_PENDING'),
    );
  });

  it('says who approved a request already, and when, to whoever tries to decide it again', () =>
    given([requested, approved])
      .when(approve('conn-2'))
      .thenThrows(IllegalStateError, 'CONNECTION_REQUEST.NOT_PENDING', (error) => {
        expect(error.message).toBe(`Connection request ${requestId} was already approved by admin at ${at}`);
        expect(error.extensions).toEqual({
          decision: 'approved',
          decidedBy: 'admin',
          decidedByName: 'admin',
          decidedAt: at,
        });
      }));

  it('names the decision of a rejected or cancelled request', () => {
    const [rejectedOne, cancelledOne] = [rejected, cancelled('dev')].map(
      (decided) => fold(connectionRequestDecider, [requested, decided]) as DecidedConnectionRequest,
    );
    expect(connectionRequestDecision(rejectedOne!)).toEqual({ decision: 'rejected', by: 'admin', at });
    expect(connectionRequestDecidedAlready(cancelledOne!, 'Dana').message).toBe(
      `Connection request ${requestId} was already cancelled by Dana at ${at}`,
    );
  });

  describe('connectionFromApprovedRequest', () => {
    it('gives every detail needed to create the approved connection', () =>
      expect(
        connectionFromApprovedRequest(
          fold(connectionRequestDecider, [requested, approved]) as ApprovedConnectionRequest,
        ),
      ).toEqual({
        connectionId: 'conn-1',
        environment: 'dev',
        name: 'Sakila',
        provider: 'mysql',
        details,
        secretRef: 'sec-1',
        requestId,
        requestedBy: 'dev',
      }));
  });

  describe('evolve', () => {
    it('keeps the first decision when a later one arrives', () =>
      expect(fold(connectionRequestDecider, [requested, rejected, approved])).toMatchObject({
        status: 'rejected',
        reason: 'Use the shared Sakila connection',
      }));

    it('ignores decisions about a request never made', () =>
      expect(fold(connectionRequestDecider, [approved])).toEqual({ status: 'none' }));
  });

  it('names the stream after the request id', () =>
    expect(connectionRequestStreamId('abc')).toBe('connection-request-abc'));
});
