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
  type ColumnInfo,
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { parsePostgresAddress } from './postgres-address';
import { type PostgresResult } from './postgres-pool';
import { postgresSqlDialect } from './postgres-sql-dialect';

/** Runs one statement in a database of the server (values bound), errors already mapped. */
export type PostgresStatementRunner = (
  database: string,
  sql: string,
  values: readonly unknown[],
) => Promise<PostgresResult>;

/**
 * Whether pg (with the pool's parsers, postgres-pool.ts) already hands a column's values over as
 * decodeValue returns them: text (the dialect reads other types as text), integers, 64-bit integers (a
 * number while exact), booleans, dates (`YYYY-MM-DD`) and enums. Decimals, times, date-times, bytes
 * and JSON still need decoding.
 */
const readAsIs = (column: ColumnInfo): boolean =>
  ['Text', 'Integer', 'LongInteger', 'Boolean', 'Date', 'Enum'].includes(column.kind);

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

function decodeInPlace(columns: readonly ColumnInfo[], rows: Row[]): Row[] {
  if (columns.length === 0) return rows;
  for (const row of rows) {
    for (const column of columns) row[column.name] = decodeValue(column, row[column.name]);
  }
  return rows;
}

/**
 * Rows of PostgreSQL tables. Each request is validated against the metadata first, so nothing the
 * metadata refuses reaches the server; statements come from the shared builders with the PostgreSQL
 * dialect and run in the database the table's address names. Each statement is atomic on its own
 * (autocommit), so no transaction is opened.
 */
export class PostgresDataAccess implements EntityDataAccess {
  constructor(private readonly run: PostgresStatementRunner) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    const { rows: read } = await this.execute(table, buildSelect(postgresSqlDialect, table, query));
    // Every column, nulls kept: pg's rows are fresh objects holding what decodeRow would build but
    // for a few columns, so those are decoded in place, not copied.
    const decoded =
      query.fields === undefined || query.fields.length === 0
        ? decodeInPlace(columnsToDecode(table), read)
        : read.map((row) => decodeRow(table, row));
    const rows =
      (options?.nullPolicy ?? 'overwrite') === 'overwrite'
        ? decoded
        : decoded.map((row) => applyNullPolicyOnRead(table, row, options?.nullPolicy));
    if (!query.count) return { rows };
    const { rows: counted } = await this.execute(table, buildCount(postgresSqlDialect, table, query.filters));
    return { rows, total: Number(counted[0][COUNT_ALIAS]) };
  }

  async get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    validateKey(table, key);
    const { rows } = await this.execute(table, buildGetByKey(postgresSqlDialect, table, key));
    return rows[0] && applyNullPolicyOnRead(table, decodeRow(table, rows[0]), options?.nullPolicy);
  }

  /** The key the statement returns (`RETURNING`), identity and serial values included. */
  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values, 'postgres');
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const statement = buildInsert(postgresSqlDialect, table, written);
    const { rows } = await this.execute(table, statement);
    return statement.returnsKey && rows[0] ? decodeRow(table, rows[0]) : insertedKey(table, written);
  }

  /** Rows matched by the key: an unchanged row still counts as 1. */
  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values, 'postgres');
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    return (await this.execute(table, buildUpdate(postgresSqlDialect, table, key, written))).rowCount;
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    return (await this.execute(table, buildDelete(postgresSqlDialect, table, key))).rowCount;
  }

  private execute(table: TableInfo, { sql, parameters }: SqlStatement): Promise<PostgresResult> {
    return this.run(parsePostgresAddress(table.schema).database, sql, parameters);
  }
}
