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
  tableName,
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
import { mssqlDialect } from './mssql-dialect';
import { type MssqlConnection, type MssqlRow } from './mssql-driver';
import { mssqlParameters } from './mssql-parameters';

/** Runs work on a pooled connection; the connector's version also maps driver errors. */
export type MssqlRunner = <T>(work: (connection: MssqlConnection) => Promise<T>) => Promise<T>;

const INSERTED = '@inserted';
const AFFECTED = 'affected';
/** A native type as mapMssqlType writes it; anything else is never spliced into a DECLARE. */
const NATIVE_TYPE = /^[a-z0-9_]+(?:\((?:\d+|max)(?:,\d+)?\))?$/;

/**
 * Entity data access on SQL Server with the shared builders. Every request is validated against the
 * metadata before SQL is built; every value is bound with an explicit type (mssql-parameters.ts).
 */
export class MssqlDataAccess implements EntityDataAccess {
  constructor(private readonly run: MssqlRunner) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    const select = buildSelect(mssqlDialect, table, query);
    const count = query.count ? buildCount(mssqlDialect, table, query.filters) : undefined;
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
    const statement = buildGetByKey(mssqlDialect, table, key);
    const { rows } = await this.run((connection) => execute(connection, statement));
    return rows.length === 0 ? undefined : readRow(table, rows[0], options);
  }

  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values, 'mssql');
    const statement = outputIntoTableVariable(
      table,
      buildInsert(mssqlDialect, table, applyNullPolicyOnWrite(table, values, options?.nullPolicy)),
    );
    const { rows } = await this.run((connection) => execute(connection, statement));
    const key: Record<string, unknown> = {};
    for (const name of table.primaryKey) key[name] = decodeMssqlValue(columnOf(table, name), rows[0]?.[name]);
    return key;
  }

  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values, 'mssql');
    const statement = withAffectedRows(
      buildUpdate(mssqlDialect, table, key, applyNullPolicyOnWrite(table, values, options?.nullPolicy)),
    );
    return this.run(async (connection) => affected(await execute(connection, statement)));
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    const statement = withAffectedRows(buildDelete(mssqlDialect, table, key));
    return this.run(async (connection) => affected(await execute(connection, statement)));
  }
}

/**
 * `INSERT ... OUTPUT INSERTED.k VALUES` fails on a table with an enabled trigger (error 334: OUTPUT
 * without INTO). The key is therefore output INTO a table variable and selected from it: one batch,
 * trigger-safe, and exact for identity, default (NEWID()/sequence) and given keys alike, where
 * SCOPE_IDENTITY() would know only the identity column.
 */
export function outputIntoTableVariable(table: TableInfo, statement: InsertStatement): SqlStatement {
  const keyColumns = table.primaryKey.map((name) => columnOf(table, name));
  const quoted = keyColumns.map((column) => mssqlDialect.quote(column.name));
  const output = ` OUTPUT ${quoted.map((name) => `INSERTED.${name}`).join(', ')}`;
  const head = `INSERT INTO ${tableName(mssqlDialect, table)}`;
  const at = statement.sql.indexOf(output, head.length);
  if (!statement.returnsKey || !statement.sql.startsWith(head) || at < 0) {
    throw new Error(`Unexpected INSERT statement shape for ${table.name}`);
  }
  const declare = `DECLARE ${INSERTED} TABLE (${keyColumns
    .map((column, i) => `${quoted[i]} ${variableColumnType(column)}`)
    .join(', ')});`;
  const insert = `${statement.sql.slice(0, at + output.length)} INTO ${INSERTED}${statement.sql.slice(at + output.length)};`;
  return {
    ...statement,
    sql: `${declare} ${insert} SELECT ${quoted.join(', ')} FROM ${INSERTED};`,
  };
}

/** @@ROWCOUNT right after the statement: tedious's row count would add the rows a trigger touched. */
export function withAffectedRows(statement: SqlStatement): SqlStatement {
  return { ...statement, sql: `${statement.sql}; SELECT @@ROWCOUNT AS ${AFFECTED};` };
}

/** rowversion values cannot be inserted into a table variable column of that type: binary(8) holds them. */
function variableColumnType(column: ColumnInfo): string {
  const type = column.nativeType.toLowerCase();
  if (type === 'timestamp' || type === 'rowversion') return 'binary(8)';
  if (!NATIVE_TYPE.test(type)) throw new Error(`Unexpected native type for key column ${column.name}`);
  return type;
}

function execute(connection: MssqlConnection, statement: SqlStatement) {
  return connection.execute(statement.sql, mssqlParameters(statement));
}

const affected = ({ rows }: { rows: MssqlRow[] }) => Number(rows.at(-1)?.[AFFECTED] ?? 0);

function readRow(table: TableInfo, row: MssqlRow, options?: DataOptions): Row {
  const decoded: Row = {};
  for (const column of table.columns) {
    if (Object.hasOwn(row, column.name)) decoded[column.name] = decodeMssqlValue(column, row[column.name]);
  }
  return applyNullPolicyOnRead(table, decoded, options?.nullPolicy);
}

/**
 * tedious returns bigint as a digit string (a number when exact here); its Date objects for dates,
 * times and date-times (with `nanosecondsDelta` beyond the milliseconds) and floats are the shared
 * decoding's (wire-format.ts).
 */
export function decodeMssqlValue(column: ColumnInfo, value: unknown): unknown {
  if (column.kind === 'LongInteger' && typeof value === 'string' && /^-?\d+$/.test(value)) {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : value;
  }
  return decodeValue(column, value);
}

function columnOf(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`Key column ${name} is not a column of ${table.name}`);
  return column;
}
