import { ConnectorError } from '../spi';

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

/**
 * Turns a mysql2 error into a ConnectorError the user can act on; anything else (a constraint
 * violation, an SQL error) is returned unchanged. `serverLabel` is `host:port`: messages never carry
 * the password, the user name's password hint or a connection string, and never the driver's text.
 */
export function mapMysqlError(error: unknown, serverLabel: string): unknown {
  if (error instanceof ConnectorError) return error;
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
