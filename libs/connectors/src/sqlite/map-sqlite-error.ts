import { ConnectorError } from '../spi';

/** SQLite primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte. */
const SQLITE_PERM = 3;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CANTOPEN = 14;
const SQLITE_AUTH = 23;
const SQLITE_NOTADB = 26;

/**
 * Turns a driver error (node:sqlite sets `errcode` to the extended result code) into a ConnectorError
 * the user can act on; anything else is returned unchanged. Messages name the database as the user
 * gave it, never the folder it lives in.
 */
export function mapSqliteError(error: unknown, databaseLabel: string): unknown {
  if (error instanceof ConnectorError) return error;
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode !== 'number') return error;

  switch (errcode & 0xff) {
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
