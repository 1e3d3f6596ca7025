import { type Pool, type PoolConnection } from 'mysql2/promise';
import { DEFINES_SCHEMA } from '../read-model-writer.thread';
import {
  type ReadModelWriter,
  type WriteGroup,
  type WriteOutcome,
  type WriteStatement,
} from '../read-model-writes';

/** `values (?, ?, ...)`: one row's placeholders, which a multi-row write replaces by one list of rows. */
const ONE_ROW = /\bvalues\s*\((?:\s*\?\s*,)*\s*\?\s*\)/i;
/** Rows per statement when a statement writes many: well under any server's packet limit for view rows. */
const ROWS_PER_STATEMENT = 200;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The read model's one writer on MariaDB/MySQL: writes run one after the other, in the order sent,
 * each in one transaction with a savepoint per group (see WriteGroup), on a connection of the pool.
 * Schema statements commit on their own on MySQL: they run first, outside the write's transaction. A statement with many rows of one `values (...)` is sent as multi-row
 * statements, so a batch costs a few round trips rather than one per document.
 */
export class MysqlReadModelWriter implements ReadModelWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly pool: Pool) {}

  write(groups: readonly WriteGroup[]): Promise<WriteOutcome> {
    if (this.closed) return Promise.reject(new Error('The read-model writer is closed'));
    const written = this.queue.then(() => this.writeNow(groups));
    this.queue = written.catch(() => undefined);
    return written;
  }

  /** Lets the writes sent so far finish; the pool belongs to the read model, which ends it. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }

  private async writeNow(groups: readonly WriteGroup[]): Promise<WriteOutcome> {
    const connection = await this.pool.getConnection();
    try {
      // Schema statements (a rebuild's shadow made or dropped, leftovers cleared) go first, each on
      // its own: inside the transaction they would commit it, and its savepoints with it.
      const isSchema = ({ sql }: WriteStatement) => DEFINES_SCHEMA.test(sql);
      for (const { statements: own, closing = [] } of groups)
        for (const statement of [...own, ...closing].filter(isSchema)) await run(connection, statement);
      const data = groups.map((group) => ({
        ...group,
        statements: group.statements.filter((statement) => !isSchema(statement)),
        closing: (group.closing ?? []).filter((statement) => !isSchema(statement)),
      }));
      if (data.every(({ statements: own, closing }) => own.length === 0 && closing.length === 0))
        return { failed: [] };
      await connection.query('start transaction');
      try {
        const failed: { name: string; message: string }[] = [];
        // A group with nothing of its own (a view with nothing to apply: its checkpoint only) needs no
        // savepoint; its closing statements are written together, one multi-row statement per shape.
        const closingOnly = new Map<string, unknown[][]>();
        for (const { statements: own, closing } of data)
          if (own.length === 0)
            for (const { sql, rows } of closing)
              closingOnly.set(sql, [...(closingOnly.get(sql) ?? []), ...rows.map((row) => [...row])]);
        for (const { name, statements: own, closing } of data) {
          if (own.length === 0) continue;
          await connection.query('savepoint write_group');
          try {
            for (const statement of own) await run(connection, statement);
            await connection.query('release savepoint write_group');
          } catch (error) {
            await connection.query('rollback to savepoint write_group');
            failed.push({ name, message: messageOf(error) });
            continue;
          }
          for (const statement of closing) await run(connection, statement);
        }
        for (const [sql, rows] of closingOnly) await run(connection, { sql, rows });
        await connection.query('commit');
        return { failed };
      } catch (error) {
        await connection.query('rollback').catch(() => connection.destroy());
        throw error;
      }
    } finally {
      connection.release();
    }
  }
}

async function run(connection: PoolConnection, { sql, rows }: WriteStatement): Promise<void> {
  if (rows.length > 1 && ONE_ROW.test(sql)) {
    const many = sql.replace(ONE_ROW, 'values ?');
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
      await connection.query(many, [rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => [...row])]);
    return;
  }
  for (const row of rows) await connection.query(sql, [...row]);
}
