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
const spatial = new WeakMap<TableInfo, boolean>();
/** Tables are metadata that never changes once built, so the answer is kept per table object. */
const hasSpatialColumn = (table: TableInfo): boolean => {
  let known = spatial.get(table);
  if (known === undefined) {
    known = table.columns.some((column) => SPATIAL_TYPE.test(column.nativeType));
    spatial.set(table, known);
  }
  return known;
};

/**
 * Kinds whose values mysql2 already hands over as decodeValue returns them, given the pool options
 * (mysql-options.ts): text, numbers, DECIMAL as text (decimalNumbers: false), BIGINT as a number
 * while exact else as text (supportBigNumbers, never a bigint), dates and times as the server's text
 * (dateStrings), NULL as null. Booleans, bytes, JSON and sets still need decoding.
 */
const AS_READ = new Set<string>([
  'Text',
  'Integer',
  'LongInteger',
  'Decimal',
  'Time',
  'Enum',
  'Date',
  'DateTime',
]);
const readAsIs = new WeakMap<TableInfo, boolean>();
/** true when every column of the table comes out of mysql2 exactly as decodeRow would return it. */
const rowsReadAsIs = (table: TableInfo): boolean => {
  let known = readAsIs.get(table);
  if (known === undefined) {
    known = table.columns.every((column) => AS_READ.has(column.kind)) && !hasSpatialColumn(table);
    readAsIs.set(table, known);
  }
  return known;
};

/** The row holds exactly the table's columns, in its order (the rows of one result share their keys). */
const hasTableKeys = (table: TableInfo, row: Row): boolean => {
  let index = 0;
  for (const key in row) {
    if (table.columns[index]?.name !== key) return false;
    index++;
  }
  return index === table.columns.length;
};

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
    const read = await this.read(buildSelect(mysqlSqlDialect, table, query), table);
    // Every column in the table's order, none to decode, nulls kept: the driver's rows are already
    // what decodeRow and the null policy would build, so they are not copied.
    const asRead =
      (query.fields === undefined || query.fields.length === 0) &&
      (options?.nullPolicy ?? 'overwrite') === 'overwrite' &&
      rowsReadAsIs(table) &&
      (read.length === 0 || hasTableKeys(table, read[0]));
    const rows = asRead
      ? read
      : read.map((row) => applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy));
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
