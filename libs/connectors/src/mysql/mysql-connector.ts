import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { SERVER_VERSION_SQL, type MysqlVersionRow } from './mysql-catalog.sql';
import { type MysqlFlavour } from './map-mysql-default';
import { isConnectionLost, mapMysqlError } from './map-mysql-error';
import { MysqlDataAccess } from './mysql-data-access';
import { MysqlIntrospector } from './mysql-introspector';
import { resolveMysqlOptions, type MysqlConnectorOptions } from './mysql-options';
import { mysql2Driver, type MysqlDriver, type MysqlPool } from './mysql-pool';

/**
 * Opens a pool on a MySQL or MariaDB server (no connection is made until the first call) and
 * introspects it. Throws INVALID_OPTIONS for bad options; every call maps driver errors to
 * ConnectorErrors (AUTH_FAILED, UNREACHABLE, TIMEOUT ...) whose messages never carry the password.
 */
export function createMysqlConnector(
  options: MysqlConnectorOptions,
  driver: MysqlDriver = mysql2Driver,
): Connector {
  const resolved = resolveMysqlOptions(options);
  return new MysqlConnector(driver.createPool(resolved.pool), resolved.queryTimeoutMs, resolved.label);
}

/** catalog: driver-expanded `?`; prepared: server-side statement; prepared-spatial: one that reads spatial columns. */
type ReadMode = 'catalog' | 'prepared' | 'prepared-spatial';

/** Runs statements on the pool: values bound, a time limit, driver errors mapped. */
export class MysqlSession {
  private closed = false;

  constructor(
    private readonly pool: MysqlPool,
    private readonly queryTimeoutMs: number,
    readonly label: string,
  ) {}

  /**
   * A read: catalog SQL through the driver's `?` expansion (arrays for IN lists), data statements
   * prepared. A pooled connection the server dropped while idle (restart, wait_timeout, KILL) fails
   * only on its next use: a read is then retried once, on a fresh connection.
   */
  async read<R>(sql: string, values: readonly unknown[], mode: ReadMode = 'catalog'): Promise<R[]> {
    try {
      return (await this.run(sql, values, mode)) as R[];
    } catch (error) {
      if (!isConnectionLost(error)) throw mapMysqlError(error, this.label);
    }
    try {
      return (await this.run(sql, values, mode)) as R[];
    } catch (error) {
      throw mapMysqlError(error, this.label);
    }
  }

  /** A prepared write, never retried: the first attempt may have been applied. */
  async write<R>(sql: string, values: readonly unknown[]): Promise<R> {
    try {
      return (await this.run(sql, values, 'prepared')) as R;
    } catch (error) {
      throw mapMysqlError(error, this.label);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private run(sql: string, values: readonly unknown[], mode: ReadMode): Promise<unknown> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    return mode === 'catalog'
      ? this.pool.query(sql, values, this.queryTimeoutMs)
      : this.pool.execute(sql, values, this.queryTimeoutMs, mode === 'prepared-spatial');
  }
}

class MysqlConnector implements Connector {
  readonly provider = 'mysql' as const;
  readonly data: EntityDataAccess;
  private readonly session: MysqlSession;
  private readonly introspector: MysqlIntrospector;
  private version?: string;

  constructor(pool: MysqlPool, queryTimeoutMs: number, label: string) {
    this.session = new MysqlSession(pool, queryTimeoutMs, label);
    this.introspector = new MysqlIntrospector(
      (sql, values) => this.session.read(sql, values),
      () => this.flavour(),
    );
    this.data = new MysqlDataAccess({
      read: (sql, values, spatial) =>
        this.session.read(sql, values, spatial ? 'prepared-spatial' : 'prepared'),
      write: (sql, values) => this.session.write(sql, values),
    });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = performance.now();
    const [{ version }] = await this.session.read<MysqlVersionRow>(SERVER_VERSION_SQL, []);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    this.version = version;
    return { ok: true, serverVersion: version, latencyMs };
  }

  listDatabases(): Promise<string[]> {
    return this.introspector.listDatabases();
  }

  listTables(database: string): Promise<TableSummary[]> {
    return this.introspector.listTables(database);
  }

  describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    return this.introspector.describe(database, tables);
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /** MariaDB's VERSION() says so (`11.4.2-MariaDB-log`); it writes defaults and JSON its own way. */
  private async flavour(): Promise<MysqlFlavour> {
    if (this.version === undefined) {
      const [{ version }] = await this.session.read<MysqlVersionRow>(SERVER_VERSION_SQL, []);
      this.version = version;
    }
    return /mariadb/i.test(this.version) ? 'mariadb' : 'mysql';
  }
}
