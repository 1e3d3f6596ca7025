import { ConnectorError, DataConstraintError } from '../spi';

/** mysql2 sets `code` to the server's symbolic error name or to Node's / its own network code. */
const AUTH_FAILED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR']);
const PERMISSION_DENIED = new Set([
  'ER_DBACCESS_DENIED_ERROR',
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_COLUMNACCESS_DENIED_ERROR',
  'ER_SPECIFIC_ACCESS_DENIED_ERROR',
  'ER_PROCACCESS_DENIED_ERROR',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** The server went away mid-call; the pool drops that connection and opens a fresh one next time. */
const CONNECTION_LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'EPIPE',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
]);
const TIMEOUT = new Set([
  'ETIMEDOUT',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
]);
/** Node's TLS verification failures: the server is there, but not who it claims to be. */
const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Server error numbers of constraint violations (MySQL's and MariaDB's share all but the check's). */
const DUPLICATE_KEY = new Set([
  1062, // ER_DUP_ENTRY: Duplicate entry '%s' for key '%s'
  1586, // ER_DUP_ENTRY_WITH_KEY_NAME
  1022, // ER_DUP_KEY: Can't write; duplicate key in table '%s'
  1169, // ER_DUP_UNIQUE
]);
const NO_REFERENCED_ROW = new Set([1452, 1216]); // ER_NO_REFERENCED_ROW_2, ER_NO_REFERENCED_ROW
const ROW_IS_REFERENCED = new Set([1451, 1217]); // ER_ROW_IS_REFERENCED_2, ER_ROW_IS_REFERENCED
const MYSQL_CHECK_VIOLATED = 3819; // ER_CHECK_CONSTRAINT_VIOLATED: Check constraint '%s' is violated.
/** MariaDB's ER_CONSTRAINT_FAILED; mysql2 names 4025 after MySQL's unrelated error of that number. */
const MARIADB_CONSTRAINT_FAILED = 4025;
const BAD_NULL = 1048; // ER_BAD_NULL_ERROR: Column '%s' cannot be null
const NO_DEFAULT_FOR_FIELD = 1364; // ER_NO_DEFAULT_FOR_FIELD: Field '%s' doesn't have a default value
/** SQLSTATE class 23: integrity constraint violation, whatever the server's own number. */
const INTEGRITY_CONSTRAINT_CLASS = /^23/;

type MysqlDriverError = Readonly<{ code?: unknown; errno?: unknown; sqlState?: unknown; message?: unknown }>;

/**
 * Turns a mysql2 error into a ConnectorError the user can act on, or a constraint violation into a
 * DataConstraintError; anything else (an SQL error) is returned unchanged. `serverLabel` is
 * `host:port`: messages never carry the password, the user name's password hint or a connection
 * string, and never the driver's text (a duplicate entry quotes the row's values).
 */
export function mapMysqlError(error: unknown, serverLabel: string): unknown {
  if (error instanceof ConnectorError) return error;
  const violation = mysqlConstraintViolation(error);
  if (violation !== undefined) return violation;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;

  if (AUTH_FAILED.has(code)) {
    return new ConnectorError(
      'CONNECTOR.AUTH_FAILED',
      `The MySQL server ${serverLabel} refused the user name or password`,
    );
  }
  if (PERMISSION_DENIED.has(code)) {
    return new ConnectorError(
      'CONNECTOR.PERMISSION_DENIED',
      `The MySQL user may not do this on ${serverLabel}: ask an administrator for the privilege`,
    );
  }
  if (code === 'ER_BAD_DB_ERROR') {
    return new ConnectorError(
      'CONNECTOR.DATABASE_NOT_FOUND',
      `The database does not exist on ${serverLabel}`,
    );
  }
  if (code === 'ER_NO_SUCH_TABLE') {
    return new ConnectorError(
      'CONNECTOR.TABLE_NOT_FOUND',
      `A table does not exist (any more) on ${serverLabel}`,
    );
  }
  if (UNREACHABLE.has(code)) {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The MySQL server ${serverLabel} cannot be reached`,
      true,
    );
  }
  if (CONNECTION_LOST.has(code)) {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The connection to the MySQL server ${serverLabel} was lost`,
      true,
    );
  }
  if (TIMEOUT.has(code)) {
    return new ConnectorError(
      'CONNECTOR.TIMEOUT',
      `The MySQL server ${serverLabel} did not answer in time`,
      true,
    );
  }
  if (code === 'HANDSHAKE_NO_SSL_SUPPORT') {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `TLS is required but the MySQL server ${serverLabel} does not offer it`,
    );
  }
  if (TLS_UNTRUSTED.has(code)) {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The TLS certificate of the MySQL server ${serverLabel} could not be verified`,
    );
  }
  return error;
}

/** A lost connection: reads may be retried once on a fresh connection from the pool. */
export function isConnectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'PROTOCOL_CONNECTION_LOST' || code === 'ECONNRESET' || code === 'EPIPE')
  );
}

/** A backquoted identifier of the server's messages, doubled backquotes inside. */
const QUOTED = '`((?:[^`]|``)+)`';
const unquote = (name: string) => name.replace(/``/g, '`');
const FOREIGN_KEY = new RegExp(`\\(${QUOTED}\\.${QUOTED}, CONSTRAINT ${QUOTED} FOREIGN KEY \\(([^)]*)\\)`);

/** The constraint violation a server error reports, read from the schema names of its message only. */
function mysqlConstraintViolation(error: unknown): DataConstraintError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errno, sqlState, message } = error as MysqlDriverError;
  if (typeof errno !== 'number') return undefined;
  const text = typeof message === 'string' ? message : '';

  if (DUPLICATE_KEY.has(errno)) {
    // The key's name ends the message; the values before it are never read. MySQL 8 writes `table.key`.
    const key = /^.*for key '(.*?)'$/s.exec(text)?.[1];
    return new DataConstraintError(
      'DATA.DUPLICATE_KEY',
      key === undefined ? {} : { constraint: key.slice(key.lastIndexOf('.') + 1) },
    );
  }
  if (NO_REFERENCED_ROW.has(errno) || ROW_IS_REFERENCED.has(errno)) {
    const [, , table, constraint, columns] = FOREIGN_KEY.exec(text) ?? [];
    if (ROW_IS_REFERENCED.has(errno))
      return new DataConstraintError('DATA.ROW_REFERENCED', {
        ...(constraint === undefined ? {} : { constraint: unquote(constraint) }),
        ...(table === undefined ? {} : { referencingTable: unquote(table) }),
      });
    return new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', {
      ...(constraint === undefined ? {} : { constraint: unquote(constraint) }),
      ...(columns === undefined ? {} : { fields: identifiers(columns) }),
    });
  }
  if (errno === MYSQL_CHECK_VIOLATED) {
    const constraint = /^Check constraint '(.*)' is violated/s.exec(text)?.[1];
    return new DataConstraintError('DATA.CHECK_VIOLATION', constraint === undefined ? {} : { constraint });
  }
  if (errno === MARIADB_CONSTRAINT_FAILED && sqlState === '23000') {
    const constraint = new RegExp(`^CONSTRAINT ${QUOTED} failed`).exec(text)?.[1];
    return new DataConstraintError(
      'DATA.CHECK_VIOLATION',
      constraint === undefined ? {} : { constraint: unquote(constraint) },
    );
  }
  if (errno === BAD_NULL || errno === NO_DEFAULT_FOR_FIELD) {
    const field = /^(?:Column|Field) '(.*)' (?:cannot be null|doesn't have a default value)/s.exec(text)?.[1];
    return new DataConstraintError('DATA.NOT_NULL_VIOLATION', field === undefined ? {} : { fields: [field] });
  }
  if (typeof sqlState === 'string' && INTEGRITY_CONSTRAINT_CLASS.test(sqlState))
    return new DataConstraintError('DATA.CONSTRAINT_VIOLATION');
  return undefined;
}

/** "`a`, `b`" of a FOREIGN KEY clause as column names. */
const identifiers = (list: string): string[] =>
  [...list.matchAll(new RegExp(QUOTED, 'g'))].map(([, name]) => unquote(name));
