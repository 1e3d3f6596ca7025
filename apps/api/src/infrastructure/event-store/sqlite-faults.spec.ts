import { EventStoreUnavailableError } from './event-store-unavailable.error';
import { isUniqueViolation, toUnavailableError } from './sqlite-faults';

/** Shaped like node:sqlite's errors: `errcode` is the extended result code. */
const sqliteError = (errcode: number, message: string) =>
  Object.assign(new Error(message), { code: 'ERR_SQLITE_ERROR', errcode, errstr: message });

describe('sqlite faults', () => {
  it.each([
    [5, 'SQLITE_BUSY'],
    [8, 'SQLITE_READONLY'],
    [13, 'SQLITE_FULL'],
    [14, 'SQLITE_CANTOPEN'],
    [266, 'SQLITE_IOERR'], // SQLITE_IOERR_READ, an extended code
  ])('given result code %i, then it is %s and the store is unavailable', (errcode, name) => {
    const unavailable = toUnavailableError(sqliteError(errcode, 'fault'), 'append');

    expect(unavailable).toBeInstanceOf(EventStoreUnavailableError);
    expect(unavailable?.message).toContain(name);
    expect(unavailable?.cause).toBeInstanceOf(Error);
  });

  it('given a file system fault while creating the data folder, then the store is unavailable', () => {
    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });

    expect(toUnavailableError(enospc, 'open')).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('given a constraint violation or a plain bug, then it is not an availability fault; a taken position or key is a unique violation', () => {
    expect(toUnavailableError(sqliteError(2067, 'UNIQUE constraint failed'), 'append')).toBeUndefined();
    expect(toUnavailableError(new TypeError('undefined is not a function'), 'append')).toBeUndefined();
    expect(isUniqueViolation(sqliteError(2067, 'UNIQUE constraint failed: events.event_id'))).toBe(true);
    // The store gives positions itself: another connection appended after the last event it knew.
    expect(isUniqueViolation(sqliteError(1555, 'UNIQUE constraint failed: events.global_position'))).toBe(
      true,
    );
    expect(isUniqueViolation(sqliteError(787, 'FOREIGN KEY constraint failed'))).toBe(false);
  });
});
