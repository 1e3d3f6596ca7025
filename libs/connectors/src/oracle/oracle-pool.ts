import { Pool } from 'tarn';
import { type OracleConnection, type OracleConnectionFactory } from './oracle-driver';

export type OraclePoolOptions = Readonly<{ size: number; connectTimeoutMs: number }>;

/**
 * A tarn pool of thin-mode connections (the SQL Server connector's shape): a connection is lent to one
 * caller at a time; one whose socket failed is destroyed on its next acquire (validate) and replaced,
 * so a database that restarted needs no restart of ours.
 */
export class OraclePool {
  private readonly pool: Pool<OracleConnection>;

  constructor(factory: OracleConnectionFactory, { size, connectTimeoutMs }: OraclePoolOptions) {
    this.pool = new Pool<OracleConnection>({
      create: () => factory(),
      destroy: (connection) => connection.close(),
      validate: (connection) => connection.isHealthy(),
      min: 0,
      max: size,
      // The first login error (ORA-01017, an unknown service) fails the call instead of being retried.
      propagateCreateError: true,
      createTimeoutMillis: connectTimeoutMs + 1_000,
      acquireTimeoutMillis: connectTimeoutMs * 2 + 1_000,
    });
  }

  async withConnection<T>(work: (connection: OracleConnection) => Promise<T>): Promise<T> {
    const connection = await this.pool.acquire().promise;
    try {
      return await work(connection);
    } finally {
      this.pool.release(connection);
    }
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
