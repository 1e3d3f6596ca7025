import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { mapPostgresError } from './map-postgres-error';
import { SERVER_VERSION_SQL, type PostgresVersionRow } from './postgres-catalog.sql';
import { PostgresDataAccess } from './postgres-data-access';
import { PostgresIntrospector } from './postgres-introspector';
import {
  resolvePostgresOptions,
  type PostgresConnectorOptions,
  type ResolvedPostgresOptions,
} from './postgres-options';
import { pgDriver, type PostgresDriver, type PostgresPool, type PostgresResult } from './postgres-pool';

/**
 * Opens a PostgreSQL connector: one pool per database of the server, opened at its first use (no
 * connection is made until a call needs one). Throws INVALID_OPTIONS for bad options; every call maps
 * driver errors to ConnectorErrors (AUTH_FAILED, UNREACHABLE, TIMEOUT ...) whose messages never carry
 * the password.
 */
export function createPostgresConnector(
  options: PostgresConnectorOptions,
  driver: PostgresDriver = pgDriver,
): Connector {
  return new PostgresConnector(resolvePostgresOptions(options), driver);
}

class PostgresConnector implements Connector {
  readonly provider = 'postgres' as const;
  readonly data: EntityDataAccess;
  private readonly introspector: PostgresIntrospector;
  private readonly pools = new Map<string, PostgresPool>();
  private closed = false;

  constructor(
    private readonly options: ResolvedPostgresOptions,
    private readonly driver: PostgresDriver,
  ) {
    this.introspector = new PostgresIntrospector(
      async <R>(database: string, sql: string, values: readonly unknown[]) =>
        (await this.run(database, sql, values)).rows as R[],
      options,
    );
    this.data = new PostgresDataAccess((database, sql, values) => this.run(database, sql, values));
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = performance.now();
    const { rows } = await this.run(this.options.database, SERVER_VERSION_SQL, []);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    return { ok: true, serverVersion: serverVersion(rows as PostgresVersionRow[]), latencyMs };
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.end()));
  }

  private async run(database: string, sql: string, values: readonly unknown[]): Promise<PostgresResult> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    try {
      return await this.pool(database).query(sql, values);
    } catch (error) {
      throw mapPostgresError(error, this.options.label);
    }
  }

  private pool(database: string): PostgresPool {
    let pool = this.pools.get(database);
    if (pool === undefined) {
      pool = this.driver.createPool({ ...this.options.pool, database });
      this.pools.set(database, pool);
    }
    return pool;
  }
}

/** `PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by ...`: up to the platform. */
const serverVersion = (rows: readonly PostgresVersionRow[]) =>
  String(rows[0]?.version ?? '')
    .split(' on ')[0]
    .trim();
