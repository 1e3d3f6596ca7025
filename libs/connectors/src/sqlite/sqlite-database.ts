import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';

export type SqliteParameters = Readonly<Record<string, string | number | null>>;
/** A positional parameter as node:sqlite binds it. */
export type SqliteValue = string | number | bigint | null | Uint8Array;
export type SqliteRunResult = Readonly<{ changes: number | bigint; lastInsertRowid: number | bigint }>;

/** The part of a synchronous SQLite driver the connector uses; `node:sqlite`'s DatabaseSync fits it. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

export interface SqliteStatement {
  all(): unknown[];
  all(parameters: SqliteParameters): unknown[];
  all(...anonymousParameters: SqliteValue[]): unknown[];
  run(...anonymousParameters: SqliteValue[]): SqliteRunResult;
  /** INTEGER values as bigint (node:sqlite throws on one beyond 2^53 otherwise). */
  setReadBigInts?(enabled: boolean): void;
}

/** Read-only for introspection and reads; read-write only for the data access's writes. */
export type SqliteOpenOptions = Readonly<{ readOnly: boolean; timeoutMs: number }>;

/** Opens a database file; injected into the connector the way Kysely's dialects take their driver. */
export type SqliteDriver = Readonly<{ open(file: string, options: SqliteOpenOptions): SqliteDatabase }>;

/**
 * The built-in `node:sqlite` (no native addon). Read-only opening never creates a file and refuses
 * every write; read-write opening goes through a `file:` URI with `mode=rw`, which never creates a
 * file either (a plain path would). `timeout` is SQLite's busy timeout, how long a statement waits
 * for another connection's lock.
 */
export const nodeSqliteDriver: SqliteDriver = {
  open: (file, { readOnly, timeoutMs }) => {
    if (readOnly) return new DatabaseSync(file, { readOnly, timeout: timeoutMs });
    const uri = pathToFileURL(file);
    uri.searchParams.set('mode', 'rw');
    // Foreign keys are enforced on every write (SQLite's own default is off, node:sqlite's on): the data
    // API must not leave rows referring to nothing, nor delete a row still referred to.
    return new DatabaseSync(uri, { timeout: timeoutMs, enableForeignKeyConstraints: true });
  },
};

/** Runs a catalog query; the row shape is the one its `*.sql.ts` constant declares. */
export function queryRows<R>(db: SqliteDatabase, sql: string, parameters?: SqliteParameters): R[] {
  const statement = db.prepare(sql);
  return (parameters ? statement.all(parameters) : statement.all()) as R[];
}
