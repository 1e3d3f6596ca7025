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
  decodeValue,
  insertedKey,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
  type SqlStatement,
} from '../data';
import {
  DataValidationError,
  type ColumnInfo,
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { COLUMN_CHARSETS_SQL, type MysqlColumnCharsetRow } from './mysql-catalog.sql';
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
 * Whether mysql2 already hands a column's values over as decodeValue returns them, given the pool
 * options (mysql-options.ts): text, integers, DECIMAL as exact text (decimalNumbers: false), BIGINT as
 * a number while exact else as text (supportBigNumbers, never a bigint), DATE as `YYYY-MM-DD` and
 * TIME without decimals as `HH:MM:SS` (dateStrings), NULL as null. Booleans, bytes, JSON, sets,
 * floats, date-times (RFC 3339 on the wire) and times with decimals still need decoding.
 */
const readAsIs = (column: ColumnInfo): boolean => {
  switch (column.kind) {
    case 'Text':
    case 'Integer':
    case 'LongInteger':
    case 'Enum':
    case 'Date':
      return true;
    case 'Decimal':
      return /^(?:decimal|numeric)\b/i.test(column.nativeType);
    case 'Time':
      return /^time$/i.test(column.nativeType.trim());
    default:
      return false;
  }
};
const toDecode = new WeakMap<TableInfo, readonly ColumnInfo[]>();
/** The columns of the table whose driver values decodeValue changes (kept per table object, which never changes). */
const columnsToDecode = (table: TableInfo): readonly ColumnInfo[] => {
  let known = toDecode.get(table);
  if (known === undefined) {
    known = table.columns.filter((column) => !readAsIs(column));
    toDecode.set(table, known);
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

function decodeInPlace(columns: readonly ColumnInfo[], rows: Row[]): Row[] {
  if (columns.length === 0) return rows;
  for (const row of rows) {
    for (const column of columns) row[column.name] = decodeValue(column, row[column.name]);
  }
  return rows;
}

/** Character sets that hold no character beyond U+FFFF: MySQL's 3-byte utf8 (utf8mb3) and UCS-2. */
const BMP_ONLY_CHARSETS = new Set(['utf8', 'utf8mb3', 'ucs2']);
const BEYOND_BMP = /[\u{10000}-\u{10FFFF}]/u;
const beyondBmp = (value: unknown): boolean =>
  typeof value === 'string'
    ? BEYOND_BMP.test(value)
    : Array.isArray(value)
      ? value.some(beyondBmp)
      : typeof value === 'object' && value !== null && !(value instanceof Uint8Array)
        ? BEYOND_BMP.test(JSON.stringify(value))
        : false;

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
  /** Per table (metadata that never changes): its columns whose character set stops at U+FFFF. */
  private readonly bmpOnly = new WeakMap<TableInfo, Promise<ReadonlySet<string>>>();

  constructor(private readonly runner: MysqlStatementRunner) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    const dialect = await this.dialectFor(table, query);
    const read = await this.read(buildSelect(dialect, table, query), table);
    // Every column in the table's order, nulls kept: the driver's rows are fresh objects holding
    // what decodeRow would build but for a few columns, so those are decoded in place, not copied.
    const inPlace =
      (query.fields === undefined || query.fields.length === 0) &&
      (read.length === 0 || hasTableKeys(table, read[0]));
    const decoded = inPlace
      ? decodeInPlace(columnsToDecode(table), read)
      : read.map((row) => decodeRow(table, row));
    const rows =
      (options?.nullPolicy ?? 'overwrite') === 'overwrite'
        ? decoded
        : decoded.map((row) => applyNullPolicyOnRead(table, row, options?.nullPolicy));
    if (!query.count) return { rows };
    const [counted] = await this.read(buildCount(dialect, table, query.filters));
    return { rows, total: Number(counted[COUNT_ALIAS]) };
  }

  async get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    validateKey(table, key);
    if (await this.unstorable(table, key)) return undefined;
    const [row] = await this.read(buildGetByKey(mysqlSqlDialect, table, key), table);
    return row && applyNullPolicyOnRead(table, decodeRow(table, row), options?.nullPolicy);
  }

  /** The given key values, or the server's insertId for the auto-increment key column left out. */
  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values, 'mysql');
    await this.refuseUnstorable(table, values);
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const { sql, parameters } = buildInsert(mysqlSqlDialect, table, written);
    const { insertId } = await this.runner.write(sql, parameters);
    return insertedKey(table, written, insertId);
  }

  /** Rows matched by the key (mysql2 asks for found rows), so an unchanged row still counts as 1. */
  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values, 'mysql');
    await this.refuseUnstorable(table, values);
    if (await this.unstorable(table, key)) return 0;
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const { sql, parameters } = buildUpdate(mysqlSqlDialect, table, key, written);
    return (await this.runner.write(sql, parameters)).affectedRows;
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    if (await this.unstorable(table, key)) return 0;
    const { sql, parameters } = buildDelete(mysqlSqlDialect, table, key);
    return (await this.runner.write(sql, parameters)).affectedRows;
  }

  /**
   * The columns of the table that hold no character beyond U+FFFF (utf8mb3, as Chinook's and many
   * older schemas are), asked of the catalog once per table and only when a value holds such a
   * character: the server would refuse to store it, and to compare it with such a column at all.
   */
  private bmpOnlyColumns(table: TableInfo): Promise<ReadonlySet<string>> {
    let known = this.bmpOnly.get(table);
    if (known === undefined) {
      known = this.runner
        .read(COLUMN_CHARSETS_SQL, [table.schema, table.name])
        .then(
          (rows) =>
            new Set(
              (rows as MysqlColumnCharsetRow[])
                .filter((row) => BMP_ONLY_CHARSETS.has(String(row.characterSet).toLowerCase()))
                .map((row) => row.columnName),
            ),
        );
      this.bmpOnly.set(table, known);
      known.catch(() => this.bmpOnly.delete(table));
    }
    return known;
  }

  /** The columns among `values` that cannot store their value (a character beyond U+FFFF). */
  private async unstorableColumns(table: TableInfo, values: Row): Promise<string[]> {
    const suspects = Object.entries(values).filter(([, value]) => beyondBmp(value));
    if (suspects.length === 0) return [];
    const bmpOnly = await this.bmpOnlyColumns(table);
    return suspects.map(([name]) => name).filter((name) => bmpOnly.has(name));
  }

  private async refuseUnstorable(table: TableInfo, values: Row): Promise<void> {
    const columns = await this.unstorableColumns(table, values);
    if (columns.length === 0) return;
    throw new DataValidationError(
      `Invalid request for ${table.name}: ${columns.join(', ')}`,
      columns.map((field) => ({
        field,
        message: 'holds a character beyond U+FFFF, which its column (utf8mb3) cannot store',
      })),
    );
  }

  /** A key the table cannot hold names no row. */
  private async unstorable(table: TableInfo, key: Key): Promise<boolean> {
    return (await this.unstorableColumns(table, key)).length > 0;
  }

  /**
   * The dialect for a find: a text filter with a character beyond U+FFFF compares with a utf8mb3
   * column converted to utf8mb4 (the server refuses to compare them as they are: a mix of collations).
   */
  private async dialectFor(table: TableInfo, query: FindQuery) {
    const fields = (query.filters ?? [])
      .filter((filter) => beyondBmp(filter.value))
      .map((filter) => filter.field);
    if (fields.length === 0) return mysqlSqlDialect;
    const bmpOnly = await this.bmpOnlyColumns(table);
    const converted = new Set(fields.filter((field) => bmpOnly.has(field)));
    if (converted.size === 0) return mysqlSqlDialect;
    return {
      ...mysqlSqlDialect,
      filterColumn: (column: ColumnInfo, quoted: string) =>
        converted.has(column.name) ? `CONVERT(${quoted} USING utf8mb4)` : quoted,
    };
  }

  private read({ sql, parameters }: SqlStatement, rowsOf?: TableInfo): Promise<Row[]> {
    return this.runner.read(sql, parameters, rowsOf !== undefined && hasSpatialColumn(rowsOf));
  }
}
