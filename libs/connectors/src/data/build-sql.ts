import {
  DataValidationError,
  type ColumnInfo,
  type Filter,
  type FindQuery,
  type Key,
  type Row,
  type Sort,
  type TableInfo,
} from '../spi';
import { encodeValue } from './convert-values';
import { selectColumn, tableName, type SqlDialect } from './sql-dialect';

/** One statement: SQL text with placeholders, and the values to bind in order. */
export type SqlStatement = Readonly<{
  sql: string;
  parameters: readonly unknown[];
  /** The column each parameter is compared with or written to (SQL Server binds with explicit types). */
  parameterColumns: readonly ColumnInfo[];
}>;

export type InsertStatement = SqlStatement &
  Readonly<{
    /** true when the statement itself yields the key row (RETURNING / OUTPUT INSERTED). */
    returnsKey: boolean;
  }>;

/** What a bound LIMIT/OFFSET number is typed as (SQL Server binds with explicit types). */
const PAGING_COLUMN: ColumnInfo = {
  name: '(paging)',
  nativeType: 'bigint',
  kind: 'LongInteger',
  nullable: false,
  autoIncrement: false,
};

/** The alias of buildCount's single column. */
export const COUNT_ALIAS = 'total';

/**
 * Pure SQL builders shared by every dialect. Identifiers are taken only from `table` (a name not in it
 * is refused with DataValidationError, so nothing a caller sends is ever spliced into SQL) and quoted by
 * the dialect; every value is a bound parameter. Requests are expected to have passed
 * validate-request.ts; these functions still refuse what they cannot build safely.
 */
export function buildSelect(dialect: SqlDialect, table: TableInfo, query: FindQuery = {}): SqlStatement {
  const params = new Parameters(dialect);
  const select = selectFrom(dialect, table, query.fields);
  const where = whereClause(dialect, table, query.filters, params);
  const sort = query.sort && query.sort.length > 0 ? query.sort : defaultSort(table);
  const orderBy =
    sort.length > 0
      ? ` ORDER BY ${sort.map((s) => `${dialect.quote(columnOf(table, s.field).name)} ${direction(s)}`).join(', ')}`
      : '';
  const sql = `${select}${where}${orderBy}`;
  const { limit, offset } = query;
  const paged =
    limit === undefined && (offset === undefined || offset === 0)
      ? sql
      : dialect.paginate(sql, {
          limit: limit === undefined ? undefined : wholeNumber('limit', limit),
          offset: offset === undefined ? undefined : wholeNumber('offset', offset),
          hasOrderBy: orderBy !== '',
          bind: (value) => params.add(PAGING_COLUMN, value),
        });
  return params.statement(paged);
}

/** Counts the rows matching `filters` (offset and limit do not apply). */
export function buildCount(dialect: SqlDialect, table: TableInfo, filters?: readonly Filter[]): SqlStatement {
  const params = new Parameters(dialect);
  const where = whereClause(dialect, table, filters, params);
  return params.statement(
    `SELECT COUNT(*) AS ${dialect.quote(COUNT_ALIAS)} FROM ${tableName(dialect, table)}${where}`,
  );
}

export function buildGetByKey(
  dialect: SqlDialect,
  table: TableInfo,
  key: Key,
  fields?: readonly string[],
): SqlStatement {
  const params = new Parameters(dialect);
  const columns = selectedColumns(table, fields).map((c) => selectColumn(dialect, c));
  const where = keyCondition(dialect, table, key, params);
  return params.statement(`SELECT ${columns.join(', ')} FROM ${tableName(dialect, table)} WHERE ${where}`);
}

/**
 * Inserts the given attributes (undefined ones are left to the database's default). With the
 * 'returning'/'output' strategies the statement yields the key columns; with 'driver' the caller
 * reads the generated value from its driver and calls insertedKey.
 */
export function buildInsert(dialect: SqlDialect, table: TableInfo, values: Row): InsertStatement {
  const params = new Parameters(dialect);
  const entries = definedEntries(table, values);
  const target = tableName(dialect, table);
  const names = entries.map(([column]) => dialect.quote(column.name));
  const placeholders = entries.map(([column, value]) => params.add(column, encodeValue(column, value)));
  const keyColumns = table.primaryKey.map((name) => dialect.quote(columnOf(table, name).name));

  const returnsKey = dialect.insertKey !== 'driver' && keyColumns.length > 0;
  const output =
    returnsKey && dialect.insertKey === 'output'
      ? ` OUTPUT ${keyColumns.map((name) => `INSERTED.${name}`).join(', ')}`
      : '';
  const returning =
    returnsKey && dialect.insertKey === 'returning' ? ` RETURNING ${keyColumns.join(', ')}` : '';
  const body =
    entries.length === 0
      ? `${output} ${dialect.emptyInsert}`
      : ` (${names.join(', ')})${output} VALUES (${placeholders.join(', ')})`;
  return { ...params.statement(`INSERT INTO ${target}${body}${returning}`), returnsKey };
}

/** A partial update by key: only the given (defined) attributes are set. */
export function buildUpdate(dialect: SqlDialect, table: TableInfo, key: Key, values: Row): SqlStatement {
  const params = new Parameters(dialect);
  const entries = definedEntries(table, values);
  if (entries.length === 0) {
    throw new DataValidationError('Nothing to update', [
      { field: 'values', message: 'must change at least one attribute' },
    ]);
  }
  const assignments = entries.map(
    ([column, value]) => `${dialect.quote(column.name)} = ${params.add(column, encodeValue(column, value))}`,
  );
  const where = keyCondition(dialect, table, key, params);
  return params.statement(`UPDATE ${tableName(dialect, table)} SET ${assignments.join(', ')} WHERE ${where}`);
}

export function buildDelete(dialect: SqlDialect, table: TableInfo, key: Key): SqlStatement {
  const params = new Parameters(dialect);
  const where = keyCondition(dialect, table, key, params);
  return params.statement(`DELETE FROM ${tableName(dialect, table)} WHERE ${where}`);
}

/**
 * The order that makes paging stable: the primary key, else the columns of the first unique index
 * whose columns are all NOT NULL; none for other tables (SQL Server's paginate then orders by nothing).
 */
export function defaultSort(table: TableInfo): Sort[] {
  const notNull = (name: string) => table.columns.some((c) => c.name === name && !c.nullable);
  const columns =
    table.primaryKey.length > 0
      ? table.primaryKey
      : (table.indexes.find((index) => index.unique && index.columns.every(notNull))?.columns ?? []);
  return columns.map((field) => ({ field, direction: 'asc' }));
}

/**
 * The key of a row inserted by a 'driver' dialect: the given key values, plus the generated value
 * (insertId, SCOPE_IDENTITY()) for the auto-increment key column the caller left out.
 */
export function insertedKey(table: TableInfo, values: Row, generated?: unknown): Key {
  const key: Record<string, unknown> = {};
  for (const name of table.primaryKey) {
    const column = columnOf(table, name);
    const given = values[name];
    key[name] = given !== undefined && given !== null ? given : column.autoIncrement ? generated : undefined;
  }
  return key;
}

/** Makes `%`, `_` (and the dialect's other wildcards) and the escape character itself literal. */
export function escapeLike(dialect: SqlDialect, text: string): string {
  const special = new Set([...dialect.likeWildcards, dialect.likeEscape]);
  return [...text].map((char) => (special.has(char) ? dialect.likeEscape + char : char)).join('');
}

class Parameters {
  private readonly values: unknown[] = [];
  private readonly columns: ColumnInfo[] = [];

  constructor(private readonly dialect: SqlDialect) {}

  add(column: ColumnInfo, value: unknown): string {
    this.values.push(this.dialect.toParameter ? this.dialect.toParameter(value, column) : value);
    this.columns.push(column);
    const placeholder = this.dialect.placeholder(this.values.length);
    return this.dialect.parameter ? this.dialect.parameter(placeholder, column) : placeholder;
  }

  statement(sql: string): SqlStatement {
    return { sql, parameters: this.values, parameterColumns: this.columns };
  }
}

function whereClause(
  dialect: SqlDialect,
  table: TableInfo,
  filters: readonly Filter[] | undefined,
  params: Parameters,
): string {
  if (!filters || filters.length === 0) return '';
  return ` WHERE ${filters.map((filter) => condition(dialect, table, filter, params)).join(' AND ')}`;
}

function condition(dialect: SqlDialect, table: TableInfo, filter: Filter, params: Parameters): string {
  const column = columnOf(table, filter.field);
  const quoted = dialect.quote(column.name);
  const bind = (value: unknown) => params.add(column, encodeValue(column, value));
  const own = dialect.condition?.(column, quoted, filter, bind);
  if (own !== undefined) return own;
  const name = dialect.filterColumn ? dialect.filterColumn(column, quoted) : quoted;
  const like = (pattern: string) =>
    `${name} LIKE ${params.add(column, pattern)} ESCAPE '${dialect.likeEscape.replaceAll("'", "''")}'`;
  const { value } = filter;
  switch (filter.op) {
    case 'eq':
      return `${name} = ${bind(value)}`;
    case 'ne':
      return `${name} <> ${bind(value)}`;
    case 'gt':
      return `${name} > ${bind(value)}`;
    case 'gte':
      return `${name} >= ${bind(value)}`;
    case 'lt':
      return `${name} < ${bind(value)}`;
    case 'lte':
      return `${name} <= ${bind(value)}`;
    case 'in':
      if (!Array.isArray(value) || value.length === 0)
        throw invalidFilter(filter, 'in needs a non-empty list');
      return `${name} IN (${value.map((item) => bind(item)).join(', ')})`;
    case 'contains':
      return like(`%${escapeLike(dialect, likeText(filter))}%`);
    case 'startsWith':
      return like(`${escapeLike(dialect, likeText(filter))}%`);
    case 'endsWith':
      return like(`%${escapeLike(dialect, likeText(filter))}`);
    case 'isNull':
      return value === false ? `${name} IS NOT NULL` : `${name} IS NULL`;
    default:
      throw invalidFilter(filter, `unknown filter operator "${String(filter.op)}"`);
  }
}

function likeText(filter: Filter): string {
  if (typeof filter.value !== 'string') throw invalidFilter(filter, `${filter.op} needs a string`);
  return filter.value;
}

/** `k1 = ? AND k2 = ?` over the primary key, in key order; the key must name exactly its columns. */
function keyCondition(dialect: SqlDialect, table: TableInfo, key: Key, params: Parameters): string {
  if (table.primaryKey.length === 0) {
    throw new DataValidationError(`${table.name} has no primary key`, [
      { field: 'key', message: `${table.name} has no primary key: rows cannot be addressed by key` },
    ]);
  }
  const extra = Object.keys(key).filter((field) => !table.primaryKey.includes(field));
  const missing = table.primaryKey.filter((name) => key[name] === undefined || key[name] === null);
  if (extra.length > 0 || missing.length > 0) {
    throw new DataValidationError(`Invalid key for ${table.name}`, [
      ...missing.map((field) => ({ field, message: 'is required (part of the key)' })),
      ...extra.map((field) => ({ field, message: 'is not part of the key' })),
    ]);
  }
  return table.primaryKey
    .map((name) => {
      const column = columnOf(table, name);
      return `${dialect.quote(column.name)} = ${params.add(column, encodeValue(column, key[name]))}`;
    })
    .join(' AND ');
}

const selectAllFrom = new WeakMap<SqlDialect, WeakMap<TableInfo, string>>();

/**
 * `SELECT <columns> FROM <table>`; the one of every column is kept per dialect and table (metadata
 * that never changes once built): most lists read every column, and quoting them is most of the work.
 */
function selectFrom(dialect: SqlDialect, table: TableInfo, fields: readonly string[] | undefined): string {
  const build = () =>
    `SELECT ${selectedColumns(table, fields)
      .map((c) => selectColumn(dialect, c))
      .join(', ')} FROM ${tableName(dialect, table)}`;
  if (fields !== undefined && fields.length > 0) return build();
  let known = selectAllFrom.get(dialect);
  if (known === undefined) selectAllFrom.set(dialect, (known = new WeakMap()));
  let sql = known.get(table);
  if (sql === undefined) known.set(table, (sql = build()));
  return sql;
}

function selectedColumns(table: TableInfo, fields: readonly string[] | undefined): ColumnInfo[] {
  if (!fields || fields.length === 0) return [...table.columns];
  return [...new Set(fields)].map((field) => columnOf(table, field));
}

function definedEntries(table: TableInfo, values: Row): [ColumnInfo, unknown][] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => [columnOf(table, field), value]);
}

/** The metadata's column (its name is what gets quoted); a name the table lacks never reaches SQL. */
function columnOf(table: TableInfo, field: string): ColumnInfo {
  const column = table.columns.find((c) => c.name === field);
  if (!column) {
    throw new DataValidationError(`Unknown attribute for ${table.name}: ${field}`, [
      { field, message: `is not an attribute of ${table.name}` },
    ]);
  }
  return column;
}

const direction = (sort: Sort) => {
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new DataValidationError('Invalid sort', [
      { field: sort.field, message: 'sort direction must be asc or desc' },
    ]);
  }
  return sort.direction.toUpperCase();
};

function wholeNumber(field: 'limit' | 'offset', value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DataValidationError(`Invalid ${field}`, [
      { field, message: 'must be a whole number, 0 or more' },
    ]);
  }
  return value;
}

const invalidFilter = (filter: Filter, message: string) =>
  new DataValidationError(`Invalid filter on ${filter.field}`, [{ field: filter.field, message }]);
