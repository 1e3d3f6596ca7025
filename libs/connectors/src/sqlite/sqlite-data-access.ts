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
  DataConstraintError,
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { nameForeignKeyViolation } from './map-sqlite-foreign-key-violation';
import { mapSqliteError, type SqliteWrite } from './map-sqlite-error';
import {
  describeForeignKeysSql,
  referringTablesSql,
  type SqliteForeignKeyRow,
  type SqliteReferringKeyRow,
} from './sqlite-catalog.sql';
import { queryRows, type SqliteDatabase, type SqliteValue } from './sqlite-database';
import { sqliteSqlDialect } from './sqlite-sql-dialect';

/** A write, for naming what a constraint violation refers to: the table and the values it set. */
type Write = Readonly<{ write: SqliteWrite; table: TableInfo; values?: unknown }>;

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
    return this.run(
      () => {
        validateInsert(table, values, 'sqlite');
        const statement = buildInsert(
          sqliteSqlDialect,
          table,
          applyNullPolicyOnWrite(table, values, options?.nullPolicy),
        );
        const [keyRow] = this.all(this.write(), statement);
        return decodeRow(table, keyRow);
      },
      { write: 'insert', table, values },
    );
  }

  update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    return this.run(
      () => {
        validateUpdate(table, key, values, 'sqlite');
        const statement = buildUpdate(
          sqliteSqlDialect,
          table,
          key,
          applyNullPolicyOnWrite(table, values, options?.nullPolicy),
        );
        return this.changes(statement);
      },
      { write: 'update', table, values },
    );
  }

  delete(table: TableInfo, key: Key): Promise<number> {
    return this.run(
      () => {
        validateDelete(table, key);
        return this.changes(buildDelete(sqliteSqlDialect, table, key));
      },
      { write: 'delete', table },
    );
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

  /**
   * Rows with INTEGER values as bigint: a rowid beyond 2^53 (AUTOINCREMENT goes on from the largest
   * key) would make node:sqlite throw; decodeValue turns exact ones back into numbers.
   */
  private all(db: SqliteDatabase, { sql, parameters }: SqlStatement): Row[] {
    const statement = db.prepare(sql);
    statement.setReadBigInts?.(true);
    return statement.all(...(parameters as SqliteValue[])) as Row[];
  }

  private changes({ sql, parameters }: SqlStatement): number {
    return Number(
      this.write()
        .prepare(sql)
        .run(...(parameters as SqliteValue[])).changes,
    );
  }

  private async run<T>(work: () => T, write?: Write): Promise<T> {
    if (this.closed) throw new ConnectorError('CONNECTOR.UNREACHABLE', 'The connector is closed');
    try {
      return work();
    } catch (error) {
      const mapped = mapSqliteError(error, this.options.label, write?.write);
      throw mapped instanceof DataConstraintError && write ? this.namedFromCatalog(mapped, write) : mapped;
    }
  }

  /** Names the columns or tables of a foreign key violation; the violation as it is if the catalog fails. */
  private namedFromCatalog(violation: DataConstraintError, { write, table, values }: Write) {
    if (violation.code !== 'DATA.FOREIGN_KEY_VIOLATION' && violation.code !== 'DATA.ROW_REFERENCED')
      return violation;
    const fields = typeof values === 'object' && values !== null ? Object.keys(values) : [];
    try {
      const $schema = table.schema;
      return write === 'delete'
        ? nameForeignKeyViolation(
            violation,
            fields,
            [],
            queryRows<SqliteReferringKeyRow>(this.options.reader, referringTablesSql($schema), {
              $schema,
              $table: table.name,
            }),
          )
        : nameForeignKeyViolation(
            violation,
            fields,
            queryRows<SqliteForeignKeyRow>(this.options.reader, describeForeignKeysSql($schema), {
              $schema,
              $tables: JSON.stringify([table.name]),
            }),
            [],
          );
    } catch {
      return violation;
    }
  }
}
