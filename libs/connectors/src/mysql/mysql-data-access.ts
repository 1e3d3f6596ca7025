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
  insertedKey,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
  type SqlStatement,
} from '../data';
import {
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { mysqlSqlDialect } from './mysql-sql-dialect';

const SPATIAL_TYPE =
  /^(geometry|point|linestring|polygon|multipoint|multilinestring|multipolygon|geometrycollection)\b/i;
const hasSpatialColumn = (table: TableInfo) =>
  table.columns.some((column) => SPATIAL_TYPE.test(column.nativeType));

/** mysql2's answer to a write. */
export type MysqlResultHeader = Readonly<{ insertId: number | string; affectedRows: number }>;

/** Runs one prepared statement (values bound server-side), errors already mapped; see MysqlSession. */
export type MysqlStatementRunner = Readonly<{
  /** `spatial`: the statement reads spatial columns, whose values must come back as bytes. */
  read(sql: string, values: readonly unknown[], spatial?: boolean): Promise<Row[]>;
  write(sql: string, values: readonly unknown[]): Promise<MysqlResultHeader>;
}>;

/**
 * Rows of MySQL/MariaDB tables. Each request is validated against the metadata first, so nothing the
 * metadata refuses reaches the server; statements come from the shared builders with the MySQL dialect.
 * Each statement is atomic on its own (autocommit), so no transaction is opened.
 */
export class MysqlDataAccess implements EntityDataAccess {
  constructor(private readonly runner: MysqlStatementRunner) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    const rows = (await this.read(buildSelect(mysqlSqlDialect, table, query), table)).map((row) =>
      applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy),
    );
    if (!query.count) return { rows };
    const [counted] = await this.read(buildCount(mysqlSqlDialect, table, query.filters));
    return { rows, total: Number(counted[COUNT_ALIAS]) };
  }

  async get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    validateKey(table, key);
    const [row] = await this.read(buildGetByKey(mysqlSqlDialect, table, key), table);
    return row && applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy);
  }

  /** The given key values, or the server's insertId for the auto-increment key column left out. */
  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values);
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const { sql, parameters } = buildInsert(mysqlSqlDialect, table, written);
    const { insertId } = await this.runner.write(sql, parameters);
    return insertedKey(table, written, insertId);
  }

  /** Rows matched by the key (mysql2 asks for found rows), so an unchanged row still counts as 1. */
  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values);
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const { sql, parameters } = buildUpdate(mysqlSqlDialect, table, key, written);
    return (await this.runner.write(sql, parameters)).affectedRows;
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    const { sql, parameters } = buildDelete(mysqlSqlDialect, table, key);
    return (await this.runner.write(sql, parameters)).affectedRows;
  }

  private read({ sql, parameters }: SqlStatement, rowsOf?: TableInfo): Promise<Row[]> {
    return this.runner.read(sql, parameters, rowsOf !== undefined && hasSpatialColumn(rowsOf));
  }
}
