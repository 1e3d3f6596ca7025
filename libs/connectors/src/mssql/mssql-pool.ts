import { Pool } from 'tarn';
import { type MssqlConnection, type MssqlConnectionFactory } from './mssql-driver';

export type MssqlPoolOptions = Readonly<{ size: number; connectTimeoutMs: number }>;

/**
 * A tarn pool of connections (Kysely's shape): a connection is lent to one caller at a time, so at
 * most one request is in flight on it; a connection whose socket failed is destroyed on its next
 * acquire (validate) and the pool opens a fresh one, so a server that went away needs no restart.
 */
export class MssqlPool {
  private readonly pool: Pool<MssqlConnection>;

  constructor(factory: MssqlConnectionFactory, { size, connectTimeoutMs }: MssqlPoolOptions) {
    this.pool = new Pool<MssqlConnection>({
      create: () => factory(),
      destroy: (connection) => connection.close(),
      validate: (connection) => connection.isHealthy(),
      min: 0,
      max: size,
      // The first login error (wrong password, no such database) fails the call instead of being retried.
      propagateCreateError: true,
      createTimeoutMillis: connectTimeoutMs + 1_000,
      // Waiting for a busy pool is bounded like a connect; the driver's own timeouts come first.
      acquireTimeoutMillis: connectTimeoutMs * 2 + 1_000,
    });
  }

  async withConnection<T>(work: (connection: MssqlConnection) => Promise<T>): Promise<T> {
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
