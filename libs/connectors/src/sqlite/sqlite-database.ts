import { DatabaseSync } from 'node:sqlite';

export type SqliteParameters = Readonly<Record<string, string | number | null>>;

/** The part of a synchronous SQLite driver the connector uses; `node:sqlite`'s DatabaseSync fits it. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

export interface SqliteStatement {
  all(): unknown[];
  all(parameters: SqliteParameters): unknown[];
}

export type SqliteOpenOptions = Readonly<{ readOnly: true; timeoutMs: number }>;

/** Opens a database file; injected into the connector the way Kysely's dialects take their driver. */
export type SqliteDriver = Readonly<{ open(file: string, options: SqliteOpenOptions): SqliteDatabase }>;

/**
 * The built-in `node:sqlite` (no native addon). Read-only opening never creates a file and refuses
 * every write; `timeout` is SQLite's busy timeout, how long a read waits for a writer's lock.
 */
export const nodeSqliteDriver: SqliteDriver = {
  open: (file, { readOnly, timeoutMs }) => new DatabaseSync(file, { readOnly, timeout: timeoutMs }),
};

/** Runs a catalog query; the row shape is the one its `*.sql.ts` constant declares. */
export function queryRows<R>(db: SqliteDatabase, sql: string, parameters?: SqliteParameters): R[] {
  const statement = db.prepare(sql);
  return (parameters ? statement.all(parameters) : statement.all()) as R[];
}
