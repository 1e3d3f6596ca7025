import { EventStoreUnavailableError } from '../event-store-unavailable.error';

/**
 * Driver and server codes that mean "the server cannot serve now": unreachable, gone, refusing us,
 * overloaded or out of space. Anything else (a bug, a constraint) is not a fault of the server.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_CLOSED',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_QUERY_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
  'ER_OPTION_PREVENTS_STATEMENT',
  'ER_DISK_FULL',
  'ER_RECORD_FILE_FULL',
  'ER_OUT_OF_RESOURCES',
  'ER_CANT_CREATE_TABLE',
]);

const property = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

const codeOf = (error: unknown): string | undefined => {
  const code = property(error, 'code');
  return typeof code === 'string' ? code : undefined;
};

/** A unique key refused a row; `key` is the index name (MySQL 8 prefixes it with the table). */
export function duplicateKeyOf(error: unknown): string | undefined {
  if (codeOf(error) !== 'ER_DUP_ENTRY') return undefined;
  const message = property(error, 'sqlMessage') ?? property(error, 'message');
  const key = typeof message === 'string' ? /for key '([^']+)'/.exec(message)?.[1] : undefined;
  return key?.split('.').pop() ?? '';
}

/** Strict mode refused a NULL for a NOT NULL column (the append's version guard). */
export const isNullRefused = (error: unknown): boolean => codeOf(error) === 'ER_BAD_NULL_ERROR';

/** The unavailable error for a server fault, or undefined when the error is something else. */
export function toUnavailableError(error: unknown, action: string): EventStoreUnavailableError | undefined {
  if (error instanceof EventStoreUnavailableError) return error;
  const code = codeOf(error);
  const fatal = property(error, 'fatal') === true;
  if (!fatal && (code === undefined || !UNAVAILABLE_CODES.has(code))) return undefined;
  return new EventStoreUnavailableError(`Event store cannot ${action} (${code ?? 'connection lost'})`, {
    cause: error,
  });
}
