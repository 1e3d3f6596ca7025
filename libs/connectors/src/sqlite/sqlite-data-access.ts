import {
  applyNullPolicyOnRead,
  applyNullPolicyOnWrite,
  buildCount,
  buildDelete,
  buildGetByKey,
  buildInsert,
  buildSelect,
  buildUpdate,
  COUNT_ALIAS,
  decodeRow,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
  type SqlStatement,
} from '../data';
import {
  ConnectorError,
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { mapSqliteError } from './map-sqlite-error';
import { type SqliteDatabase, type SqliteValue } from './sqlite-database';
import { sqliteSqlDialect } from './sqlite-sql-dialect';

export type SqliteDataAccessOptions = Readonly<{
  /** The connector's read-only handle: every read goes through it. */
  reader: SqliteDatabase;
  /** Opens the read-write handle, once, on the first write (see createSqliteConnector). */
  openWriter: () => SqliteDatabase;
  /** The database as the user named it, for error messages. */
  label: string;
}>;

/**
 * Rows of SQLite tables, on node:sqlite. Each request is validated against the metadata first, so
 * nothing the metadata refuses reaches the database; statements come from the shared builders.
 * node:sqlite is synchronous and each statement is atomic, so no transaction is needed.
 */
export class SqliteDataAccess implements EntityDataAccess {
  private writer: SqliteDatabase | undefined;
  private closed = false;

  constructor(private readonly options: SqliteDataAccessOptions) {}

  find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    return this.run(() => {
      validateFindQuery(table, query);
      const rows = this.all(this.options.reader, buildSelect(sqliteSqlDialect, table, query)).map((row) =>
        applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy),
      );
      if (!query.count) return { rows };
      const [counted] = this.all(this.options.reader, buildCount(sqliteSqlDialect, table, query.filters));
      return { rows, total: Number(counted[COUNT_ALIAS]) };
    });
  }

  get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    return this.run(() => {
      validateKey(table, key);
      const [row] = this.all(this.options.reader, buildGetByKey(sqliteSqlDialect, table, key));
      return row && applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy);
    });
  }

  insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    return this.run(() => {
      validateInsert(table, values);
      const statement = buildInsert(
        sqliteSqlDialect,
        table,
        applyNullPolicyOnWrite(table, values, options?.nullPolicy),
      );
      const [keyRow] = this.all(this.write(), statement);
      return decodeRow(table, keyRow);
    });
  }

  update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    return this.run(() => {
      validateUpdate(table, key, values);
      const statement = buildUpdate(
        sqliteSqlDialect,
        table,
        key,
        applyNullPolicyOnWrite(table, values, options?.nullPolicy),
      );
      return this.changes(statement);
    });
  }

  delete(table: TableInfo, key: Key): Promise<number> {
    return this.run(() => {
      validateDelete(table, key);
      return this.changes(buildDelete(sqliteSqlDialect, table, key));
    });
  }

  close(): void {
    this.closed = true;
    this.writer?.close();
    this.writer = undefined;
  }

  private write(): SqliteDatabase {
    this.writer ??= this.options.openWriter();
    return this.writer;
  }

  private all(db: SqliteDatabase, { sql, parameters }: SqlStatement): Row[] {
    return db.prepare(sql).all(...(parameters as SqliteValue[])) as Row[];
  }

  private changes({ sql, parameters }: SqlStatement): number {
    return Number(
      this.write()
        .prepare(sql)
        .run(...(parameters as SqliteValue[])).changes,
    );
  }

  private async run<T>(work: () => T): Promise<T> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    try {
      return work();
    } catch (error) {
      throw mapSqliteError(error, this.options.label);
    }
  }
}
