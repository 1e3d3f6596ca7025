import { ConnectorError, DataConstraintError, DataValidationError } from '../spi';

/** SQLSTATEs (PostgreSQL's errcodes) a user can act on. */
const AUTH_FAILED = new Set(['28P01', '28000']); // invalid_password, invalid_authorization_specification
const DATABASE_MISSING = '3D000'; // invalid_catalog_name
const SCHEMA_MISSING = '3F000'; // invalid_schema_name
const PERMISSION_DENIED = '42501'; // insufficient_privilege
const TABLE_MISSING = '42P01'; // undefined_table
const QUERY_CANCELED = '57014'; // statement_timeout
const LOCK_NOT_AVAILABLE = '55P03';
/** The server is going away, starting up or full: retrying later may succeed. */
const SERVER_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const UNIQUE = '23505';
const FOREIGN_KEY = '23503';
const CHECK = '23514';
const NOT_NULL = '23502';
/** cannot insert a non-DEFAULT value into a GENERATED ALWAYS column. */
const GENERATED_ALWAYS = '428C9';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE']);
const TIMEOUT = new Set(['ETIMEDOUT']);
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

/** What pg's DatabaseError carries (the server's error fields) or Node's network error. */
type PgError = Readonly<{
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  constraint?: unknown;
  column?: unknown;
  table?: unknown;
}>;

/**
 * Turns a pg error into a ConnectorError the user can act on, a constraint violation into a
 * DataConstraintError (409), a value the column's type refuses into a DataValidationError (400);
 * anything else (an SQL error that is a bug) is returned unchanged. `serverLabel` is `host:port`:
 * messages never carry the password, and never the server's text, which quotes the row's values.
 */
export function mapPostgresError(error: unknown, serverLabel: string): unknown {
  if (
    error instanceof ConnectorError ||
    error instanceof DataConstraintError ||
    error instanceof DataValidationError ||
    typeof error !== 'object' ||
    error === null
  )
    return error;
  const { code, message } = error as PgError;
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    const violation = constraintViolation(code, error as PgError);
    if (violation !== undefined) return violation;
    if (code === GENERATED_ALWAYS) {
      const column = /column "((?:[^"]|"")*)"/.exec(text)?.[1];
      return new DataValidationError(
        'A value was given for a column the database computes',
        column === undefined
          ? []
          : [{ field: column, message: 'is computed by the database and cannot be written' }],
        'DATA.READ_ONLY',
      );
    }
    // Class 22 (data exception): a value the column's type or domain refuses (an invalid uuid, a
    // number out of range, a text too long for a domain).
    if (code.startsWith('22'))
      return new DataValidationError('A value does not fit the type of its column', []);
    if (AUTH_FAILED.has(code))
      return new ConnectorError(
        'CONNECTOR.AUTH_FAILED',
        `The PostgreSQL server ${serverLabel} refused the user name or password`,
      );
    if (code === DATABASE_MISSING || code === SCHEMA_MISSING)
      return new ConnectorError(
        'CONNECTOR.DATABASE_NOT_FOUND',
        `The database or schema does not exist on ${serverLabel}`,
      );
    if (code === PERMISSION_DENIED)
      return new ConnectorError(
        'CONNECTOR.PERMISSION_DENIED',
        `The user has no permission for this on ${serverLabel}`,
      );
    if (code === TABLE_MISSING)
      return new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `A table does not exist on ${serverLabel}`);
    if (code === QUERY_CANCELED || code === LOCK_NOT_AVAILABLE)
      return new ConnectorError('CONNECTOR.TIMEOUT', `${serverLabel} did not answer in time`, true);
    if (SERVER_UNAVAILABLE.has(code) || code.startsWith('08'))
      return new ConnectorError('CONNECTOR.UNREACHABLE', `${serverLabel} is not available`, true);
    if (TLS_UNTRUSTED.has(code))
      // Not transient and not silently worked around: the user installs the CA or chooses another mode.
      return new ConnectorError(
        'CONNECTOR.UNREACHABLE',
        `The TLS certificate of ${serverLabel} is not trusted by this machine (tls: verify)`,
      );
    if (UNREACHABLE.has(code) || CONNECTION_LOST.has(code))
      return new ConnectorError('CONNECTOR.UNREACHABLE', `${serverLabel} cannot be reached`, true);
    if (TIMEOUT.has(code))
      return new ConnectorError('CONNECTOR.TIMEOUT', `${serverLabel} did not answer in time`, true);
  }
  // pg's own errors carry no code, only their text.
  if (/does not support SSL/i.test(text))
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `${serverLabel} offers no TLS, which the connection's tls setting requires`,
    );
  if (/timeout/i.test(text))
    return new ConnectorError('CONNECTOR.TIMEOUT', `${serverLabel} did not answer in time`, true);
  if (/Connection terminated|connection ended|Client has encountered a connection error/i.test(text))
    return new ConnectorError('CONNECTOR.UNREACHABLE', `${serverLabel} cannot be reached`, true);
  return error;
}

/** Columns named by a violation's detail: `Key (a, "b c")=(...) already exists.` */
function keyColumns(detail: unknown): string[] | undefined {
  if (typeof detail !== 'string') return undefined;
  const match = /^Key \((.*?)\)=\(/s.exec(detail);
  if (!match) return undefined;
  return match[1].split(/, (?=(?:[^"]*"[^"]*")*[^"]*$)/).map((name) => {
    const trimmed = name.trim();
    return /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed;
  });
}

function constraintViolation(code: string, error: PgError): DataConstraintError | undefined {
  const constraint = typeof error.constraint === 'string' ? { constraint: error.constraint } : {};
  const fields = keyColumns(error.detail);
  const named = { ...constraint, ...(fields === undefined ? {} : { fields }) };
  switch (code) {
    case UNIQUE:
      return new DataConstraintError('DATA.DUPLICATE_KEY', named);
    case FOREIGN_KEY: {
      // The written row refers to nothing, or a deleted (re-keyed) row is still referred to.
      const referencing = /is still referenced from table "((?:[^"]|"")*)"/.exec(String(error.detail ?? ''));
      if (referencing)
        return new DataConstraintError('DATA.ROW_REFERENCED', {
          ...constraint,
          referencingTable: referencing[1],
        });
      return new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', named);
    }
    case CHECK:
      return new DataConstraintError('DATA.CHECK_VIOLATION', constraint);
    case NOT_NULL:
      return new DataConstraintError(
        'DATA.NOT_NULL_VIOLATION',
        typeof error.column === 'string' ? { fields: [error.column] } : {},
      );
    default:
      return code.startsWith('23')
        ? new DataConstraintError('DATA.CONSTRAINT_VIOLATION', constraint)
        : undefined;
  }
}
