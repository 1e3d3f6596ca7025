import { NotFoundException } from '@nestjs/common';
import { ConnectorError, DataConstraintError, DataValidationError } from '@ib/connectors';
import {
  ConcurrencyError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '@ib/domain';
import { TooManyAttempts, Unauthenticated } from '../access/access-errors';
import { ViewsBehindError } from '../consistency/views-behind.error';
import { EventStoreUnavailableError } from '../event-store/event-store-unavailable.error';
import { mapError } from './error-mapping';
import { HttpProblem } from './http-problem';

describe('mapError', () => {
  it.each([
    [new ValidationError('X.INVALID', 'bad', [{ field: 'name', message: 'is required' }]), 400, 'X.INVALID'],
    [new NotFoundError('X.NOT_FOUND', 'gone'), 404, 'X.NOT_FOUND'],
    [new IllegalStateError('X.RULE', 'no'), 409, 'X.RULE'],
    [
      new ConcurrencyError('EVENT_STORE.WRONG_EXPECTED_VERSION', 'raced'),
      409,
      'EVENT_STORE.WRONG_EXPECTED_VERSION',
    ],
    [new ForbiddenError('X.FORBIDDEN', 'no'), 403, 'X.FORBIDDEN'],
    [new StaleVersionError(2, 3), 412, 'PRECONDITION_FAILED'],
    [new Unauthenticated('AUTH.SESSION_ENDED', 'ended'), 401, 'AUTH.SESSION_ENDED'],
    [new TooManyAttempts('AUTH.TOO_MANY_ATTEMPTS', 'wait', 30), 429, 'AUTH.TOO_MANY_ATTEMPTS'],
    [HttpProblem.unsupportedMediaType('XML'), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    [new ConnectorError('CONNECTOR.AUTH_FAILED', 'login refused'), 422, 'CONNECTOR.AUTH_FAILED'],
    [new ConnectorError('CONNECTOR.UNREACHABLE', 'down', true), 503, 'CONNECTOR.UNREACHABLE'],
    [new ConnectorError('CONNECTOR.PATH_NOT_ALLOWED', 'outside'), 400, 'CONNECTOR.PATH_NOT_ALLOWED'],
    [
      new DataValidationError('bad row', [{ field: 'Name', message: 'is longer than 200 characters' }]),
      400,
      'DATA.INVALID',
    ],
    [new DataValidationError('a view', [], 'DATA.READ_ONLY'), 409, 'DATA.READ_ONLY'],
    [new DataConstraintError('DATA.DUPLICATE_KEY', { constraint: 'PRIMARY' }), 409, 'DATA.DUPLICATE_KEY'],
    [new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION'), 409, 'DATA.FOREIGN_KEY_VIOLATION'],
    [new DataConstraintError('DATA.ROW_REFERENCED'), 409, 'DATA.ROW_REFERENCED'],
    [new DataConstraintError('DATA.CHECK_VIOLATION'), 409, 'DATA.CHECK_VIOLATION'],
    [new DataConstraintError('DATA.NOT_NULL_VIOLATION'), 409, 'DATA.NOT_NULL_VIOLATION'],
    [new DataConstraintError('DATA.CONSTRAINT_VIOLATION'), 409, 'DATA.CONSTRAINT_VIOLATION'],
    [new DataConstraintError('DATA.ROW_CHANGED'), 409, 'DATA.ROW_CHANGED'],
    [
      new EventStoreUnavailableError('append failed', { cause: new Error('SQLITE_BUSY') }),
      503,
      'STORAGE.UNAVAILABLE',
    ],
    [new ViewsBehindError(42), 503, 'READ_MODEL.BEHIND'],
    [new NotFoundException(), 404, 'ROUTE.NOT_FOUND'],
  ])('given %p, answers %i with code %s', (error, status, code) => {
    expect(mapError(error).problem).toMatchObject({
      status,
      code,
      type: expect.stringMatching(/^\/problems\//),
    });
  });

  it('names the fields of a validation error', () => {
    const mapped = mapError(
      new DataValidationError('bad row', [{ field: 'Milliseconds', message: 'must be an integer' }]),
    );
    expect(mapped.problem.errors).toEqual([{ field: 'Milliseconds', message: 'must be an integer' }]);
  });

  it('answers the extensions of a domain error as members of the problem, never in place of its own', () => {
    const differences = [{ kind: 'COLUMN_DROPPED', table: 'customers', column: 'phone' }];
    const { problem } = mapError(
      new IllegalStateError('X.MISMATCH', 'differs', [], { differences, status: 200, code: 'OTHER' }),
    );

    expect(problem).toMatchObject({ status: 409, code: 'X.MISMATCH', detail: 'differs', differences });
  });

  it('answers a constraint violation with a conflict naming the constraint and its fields', () => {
    const mapped = mapError(
      new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', {
        constraint: 'FK_TrackAlbumId',
        fields: ['AlbumId'],
      }),
    );
    expect(mapped).toMatchObject({ unexpected: false, headers: {} });
    expect(mapped.problem).toMatchObject({
      status: 409,
      code: 'DATA.FOREIGN_KEY_VIOLATION',
      detail: expect.stringContaining('FK_TrackAlbumId'),
      errors: [{ field: 'AlbumId', message: expect.any(String) }],
    });
  });

  it('answers a stale If-Match as before: 412, Precondition failed, the versions in the detail', () => {
    expect(mapError(new StaleVersionError(2, 3))).toEqual({
      problem: {
        type: '/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
        detail: 'The resource is at version 3, not 2; reload it and retry',
        code: 'PRECONDITION_FAILED',
      },
      headers: {},
      unexpected: false,
    });
  });

  it('tells an unauthenticated caller how to authenticate, and a throttled one when to come back', () => {
    expect(mapError(new Unauthenticated('AUTH.INVALID_API_KEY', 'no', 'ApiKey')).headers).toEqual({
      'WWW-Authenticate': 'ApiKey',
    });
    expect(mapError(Unauthenticated.bearerRequired())).toMatchObject({
      problem: { status: 401, code: 'AUTH.UNAUTHENTICATED', title: 'Unauthenticated' },
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
    expect(mapError(new TooManyAttempts('AUTH.TOO_MANY_ATTEMPTS', 'wait', 30))).toMatchObject({
      problem: { status: 429, title: 'Too many attempts' },
      headers: { 'Retry-After': '30' },
    });
  });

  it('gives a retry hint with every 503', () => {
    expect(mapError(new ConnectorError('CONNECTOR.TIMEOUT', 'slow', true)).headers).toEqual({
      'Retry-After': '5',
    });
    expect(mapError(new ViewsBehindError(42)).headers).toEqual({ 'Retry-After': '1' });
  });

  it('answers an unexpected error with a 500 that reveals nothing of it', () => {
    const mapped = mapError(new Error('password=hunter2 at db.internal'));
    expect(mapped).toMatchObject({ unexpected: true, problem: { status: 500, code: 'INTERNAL' } });
    expect(JSON.stringify(mapped.problem)).not.toContain('hunter2');
  });
});
