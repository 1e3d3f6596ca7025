import { Pool } from 'tarn';

/** What the pool needs of a driver's connection. */
export interface PooledConnection {
  /** false once the socket closed or failed: the pool then destroys it instead of handing it out. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

export type LentConnectionPoolOptions = Readonly<{ size: number; connectTimeoutMs: number }>;

/**
 * A tarn pool of connections (Kysely's shape), for drivers whose connection runs one request at a time
 * (tedious, node-oracledb thin): a connection is lent to one caller at a time; one whose socket failed is
 * destroyed on its next acquire (validate) and the pool opens a fresh one, so a server that went away
 * needs no restart of ours.
 */
export class LentConnectionPool<C extends PooledConnection> {
  private readonly pool: Pool<C>;

  constructor(factory: () => Promise<C>, { size, connectTimeoutMs }: LentConnectionPoolOptions) {
    this.pool = new Pool<C>({
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

  async withConnection<T>(work: (connection: C) => Promise<T>): Promise<T> {
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
