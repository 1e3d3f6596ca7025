import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { mapOracleError } from './map-oracle-error';
import { PING_SQL } from './oracle-catalog.sql';
import { OracleDataAccess } from './oracle-data-access';
import { type OracleConnectionFactory } from './oracle-driver';
import { OracleIntrospector } from './oracle-introspector';
import { oracleLabel, resolveOracleOptions, type OracleConnectorOptions } from './oracle-options';
import { OraclePool } from './oracle-pool';
import { oracledbConnectionFactory } from './oracledb-driver';

/** Makes the connection factory of resolved options: node-oracledb thin by default, a recording fake in unit specs. */
export type OracleDriver = (options: ReturnType<typeof resolveOracleOptions>) => OracleConnectionFactory;

/**
 * An Oracle connector on a tarn pool of node-oracledb thin connections. Nothing connects until the
 * first call; options are checked at once (INVALID_OPTIONS). Driver errors become ConnectorErrors
 * naming the database (never the password).
 */
export function createOracleConnector(
  options: OracleConnectorOptions,
  driver: OracleDriver = oracledbConnectionFactory,
): Connector {
  const resolved = resolveOracleOptions(options);
  const pool = new OraclePool(driver(resolved), {
    size: resolved.poolSize,
    connectTimeoutMs: resolved.connectTimeoutMs,
  });
  return new OracleConnector(pool, oracleLabel(resolved));
}

class OracleConnector implements Connector {
  readonly provider = 'oracle' as const;
  readonly data: EntityDataAccess;
  private readonly introspector: OracleIntrospector;
  private closed = false;

  constructor(
    private readonly pool: OraclePool,
    private readonly label: string,
  ) {
    this.introspector = new OracleIntrospector(pool);
    this.data = new OracleDataAccess((work) => this.run(() => this.pool.withConnection(work)));
  }

  testConnection(): Promise<ConnectionTestResult> {
    return this.run(() =>
      this.pool.withConnection(async (connection) => {
        const started = performance.now();
        await connection.execute(PING_SQL);
        const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
        return { ok: true, serverVersion: connection.serverVersion, latencyMs };
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
      throw mapOracleError(error, this.label);
    }
  }
}
