import { ConnectorError } from '../spi';

/** SQL Server error numbers a user can act on (sys.messages). */
const CANNOT_OPEN_DATABASE = 4060;
const DATABASE_DOES_NOT_EXIST = 911;
const LOGIN_FAILED = 18456;
const PERMISSION_NUMBERS = new Set([
  229, // The %ls permission was denied on the object
  230, // The %ls permission was denied on the column
  262, // %ls permission denied in database
  297, // The user does not have permission to perform this action
  300, // %ls permission was denied on object
  916, // The server principal is not able to access the database under the current security context
]);
/** Node's TLS verification codes: the server's certificate is not trusted by this machine. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

type DriverError = Readonly<{
  code?: unknown;
  number?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}>;

/**
 * Turns a tedious or tarn error into a ConnectorError the user can act on; anything else (an SQL error
 * that is a bug, not a setting) is returned unchanged. Messages name the server as `label` says (host,
 * instance or port, database), never the password, and never echo the server's text, which can carry
 * the login name and statement.
 */
export function mapMssqlError(error: unknown, label: string): unknown {
  if (error instanceof ConnectorError || typeof error !== 'object' || error === null) return error;
  const { code, number, name, message } = error as DriverError;
  const text = typeof message === 'string' ? message : '';

  if (
    number === CANNOT_OPEN_DATABASE ||
    number === DATABASE_DOES_NOT_EXIST ||
    /cannot open database/i.test(text)
  ) {
    return new ConnectorError(
      'CONNECTOR.DATABASE_NOT_FOUND',
      `The database of ${label} does not exist or the login cannot open it`,
    );
  }
  if (typeof number === 'number' && PERMISSION_NUMBERS.has(number)) {
    return new ConnectorError(
      'CONNECTOR.PERMISSION_DENIED',
      `The login has no permission for this on ${label}`,
    );
  }
  if (code === 'ELOGIN' || number === LOGIN_FAILED) {
    return new ConnectorError(
      'CONNECTOR.AUTH_FAILED',
      `Login to ${label} failed: check the user name and password`,
    );
  }
  if (certificateProblem(error)) {
    // Not transient and not silently worked around: the user decides to trust it or to install the CA.
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The TLS certificate of ${label} is not trusted by this machine (trustServerCertificate is off)`,
    );
  }
  if (code === 'ETIMEOUT' || name === 'TimeoutError') {
    return new ConnectorError('CONNECTOR.TIMEOUT', `${label} did not answer in time`, true);
  }
  if (
    code === 'ESOCKET' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH' ||
    code === 'ECLOSE'
  ) {
    return new ConnectorError('CONNECTOR.UNREACHABLE', `${label} cannot be reached`, true);
  }
  if (code === 'EINSTLOOKUP') {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The instance of ${label} was not found (is the SQL Server Browser running?)`,
      true,
    );
  }
  return error;
}

function certificateProblem(error: object): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as DriverError;
    if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}
