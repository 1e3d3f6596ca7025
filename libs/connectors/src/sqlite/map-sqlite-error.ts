import { ConnectorError, DataConstraintError } from '../spi';

/** SQLite primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte. */
const SQLITE_PERM = 3;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CANTOPEN = 14;
const SQLITE_AUTH = 23;
const SQLITE_NOTADB = 26;
const SQLITE_CONSTRAINT = 19;
/** Extended result codes of SQLITE_CONSTRAINT (node:sqlite reports the extended code). */
const SQLITE_CONSTRAINT_CHECK = 275;
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const SQLITE_CONSTRAINT_NOTNULL = 1299;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_ROWID = 2579;

/**
 * The write a driver error happened in: SQLite reports every foreign key failure alike, whether a
 * written row refers to nothing or a deleted row is still referred to.
 */
export type SqliteWrite = 'insert' | 'update' | 'delete';

/**
 * Turns a driver error (node:sqlite sets `errcode` to the extended result code) into a ConnectorError
 * the user can act on, or a constraint violation into a DataConstraintError; anything else is
 * returned unchanged. Messages name the database as the user gave it, never the folder it lives in.
 */
export function mapSqliteError(error: unknown, databaseLabel: string, write?: SqliteWrite): unknown {
  if (error instanceof ConnectorError) return error;
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode !== 'number') return error;

  switch (errcode & 0xff) {
    case SQLITE_CONSTRAINT:
      return constraintViolation(errcode, (error as { message?: unknown }).message, write);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new ConnectorError(
        'CONNECTOR.TIMEOUT',
        `Database "${databaseLabel}" is locked by another connection`,
        true,
      );
    case SQLITE_CANTOPEN:
      return new ConnectorError(
        'CONNECTOR.DATABASE_NOT_FOUND',
        `Database "${databaseLabel}" cannot be opened`,
      );
    case SQLITE_NOTADB:
      return new ConnectorError(
        'CONNECTOR.DATABASE_NOT_FOUND',
        `"${databaseLabel}" is not an SQLite database`,
      );
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_READONLY:
      return new ConnectorError(
        'CONNECTOR.PERMISSION_DENIED',
        `Access to database "${databaseLabel}" was denied`,
      );
    case SQLITE_IOERR:
      return new ConnectorError(
        'CONNECTOR.UNREACHABLE',
        `Database "${databaseLabel}" could not be read`,
        true,
      );
    default:
      return error;
  }
}

/**
 * SQLite's constraint messages name columns as `table.column` (UNIQUE, NOT NULL) or the check by its
 * name or expression; none quotes a value.
 */
function constraintViolation(errcode: number, message: unknown, write?: SqliteWrite): DataConstraintError {
  const text = typeof message === 'string' ? message : '';
  const detail = /constraint failed: (.*)$/s.exec(text)?.[1];
  const columns =
    detail === undefined ? [] : detail.split(', ').map((name) => name.slice(name.indexOf('.') + 1));
  switch (errcode) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_ROWID:
      return new DataConstraintError('DATA.DUPLICATE_KEY', columns.length > 0 ? { fields: columns } : {});
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return new DataConstraintError(
        write === 'delete' ? 'DATA.ROW_REFERENCED' : 'DATA.FOREIGN_KEY_VIOLATION',
      );
    case SQLITE_CONSTRAINT_CHECK:
      return new DataConstraintError(
        'DATA.CHECK_VIOLATION',
        detail === undefined ? {} : { constraint: detail },
      );
    case SQLITE_CONSTRAINT_NOTNULL:
      return new DataConstraintError(
        'DATA.NOT_NULL_VIOLATION',
        columns.length > 0 ? { fields: columns } : {},
      );
    default:
      return new DataConstraintError('DATA.CONSTRAINT_VIOLATION');
  }
}
