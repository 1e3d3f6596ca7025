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
  decodeValue,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
  type InsertStatement,
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
import { oracleDialect, oracleReadExpression } from './oracle-dialect';
import { validateOracleFindQuery } from './oracle-find-query';
import { type OracleConnection, type OracleOutBind, type OracleRow } from './oracle-driver';

/** Runs work on a pooled connection; the connector's version also maps driver errors. */
export type OracleRunner = <T>(work: (connection: OracleConnection) => Promise<T>) => Promise<T>;

/** Numbers read back by RETURNING as text with a `.` whatever NLS_NUMERIC_CHARACTERS says. */
const NUMBER_TEXT = `'TM9', 'NLS_NUMERIC_CHARACTERS=''.,'''`;
const BINARY_FLOATS = new Set(['BINARY_FLOAT', 'BINARY_DOUBLE']);

/**
 * Entity data access on Oracle with the shared builders. Every request is validated against the
 * metadata before SQL is built (and against what Oracle cannot sort or compare: oracle-find-query.ts); values are bound (`:1`, `:2` ...), never spliced.
 */
export class OracleDataAccess implements EntityDataAccess {
  constructor(private readonly run: OracleRunner) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    validateOracleFindQuery(table, query);
    const select = buildSelect(oracleDialect, table, query);
    const count = query.count ? buildCount(oracleDialect, table, query.filters) : undefined;
    return this.run(async (connection) => {
      const { rows } = await execute(connection, select);
      const result = { rows: rows.map((row) => readRow(table, row, options)) };
      if (!count) return result;
      const [counted] = (await execute(connection, count)).rows;
      return { ...result, total: Number(counted[COUNT_ALIAS]) };
    });
  }

  async get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    validateKey(table, key);
    const statement = buildGetByKey(oracleDialect, table, key);
    const { rows } = await this.run((connection) => execute(connection, statement));
    return rows.length === 0 ? undefined : readRow(table, rows[0], options);
  }

  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values, 'oracle');
    const statement = returningInto(
      table,
      buildInsert(oracleDialect, table, applyNullPolicyOnWrite(table, values, options?.nullPolicy)),
    );
    const { outBinds } = await this.run((connection) =>
      connection.execute(statement.sql, statement.parameters),
    );
    const key: Record<string, unknown> = {};
    table.primaryKey.forEach((name, i) => {
      key[name] = decodeOracleValue(columnOf(table, name), outBinds[i]?.[0]);
    });
    return key;
  }

  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values, 'oracle');
    const statement = buildUpdate(
      oracleDialect,
      table,
      key,
      applyNullPolicyOnWrite(table, values, options?.nullPolicy),
    );
    return this.run(async (connection) => (await execute(connection, statement)).rowsAffected);
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    const statement = buildDelete(oracleDialect, table, key);
    return this.run(async (connection) => (await execute(connection, statement)).rowsAffected);
  }
}

/**
 * `INSERT ... RETURNING k1, k2` as Oracle runs it: `RETURNING <k1>, <k2> INTO :n, :n+1` with one out
 * bind per key column. Numbers and date-times are returned as text in the form rows are read in (so
 * a NUMBER(38) key stays exact); a RAW key (SYS_GUID()) as bytes. Oracle has no DEFAULT VALUES: an
 * insert of no value names the first writable column with `VALUES (DEFAULT)`.
 */
export function returningInto(
  table: TableInfo,
  statement: InsertStatement,
): { sql: string; parameters: unknown[] } {
  const keyColumns = table.primaryKey.map((name) => columnOf(table, name));
  const quoted = keyColumns.map((column) => oracleDialect.quote(column.name));
  const returning = ` RETURNING ${quoted.join(', ')}`;
  let sql = statement.sql;
  if (statement.returnsKey) {
    if (!sql.endsWith(returning)) throw new Error(`Unexpected INSERT statement shape for ${table.name}`);
    sql = sql.slice(0, -returning.length);
  }
  const empty = ` ${oracleDialect.emptyInsert}`;
  if (sql.endsWith(empty)) {
    const column = table.columns.find((c) => !c.generated || c.autoIncrement) ?? table.columns[0];
    sql = `${sql.slice(0, -empty.length)} (${oracleDialect.quote(column.name)})${empty}`;
  }
  if (keyColumns.length === 0) return { sql, parameters: [...statement.parameters] };
  const first = statement.parameters.length + 1;
  const expressions = keyColumns.map((column, i) => returnedExpression(column, quoted[i]));
  const into = keyColumns.map((_, i) => oracleDialect.placeholder(first + i));
  return {
    sql: `${sql} RETURNING ${expressions.join(', ')} INTO ${into.join(', ')}`,
    parameters: [...statement.parameters, ...keyColumns.map(outBindOf)],
  };
}

function returnedExpression(column: ColumnInfo, quoted: string): string {
  const numeric =
    (column.kind === 'Integer' || column.kind === 'LongInteger' || column.kind === 'Decimal') &&
    !BINARY_FLOATS.has(column.nativeType.toUpperCase());
  return numeric ? `TO_CHAR(${quoted}, ${NUMBER_TEXT})` : oracleReadExpression(column, quoted);
}

function outBindOf(column: ColumnInfo): OracleOutBind {
  if (column.kind === 'BinaryData') return { out: 'buffer', maxSize: column.length ?? 2000 };
  if (column.kind === 'Text')
    return { out: 'string', maxSize: Math.min((column.length ?? 1000) * 4, 32_767) };
  return { out: 'string', maxSize: 64 };
}

function execute(connection: OracleConnection, statement: SqlStatement) {
  return connection.execute(statement.sql, statement.parameters);
}

function readRow(table: TableInfo, row: OracleRow, options?: DataOptions): Row {
  const decoded: Row = {};
  for (const column of table.columns) {
    if (Object.hasOwn(row, column.name)) decoded[column.name] = decodeOracleValue(column, row[column.name]);
  }
  return applyNullPolicyOnRead(table, decoded, options?.nullPolicy);
}

/**
 * The driver gives NUMBERs as exact text: an Integer becomes a number, a LongInteger too while exact
 * (else its digits); decimals and date-times (TO_CHAR text, UTC) take the shared decoding.
 */
export function decodeOracleValue(column: ColumnInfo, value: unknown): unknown {
  if ((column.kind === 'Integer' || column.kind === 'LongInteger') && typeof value === 'string') {
    const number = Number(value);
    return /^-?\d+$/.test(value) && Number.isSafeInteger(number) ? number : value;
  }
  return decodeValue(column, value);
}

function columnOf(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`Key column ${name} is not a column of ${table.name}`);
  return column;
}
