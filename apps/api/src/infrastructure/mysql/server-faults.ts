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

/**
 * The driver or server code when `error` means the server cannot serve now (refused, lost, denied,
 * lock wait timeout...), else undefined. Every MySQL adapter (event store, state stores) decides with
 * this one list; only the code is returned, never the server's message, which can name users and hosts.
 */
export function serverFaultOf(error: unknown): string | undefined {
  const closed = closedBy(error);
  if (closed !== undefined) return closed;
  const code = property(error, 'code');
  const fatal = property(error, 'fatal') === true;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return code;
  return fatal ? (typeof code === 'string' ? code : 'connection lost') : undefined;
}

/**
 * mysql2 names no code when a pool or a connection was closed under a call still in flight (an
 * instance shutting down): these are its exact messages, so such a call answers 503, not 500.
 */
const CLOSED_MESSAGES = new Map([
  ['Pool is closed.', 'POOL_CLOSED'],
  ["Can't add new command when connection is in closed state", 'CONNECTION_CLOSED'],
]);

function closedBy(error: unknown): string | undefined {
  const message = property(error, 'message');
  return typeof message === 'string' ? CLOSED_MESSAGES.get(message) : undefined;
}
