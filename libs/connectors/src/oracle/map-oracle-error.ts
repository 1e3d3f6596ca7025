import { ConnectorError, DataConstraintError } from '../spi';

/** Oracle errors (ORA-nnnnn) a user can act on. */
const UNIQUE_VIOLATED = 1; // ORA-00001: unique constraint (HR.EMP_EMAIL_UK) violated
const TABLE_NOT_FOUND = 942; // ORA-00942: table or view does not exist
const INSERT_NULL = 1400; // ORA-01400: cannot insert NULL into ("HR"."EMPLOYEES"."LAST_NAME")
const UPDATE_TO_NULL = 1407; // ORA-01407: cannot update ("HR"."EMPLOYEES"."LAST_NAME") to NULL
const CHECK_VIOLATED = 2290; // ORA-02290: check constraint (HR.EMP_SALARY_MIN) violated
const PARENT_KEY_NOT_FOUND = 2291; // ORA-02291: integrity constraint (HR.EMP_DEPT_FK) violated - parent key not found
const CHILD_RECORD_FOUND = 2292; // ORA-02292: integrity constraint (HR.EMP_DEPT_FK) violated - child record found
/** Writes to what the database computes (the published entity does not say so): a refusal, not a fault. */
const COMPUTED_NUMBERS = new Set([
  54013, // INSERT operation disallowed on virtual columns
  54017, // UPDATE operation disallowed on virtual columns
  32795, // cannot insert into a generated always identity column
  32796, // cannot update a generated always identity column
]);
const AUTH_NUMBERS = new Set([
  1017, // invalid credential or not authorized; logon denied
  1005, // null password given; logon denied
  28000, // the account is locked
  28001, // the password has expired
]);
const PERMISSION_NUMBERS = new Set([
  1031, // insufficient privileges
  1045, // user lacks CREATE SESSION privilege
  1749, // you may not GRANT/REVOKE privileges to/from yourself
]);
const UNREACHABLE_NUMBERS = new Set([
  12541, // TNS:no listener
  12543, // TNS:destination host unreachable
  12514, // TNS:listener does not currently know of service requested
  12505, // TNS:listener does not currently know of SID
  12537, // TNS:connection closed
  12547, // TNS:lost contact
  12170, // TNS:connect timeout occurred
  3113, // end-of-file on communication channel
  3114, // not connected to ORACLE
  3135, // connection lost contact
  1033, // ORACLE initialization or shutdown in progress
  1034, // ORACLE not available
  1089, // immediate shutdown or close in progress
]);
/** node-oracledb thin mode's network errors (NJS-5nn). */
const NJS_UNREACHABLE = new Set([
  'NJS-500', // connection was closed or broken
  'NJS-501', // terminated unexpectedly
  'NJS-503', // could not be established (ECONNREFUSED ...)
  'NJS-511', // the listener refused it
  'NJS-521', // end-of-file on communication channel
  'NJS-530', // host unresolvable in this network
]);
/** The connect string built from the details is not one the driver reads (NJS-512/514/515). */
const NJS_BAD_CONNECT_STRING = new Set(['NJS-512', 'NJS-514', 'NJS-515']);
const NJS_SERVICE_UNKNOWN = 'NJS-518';
const NJS_TIMEOUTS = new Set(['NJS-510', 'NJS-123', 'NJS-040']);
const NJS_TLS = new Set(['NJS-505', 'NJS-506', 'NJS-507', 'NJS-508']);
const NODE_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
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

type DriverError = Readonly<{ code?: unknown; errorNum?: unknown; message?: unknown; cause?: unknown }>;

/**
 * Turns a node-oracledb (or tarn) error into a ConnectorError the user can act on, or a constraint
 * violation into a DataConstraintError; anything else (an SQL error that is a bug, not a setting) is
 * returned unchanged. Messages name the database as `label` says (host, port, service), never the
 * password, and never echo the server's text (which can carry the user name or the statement).
 */
export function mapOracleError(error: unknown, label: string): unknown {
  if (error instanceof ConnectorError || typeof error !== 'object' || error === null) return error;
  const { code, message } = error as DriverError;
  const number = oraNumber(error as DriverError);
  const text = typeof message === 'string' ? message : '';
  const violation = number === undefined ? undefined : oracleConstraintViolation(number, text);
  if (violation !== undefined) return violation;
  if (number !== undefined && COMPUTED_NUMBERS.has(number))
    return new DataConstraintError('DATA.CONSTRAINT_VIOLATION');

  if (number === TABLE_NOT_FOUND) {
    return new ConnectorError(
      'CONNECTOR.TABLE_NOT_FOUND',
      `A table or view does not exist on ${label}, or the user may not read it`,
    );
  }
  if (number !== undefined && AUTH_NUMBERS.has(number)) {
    return new ConnectorError(
      'CONNECTOR.AUTH_FAILED',
      `Login to ${label} failed: check the user name and password`,
    );
  }
  if (number !== undefined && PERMISSION_NUMBERS.has(number)) {
    return new ConnectorError(
      'CONNECTOR.PERMISSION_DENIED',
      `The user has no permission for this on ${label}`,
    );
  }
  if (certificateProblem(error) || (typeof code === 'string' && NJS_TLS.has(code))) {
    // Not transient and not silently worked around: the user installs the CA or fixes the name.
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The TLS connection to ${label} failed: its certificate is not trusted by this machine or names another host`,
    );
  }
  if (typeof code === 'string' && NJS_BAD_CONNECT_STRING.has(code)) {
    return new ConnectorError(
      'CONNECTOR.INVALID_OPTIONS',
      `The host, port and service name of ${label} do not make an Easy Connect string`,
    );
  }
  if (code === NJS_SERVICE_UNKNOWN || number === 12514) {
    return new ConnectorError(
      'CONNECTOR.UNREACHABLE',
      `The listener of ${label} does not know this service (check the service name, or the database is starting)`,
      true,
    );
  }
  if ((typeof code === 'string' && NJS_TIMEOUTS.has(code)) || number === 12170 || number === 3136) {
    return new ConnectorError('CONNECTOR.TIMEOUT', `${label} did not answer in time`, true);
  }
  if (
    (number !== undefined && UNREACHABLE_NUMBERS.has(number)) ||
    (typeof code === 'string' && (NJS_UNREACHABLE.has(code) || NODE_UNREACHABLE.has(code))) ||
    nodeNetworkProblem(error)
  ) {
    return new ConnectorError('CONNECTOR.UNREACHABLE', `${label} cannot be reached`, true);
  }
  return error;
}

/** `errorNum` of an ORA- error; node-oracledb also sets `code: 'ORA-01017'`. */
function oraNumber({ errorNum, code, message }: DriverError): number | undefined {
  if (typeof errorNum === 'number' && errorNum > 0) return errorNum;
  const ora = typeof code === 'string' ? /^ORA-(\d{5})$/.exec(code) : null;
  if (ora) return Number(ora[1]);
  const leading = typeof message === 'string' ? /^ORA-(\d{5}):/.exec(message) : null;
  return leading ? Number(leading[1]) : undefined;
}

function oracleConstraintViolation(number: number, text: string): DataConstraintError | undefined {
  const constraint = constraintName(text);
  const named = constraint === undefined ? {} : { constraint };
  // 23ai adds "... on table HR.EMPLOYEES columns (EMAIL)"; older servers name only the constraint.
  const columns = /\bcolumns \(([^)]*)\)/.exec(text)?.[1];
  const fields =
    columns === undefined ? {} : { fields: columns.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) };
  switch (number) {
    case UNIQUE_VIOLATED:
      return new DataConstraintError('DATA.DUPLICATE_KEY', { ...named, ...fields });
    case PARENT_KEY_NOT_FOUND:
      return new DataConstraintError('DATA.FOREIGN_KEY_VIOLATION', { ...named, ...fields });
    case CHILD_RECORD_FOUND:
      return new DataConstraintError('DATA.ROW_REFERENCED', named);
    case CHECK_VIOLATED:
      return new DataConstraintError('DATA.CHECK_VIOLATION', { ...named, ...fields });
    case INSERT_NULL:
    case UPDATE_TO_NULL: {
      // ("HR"."EMPLOYEES"."LAST_NAME"): the last quoted part is the column.
      const column = /\(("(?:[^"]*)"(?:\."[^"]*")*)\)/.exec(text)?.[1]?.split('.').at(-1)?.slice(1, -1);
      return new DataConstraintError('DATA.NOT_NULL_VIOLATION', column ? { fields: [column] } : {});
    }
    default:
      return undefined;
  }
}

/** `(HR.EMP_EMAIL_UK)` -> EMP_EMAIL_UK: the constraint's own name, without its schema. */
function constraintName(text: string): string | undefined {
  const qualified = /constraint \(([^)]+)\)/.exec(text)?.[1];
  if (qualified === undefined) return undefined;
  const dot = qualified.indexOf('.');
  return (dot < 0 ? qualified : qualified.slice(dot + 1)).replace(/^"|"$/g, '');
}

function certificateProblem(error: object): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as DriverError;
    if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}

/** Thin mode wraps the socket error (ECONNREFUSED ...) in an NJS error; the cause or its text tells. */
function nodeNetworkProblem(error: object): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause, message } = current as DriverError;
    if (typeof code === 'string' && NODE_UNREACHABLE.has(code)) return true;
    if (typeof message === 'string' && /\b(?:ECONNREFUSED|ENOTFOUND|EHOSTUNREACH)\b/.test(message))
      return true;
    current = cause;
  }
  return false;
}
