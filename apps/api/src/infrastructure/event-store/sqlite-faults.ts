import { EventStoreUnavailableError } from './event-store-unavailable.error';

/** Primary result codes (https://sqlite.org/rescode.html) that mean "the storage cannot serve now". */
const UNAVAILABLE_CODES = new Map<number, string>([
  [3, 'SQLITE_PERM'],
  [5, 'SQLITE_BUSY'],
  [6, 'SQLITE_LOCKED'],
  [7, 'SQLITE_NOMEM'],
  [8, 'SQLITE_READONLY'],
  [10, 'SQLITE_IOERR'],
  [11, 'SQLITE_CORRUPT'],
  [13, 'SQLITE_FULL'],
  [14, 'SQLITE_CANTOPEN'],
  [15, 'SQLITE_PROTOCOL'],
  [26, 'SQLITE_NOTADB'],
]);
/** File system faults met while creating the data folder. */
const UNAVAILABLE_FS_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EIO', 'EDQUOT']);
const SQLITE_CONSTRAINT_UNIQUE = 2067;
/** A position taken: another connection appended after the last event this one knew. */
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

const errorProperty = (error: unknown, key: 'errcode' | 'code'): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

/** node:sqlite reports the extended result code in `errcode`. */
export const sqliteResultCode = (error: unknown): number | undefined => {
  const code = errorProperty(error, 'errcode');
  return typeof code === 'number' ? code : undefined;
};

export const isUniqueViolation = (error: unknown): boolean => {
  const code = sqliteResultCode(error);
  return code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY;
};

/** The unavailable error for a storage fault, or undefined when the error is something else (a bug, a domain error). */
export function toUnavailableError(error: unknown, action: string): EventStoreUnavailableError | undefined {
  if (error instanceof EventStoreUnavailableError) return error;
  const resultCode = sqliteResultCode(error);
  const sqliteName = resultCode === undefined ? undefined : UNAVAILABLE_CODES.get(resultCode & 0xff);
  const fsCode = errorProperty(error, 'code');
  const fault =
    sqliteName ?? (typeof fsCode === 'string' && UNAVAILABLE_FS_CODES.has(fsCode) ? fsCode : undefined);
  if (fault === undefined) return undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`Event store cannot ${action} (${fault}: ${reason})`, {
    cause: error,
  });
}
