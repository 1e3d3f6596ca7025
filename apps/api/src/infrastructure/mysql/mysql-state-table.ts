import { type Pool } from 'mysql2/promise';
import { openProductPool, productSession } from './mysql-pool';
import { type MysqlServer } from './mysql-server-url';
import { serverFaultOf } from './server-faults';

/** What a MySQL state store is given: a pool on the product database, and how to give it back. */
export type MysqlStateStoreOptions = Readonly<{
  pool: Pool;
  /** Gives the pool back when the store closes (ends a pool of its own, releases a shared one). */
  release?: () => Promise<void>;
}>;

export type MysqlStateTableOptions = MysqlStateStoreOptions &
  Readonly<{
    /** `CREATE TABLE IF NOT EXISTS ...` statements, run once before the first use. */
    schema: string;
    /** Checks run once after the schema (e.g. the secret store's key check); their errors pass through. */
    init?: (pool: Pool) => Promise<void>;
    /** The store's own "unavailable" error (answered with 503). */
    unavailable: (detail: string, options: { cause?: unknown }) => Error;
  }>;

/**
 * The tables of one state store on the product's MariaDB/MySQL database. Creates them on first use
 * (again after a failed attempt, so a server that comes back is used), and turns server faults into
 * the store's unavailable error naming the action and the driver code only: never a value, which may
 * be a secret.
 */
export class MysqlStateTable {
  private ready: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: MysqlStateTableOptions) {}

  /** Runs `action` once the tables exist; `what` names it in the error ("store a password hash"). */
  async run<T>(what: string, action: (pool: Pool) => Promise<T>): Promise<T> {
    if (this.closed) throw this.options.unavailable(`cannot ${what}: the store is closed`, {});
    try {
      await this.tables();
      return await action(this.options.pool);
    } catch (error) {
      const fault = serverFaultOf(error);
      if (fault === undefined) throw error;
      throw this.options.unavailable(`cannot ${what} (${fault})`, { cause: error });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.options.release?.();
  }

  private tables(): Promise<void> {
    this.ready ??= this.create().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async create(): Promise<void> {
    await this.options.pool.query(this.options.schema);
    await this.options.init?.(this.options.pool);
  }
}

/** Table options every state table shares: transactional, and keys compared byte for byte. */
export const STATE_TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/**
 * A pool a state store opens for itself and ends on close: in tests, each store then stands for
 * another instance.
 */
export function ownProductPool(server: MysqlServer): MysqlStateStoreOptions {
  const pool = openProductPool(server, { connectionLimit: 4, sessionSetup: productSession() });
  return { pool, release: () => pool.end() };
}
