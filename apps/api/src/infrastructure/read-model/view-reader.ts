import { type Pool } from 'mysql2/promise';
import type Database from 'libsql';
import { serverFaultOf } from '../mysql/server-faults';
import { ReadModelUnavailableError } from './read-model-unavailable.error';

type Dictionary = Record<string, unknown>;

/** The libsql connection to a read-model file. */
export type NativeDatabase = Database.Database;

/** The SQL the read model's database speaks: SQLite files, or MariaDB/MySQL (`DATABASE_URL`). */
export type ReadModelDialect = 'sqlite' | 'mysql';

/** Where the view stores read rows from: one statement, bound values, the rows as objects. */
export interface ViewReader {
  readonly dialect: ReadModelDialect;
  rows(sql: string, values: readonly unknown[]): Promise<Dictionary[]>;
}

/** SQLite through the driver's own connection, each statement prepared once and kept. */
export class SqliteViewReader implements ViewReader {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, ReturnType<NativeDatabase['prepare']>>();

  constructor(readonly db: NativeDatabase) {}

  /** Drops every kept statement: after a table they read was replaced (a rebuild's swap). */
  forgetStatements(): void {
    this.statements.clear();
  }

  async rows(sql: string, values: readonly unknown[]): Promise<Dictionary[]> {
    let statement = this.statements.get(sql);
    if (statement === undefined) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement.all([...values]) as Dictionary[];
  }
}

/**
 * MariaDB/MySQL through a pool: the driver fills in each `?` (escaped), and an array value becomes
 * a list, so `in (?)` takes a list of any length.
 */
export class MysqlViewReader implements ViewReader {
  readonly dialect = 'mysql';

  constructor(private readonly pool: Pool) {}

  async rows(sql: string, values: readonly unknown[]): Promise<Dictionary[]> {
    try {
      const [rows] = await this.pool.query(sql, [...values]);
      return rows as Dictionary[];
    } catch (error) {
      const fault = serverFaultOf(error);
      if (fault === undefined) throw error;
      throw new ReadModelUnavailableError(`The read model cannot be read (${fault})`, { cause: error });
    }
  }
}

/** A libsql connection is read through a SqliteViewReader; a reader as it is. */
export const asViewReader = (source: ViewReader | NativeDatabase): ViewReader =>
  'rows' in source && 'dialect' in source ? source : new SqliteViewReader(source);
