/*
 * The read-model writer's thread. It is started as a file of its own (compiled JavaScript, or this
 * TypeScript file run by Node's type stripping in specs), so it imports nothing of the project but
 * types: only Node and the same SQLite driver as the rest of the process. A second SQLite library in
 * one process would not share its file locks with the first, and could corrupt the file.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import type { WriteGroup, WriteOutcome, WriteStatement } from './read-model-writes';

/** The few driver calls a write needs, the same on the main thread's connection and on this one. */
export type WriteConnection = Readonly<{
  exec(sql: string): unknown;
  prepare(sql: string): { run(parameters: readonly unknown[]): unknown };
}>;

export type WriterThreadData = Readonly<{ readModelWriter: true; file: string }>;
export type WriteRequest =
  Readonly<{ id: number; groups: readonly WriteGroup[] }> | Readonly<{ close: true }>;
export type WriteReply = Readonly<{ id: number; outcome?: WriteOutcome; error?: string }>;

/** Statements that change the schema: SQLite re-prepares after them, MySQL commits around them. */
export const DEFINES_SCHEMA = /^\s*(create|drop|alter|rename)\b/i;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `groups` on `db`, inside a transaction the caller holds open, each under a savepoint (see
 * WriteGroup). Statements come from `prepare`, which may keep them; a group that changes the schema
 * says so, since statements prepared before it may no longer be valid.
 */
export function runWriteGroups(
  db: WriteConnection,
  groups: readonly WriteGroup[],
  prepare: (sql: string) => { run(parameters: readonly unknown[]): unknown } = (sql) => db.prepare(sql),
): WriteOutcome & Readonly<{ changedSchema: boolean }> {
  const failed: { name: string; message: string }[] = [];
  let changedSchema = false;
  const run = (statements: readonly WriteStatement[]) => {
    for (const { sql, rows } of statements) {
      if (DEFINES_SCHEMA.test(sql)) {
        changedSchema = true;
        db.exec(sql);
        continue;
      }
      const statement = prepare(sql);
      for (const row of rows) statement.run(row);
    }
  };
  for (const { name, statements, closing = [] } of groups) {
    db.exec('savepoint write_group');
    try {
      run(statements);
      db.exec('release write_group');
    } catch (error) {
      db.exec('rollback to write_group');
      db.exec('release write_group');
      failed.push({ name, message: messageOf(error) });
      continue;
    }
    run(closing);
  }
  return { failed, changedSchema };
}

/** `work` in one transaction; throws, rolled back, when it cannot be committed. */
function inTransaction<T>(db: WriteConnection, work: () => T): T {
  db.exec('begin immediate');
  try {
    const result = work();
    db.exec('commit');
    return result;
  } catch (error) {
    try {
      db.exec('rollback');
    } catch {
      // Nothing left to roll back: the commit itself failed and SQLite ended the transaction.
    }
    throw error;
  }
}

/** The thread's loop: one connection of its own, one write after the other, in the order sent. */
function serve(port: NonNullable<typeof parentPort>, { file }: WriterThreadData): void {
  const db = new Database(file);
  // Readers are never blocked in WAL mode; another writer (a migration at start) is waited for.
  db.exec('pragma busy_timeout = 5000');
  // As the ORM's connection has them (read-model-orm.ts): they hold per connection, and this one commits.
  db.exec('pragma synchronous = normal');
  db.exec('pragma wal_autocheckpoint = 4096');
  db.exec('pragma journal_size_limit = 67108864');
  let statements = new Map<string, ReturnType<typeof db.prepare>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
    return { run: (parameters: readonly unknown[]) => statement.run([...parameters]) };
  };
  port.on('message', (request: WriteRequest) => {
    if ('close' in request) {
      db.close();
      port.close();
      return;
    }
    const { id, groups } = request;
    let reply: WriteReply;
    try {
      const { failed, changedSchema } = inTransaction(db, () => runWriteGroups(db, groups, prepare));
      if (changedSchema) statements = new Map();
      reply = { id, outcome: { failed } };
    } catch (error) {
      statements = new Map();
      reply = { id, error: messageOf(error) };
    }
    port.postMessage(reply);
  });
}

const data = workerData as Partial<WriterThreadData> | undefined;
if (!isMainThread && parentPort !== null && data?.readModelWriter === true)
  serve(parentPort, data as WriterThreadData);
