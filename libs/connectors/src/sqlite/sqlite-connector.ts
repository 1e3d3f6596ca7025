import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { mapSqliteError } from './map-sqlite-error';
import { resolveDatabasePath } from './resolve-database-path';
import { SCHEMA_CHECK_SQL, SERVER_VERSION_SQL } from './sqlite-catalog.sql';
import { SqliteDataAccess } from './sqlite-data-access';
import { nodeSqliteDriver, queryRows, type SqliteDatabase, type SqliteDriver } from './sqlite-database';
import { SqliteIntrospector } from './sqlite-introspector';

export type SqliteConnectorOptions = Readonly<{
  /** The configured databases folder; no database outside it can be opened. */
  root: string;
  /** The database file, relative to `root`. */
  path: string;
  /** How long a read waits for another connection's write lock (SQLite busy timeout). */
  timeoutMs?: number;
}>;

export const DEFAULT_SQLITE_TIMEOUT_MS = 5_000;
/** SQLite's busy timeout is a C int of milliseconds. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Opens an SQLite database of the databases folder, read-only, and introspects it. Its `data` reads
 * through that handle and opens a second, read-write one on the first write (the path checked again
 * first, never creating a file).
 * Throws PATH_NOT_ALLOWED for a path that leads out of `root` (checked before any file is opened),
 * DATABASE_NOT_FOUND for a missing file (never creates one) or a file that is not a database,
 * INVALID_OPTIONS for a bad timeout.
 */
export function createSqliteConnector(
  options: SqliteConnectorOptions,
  driver: SqliteDriver = nodeSqliteDriver,
): Connector {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SQLITE_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'timeoutMs must be a whole number of milliseconds');
  }
  const file = resolveDatabasePath(options.root, options.path);

  let db: SqliteDatabase | undefined;
  try {
    db = driver.open(file, { readOnly: true, timeoutMs });
    // Opening reads nothing: a file that is not a database only fails on its first query.
    queryRows(db, SCHEMA_CHECK_SQL);
  } catch (error) {
    db?.close();
    throw mapSqliteError(error, options.path);
  }
  const openWriter = () => {
    let writer: SqliteDatabase | undefined;
    try {
      // Checked again: the file may have been replaced (by a link out of the folder) since opening.
      writer = driver.open(resolveDatabasePath(options.root, options.path), { readOnly: false, timeoutMs });
      queryRows(writer, SCHEMA_CHECK_SQL);
      return writer;
    } catch (error) {
      writer?.close();
      throw mapSqliteError(error, options.path);
    }
  };
  return new SqliteConnector(
    db,
    options.path,
    new SqliteDataAccess({ reader: db, openWriter, label: options.path }),
  );
}

class SqliteConnector implements Connector {
  readonly provider = 'sqlite' as const;
  private readonly introspector: SqliteIntrospector;
  private closed = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly label: string,
    private readonly dataAccess: SqliteDataAccess,
  ) {
    this.introspector = new SqliteIntrospector(db);
  }

  get data(): EntityDataAccess {
    return this.dataAccess;
  }

  testConnection(): Promise<ConnectionTestResult> {
    return this.run(async () => {
      const started = performance.now();
      const [{ version }] = queryRows<{ version: string }>(this.db, SERVER_VERSION_SQL);
      const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
      return { ok: true, serverVersion: version, latencyMs };
    });
  }

  listDatabases(): Promise<string[]> {
    return this.run(() => this.introspector.listDatabases());
  }

  listTables(database: string): Promise<TableSummary[]> {
    return this.run(() => this.introspector.listTables(database));
  }

  describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    return this.run(() => this.introspector.describe(database, tables));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dataAccess.close();
    this.db.close();
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    try {
      return await work();
    } catch (error) {
      throw mapSqliteError(error, this.label);
    }
  }
}
