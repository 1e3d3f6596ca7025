import { createPool, type Pool } from 'mysql2/promise';
import { type MysqlServer } from './mysql-server-url';

export type ProductPoolOptions = Readonly<{
  /** Connections kept open at most; requests beyond wait in the pool's queue. */
  connectionLimit?: number;
  /** How long opening a connection may take before the server counts as unreachable. */
  connectTimeoutMs?: number;
  /** Statements every new connection runs before it is handed out (session settings). */
  sessionSetup?: string;
}>;

/**
 * Every session on the product's own database: read committed (each statement sees what was committed
 * before it, which appends and followers rely on), strict mode (a NULL written to a NOT NULL column is
 * an error, which the append guard and the lease fence use), and a bounded wait for row locks.
 */
export const productSession = (lockWaitSeconds = 10): string =>
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED; ' +
  "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'; " +
  `SET SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.trunc(lockWaitSeconds))}`;

type CoreConnection = Readonly<{ query(sql: string, callback: (error: unknown) => void): unknown }>;

/**
 * A pool on the product's own database (event store, read model, state), not on a connection a user
 * configured. Several statements per round trip are allowed: an append is one batch of statements, so
 * it holds the log's lock for one round trip only. Every value is still escaped by the driver.
 */
export function openProductPool(server: MysqlServer, options: ProductPoolOptions = {}): Pool {
  const pool = createPool({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database: server.database,
    charset: 'utf8mb4_bin',
    multipleStatements: true,
    supportBigNumbers: true,
    connectionLimit: options.connectionLimit ?? 10,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    enableKeepAlive: true,
    // Positions and versions are BIGINT: numbers up to 2^53 (the store never comes near), never strings.
    bigNumberStrings: false,
  });
  const { sessionSetup } = options;
  // Queued on the new connection before anything the pool hands it out for; a failure surfaces
  // on that first use. The event hands over the callback-style core connection.
  if (sessionSetup !== undefined)
    pool.on('connection', (connection: unknown) => {
      (connection as CoreConnection).query(sessionSetup, () => undefined);
    });
  return pool;
}

/** Connections of the process's shared pool on the product database. */
const SHARED_CONNECTIONS = 12;

const sharedPools = new Map<string, { pool: Pool; users: number }>();

export type SharedPool = Readonly<{ pool: Pool; release: () => Promise<void> }>;

/**
 * The process's one pool on a product database (DATABASE_URL): the read model and every state store
 * draw from it, so an instance holds one set of connections, not one per store. Each user releases it
 * once; the last release ends it.
 */
export function shareProductPool(server: MysqlServer): SharedPool {
  const key = JSON.stringify([server.host, server.port, server.user, server.database]);
  const entry = sharedPools.get(key) ?? {
    pool: openProductPool(server, { connectionLimit: SHARED_CONNECTIONS, sessionSetup: productSession() }),
    users: 0,
  };
  sharedPools.set(key, entry);
  entry.users += 1;
  let released = false;
  return {
    pool: entry.pool,
    release: async () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      sharedPools.delete(key);
      await entry.pool.end();
    },
  };
}
