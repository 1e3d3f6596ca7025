import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { mapMssqlError } from './map-mssql-error';
import { SERVER_VERSION_SQL } from './mssql-catalog.sql';
import { MssqlDataAccess } from './mssql-data-access';
import { type MssqlConnection, type MssqlConnectionFactory } from './mssql-driver';
import { MssqlIntrospector } from './mssql-introspector';
import { mssqlLabel, resolveMssqlOptions, type MssqlConnectorOptions } from './mssql-options';
import { MssqlPool } from './mssql-pool';
import { tediousConnectionFactory } from './tedious-driver';

/** Makes the connection factory of resolved options: tedious by default, a recording fake in unit specs. */
export type MssqlDriver = (options: ReturnType<typeof resolveMssqlOptions>) => MssqlConnectionFactory;

/**
 * A SQL Server connector on a tarn pool of tedious connections. Nothing connects until the first
 * call; options are checked at once (INVALID_OPTIONS). Driver errors become ConnectorErrors naming the
 * server (never the password).
 */
export function createMssqlConnector(
  options: MssqlConnectorOptions,
  driver: MssqlDriver = tediousConnectionFactory,
): Connector {
  const resolved = resolveMssqlOptions(options);
  const pool = new MssqlPool(driver(resolved), {
    size: resolved.poolSize,
    connectTimeoutMs: resolved.connectTimeoutMs,
  });
  return new MssqlConnector(pool, mssqlLabel(resolved));
}

class MssqlConnector implements Connector {
  readonly provider = 'mssql' as const;
  readonly data: EntityDataAccess;
  private readonly introspector: MssqlIntrospector;
  private closed = false;

  constructor(
    private readonly pool: MssqlPool,
    private readonly label: string,
  ) {
    this.introspector = new MssqlIntrospector(pool);
    this.data = new MssqlDataAccess((work) => this.run(() => this.pool.withConnection(work)));
  }

  testConnection(): Promise<ConnectionTestResult> {
    return this.run(() =>
      this.pool.withConnection(async (connection: MssqlConnection) => {
        const started = performance.now();
        const { rows } = await connection.execute(SERVER_VERSION_SQL);
        const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
        return { ok: true, serverVersion: firstLine(String(rows[0]?.version ?? '')), latencyMs };
      }),
    );
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
    await this.pool.destroy();
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    try {
      return await work();
    } catch (error) {
      throw mapMssqlError(error, this.label);
    }
  }
}

/** @@VERSION is several lines (build date, copyright, edition, OS): the first says it all. */
const firstLine = (text: string) => text.split('\n')[0].trim();
