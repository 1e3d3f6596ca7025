import { ConnectorError, DataConstraintError } from '../spi';

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
/** Constraint violations (sys.messages); each message names the constraint, the duplicate ones a value too. */
const UNIQUE_CONSTRAINT_VIOLATED = 2627; // Violation of %ls constraint '%ls'. Cannot insert duplicate key ...
const UNIQUE_INDEX_VIOLATED = 2601; // Cannot insert duplicate key row in object '%ls' with unique index '%ls'. ...
const STATEMENT_CONFLICTED = 547; // The %ls statement conflicted with the %ls constraint "%ls". ...
const NULL_NOT_ALLOWED = 515; // Cannot insert the value NULL into column '%ls', table '%ls'; ...
const CONSTRAINT_NUMBERS = new Set([
  UNIQUE_CONSTRAINT_VIOLATED,
  UNIQUE_INDEX_VIOLATED,
  STATEMENT_CONFLICTED,
  NULL_NOT_ALLOWED,
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
 * Turns a tedious or tarn error into a ConnectorError the user can act on, or a constraint violation
 * into a DataConstraintError; anything else (an SQL error that is a bug, not a setting) is returned
 * unchanged. Messages name the server as `label` says (host, instance or port, database), never the
 * password, and never echo the server's text, which can carry the login name, the statement and, for a
 * duplicate key, the row's values.
 */
export function mapMssqlError(error: unknown, label: string): unknown {
  if (error instanceof ConnectorError || typeof error !== 'object' || error === null) return error;
  const violation = mssqlConstraintViolation(error);
  if (violation !== undefined) return violation;
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

/**
 * The constraint violation a request error reports. tedious gives one RequestError per error message
 * of the server, or an AggregateError of them when a batch sent several.
 */
function mssqlConstraintViolation(error: object): DataConstraintError | undefined {
  const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  const found = errors.find(
    (candidate): candidate is DriverError =>
      typeof candidate === 'object' &&
      candidate !== null &&
      CONSTRAINT_NUMBERS.has((candidate as DriverError).number as number),
  );
  if (found === undefined) return undefined;
  const text = typeof found.message === 'string' ? found.message : '';
  switch (found.number) {
    case UNIQUE_CONSTRAINT_VIOLATED:
      return duplicate(/^Violation of .*? constraint '(.*?)'\. Cannot insert duplicate key/s.exec(text)?.[1]);
    case UNIQUE_INDEX_VIOLATED:
      return duplicate(/ with unique index '(.*?)'\. The duplicate key value is/s.exec(text)?.[1]);
    case NULL_NOT_ALLOWED: {
      const column = /^Cannot insert the value NULL into column '(.*?)', table /s.exec(text)?.[1];
      return new DataConstraintError(
        'DATA.NOT_NULL_VIOLATION',
        column === undefined ? {} : { fields: [column] },
      );
    }
    default:
      return conflict(text);
  }
}

const duplicate = (constraint: string | undefined) =>
  new DataConstraintError('DATA.DUPLICATE_KEY', constraint === undefined ? {} : { constraint });

/**
 * 547 names the kind of constraint: FOREIGN KEY when the written row refers to nothing, REFERENCE
 * (SAME TABLE REFERENCE) when a deleted or re-keyed row is still referred to, CHECK. The table and
 * column it names are the other side's for a foreign key, the written table's for a check.
 */
function conflict(text: string): DataConstraintError {
  const [, kind = '', constraint] = /conflicted with the (.*?) constraint "(.*?)"\./s.exec(text) ?? [];
  const table = /table "(.*?)"/s.exec(text)?.[1];
  const column = /, column '(.*?)'\.?$/s.exec(text)?.[1];
  const named = constraint === undefined ? {} : { constraint };
  if (kind.includes('REFERENCE'))
    return new DataConstraintError('DATA.ROW_REFERENCED', {
      ...named,
      ...(table === undefined ? {} : { referencingTable: table }),
    });
  if (kind.includes('FOREIGN KEY')) return new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', named);
  if (kind.includes('CHECK'))
    return new DataConstraintError('DATA.CHECK_VIOLATION', {
      ...named,
      ...(column === undefined ? {} : { fields: [column] }),
    });
  return new DataConstraintError('DATA.CONSTRAINT_VIOLATION', named);
}
