import {
  duplicateKeyOf,
  isPreviousVersionMissing,
  toUnavailableError,
} from '../event-store/mysql/mysql-faults';
import { serverFaultOf } from './server-faults';

const driverError = (fields: Record<string, unknown>) => Object.assign(new Error('driver says so'), fields);

describe('MySQL server faults', () => {
  it.each([
    'ECONNREFUSED',
    'PROTOCOL_CONNECTION_LOST',
    'ER_ACCESS_DENIED_ERROR',
    'ER_LOCK_WAIT_TIMEOUT',
    'ER_BAD_DB_ERROR',
  ])('given %s, then the server cannot serve now and the code is named', (code) =>
    expect(serverFaultOf(driverError({ code }))).toBe(code),
  );

  it.each([
    ['Pool is closed.', 'POOL_CLOSED'],
    ["Can't add new command when connection is in closed state", 'CONNECTION_CLOSED'],
  ])(
    'given a call in flight when the pool closed (%s), then it is unavailable, not a bug',
    (message, fault) => expect(serverFaultOf(new Error(message))).toBe(fault),
  );

  it('given a fatal error without a code, then it is a lost connection', () =>
    expect(serverFaultOf(driverError({ fatal: true }))).toBe('connection lost'));

  it.each([['ER_DUP_ENTRY'], ['ER_PARSE_ERROR'], [undefined]])(
    'given %s, then it is no fault of the server',
    (code) => expect(serverFaultOf(driverError({ code }))).toBeUndefined(),
  );

  it('given a fault, then the event store error names the action and the code, never the driver message', () => {
    const error = toUnavailableError(
      driverError({ code: 'ER_ACCESS_DENIED_ERROR', message: "Access denied for user 'ib'@'10.0.0.7'" }),
      'append',
    );

    expect(error?.message).toBe('Event store cannot append (ER_ACCESS_DENIED_ERROR)');
  });

  it('given duplicate entries on MariaDB and MySQL 8, then the refused key is named without its table', () => {
    expect(
      duplicateKeyOf(
        driverError({ code: 'ER_DUP_ENTRY', sqlMessage: "Duplicate entry 'x' for key 'events_event_id'" }),
      ),
    ).toBe('events_event_id');
    expect(
      duplicateKeyOf(
        driverError({
          code: 'ER_DUP_ENTRY',
          sqlMessage: "Duplicate entry 'x-1' for key 'events.events_stream_version'",
        }),
      ),
    ).toBe('events_stream_version');
    expect(duplicateKeyOf(driverError({ code: 'ER_NO_REFERENCED_ROW_2' }))).toBeUndefined();
  });

  it('given a refused previous version, then it is told apart from a duplicate', () => {
    expect(isPreviousVersionMissing(driverError({ code: 'ER_NO_REFERENCED_ROW_2' }))).toBe(true);
    expect(isPreviousVersionMissing(driverError({ code: 'ER_DUP_ENTRY' }))).toBe(false);
  });
});
