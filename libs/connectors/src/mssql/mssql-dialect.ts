import { type Page, type SqlDialect } from '../data';
import { type ColumnInfo, type TableSummary } from '../spi';
import { DEFAULT_MSSQL_SCHEMA } from './mssql-table-name';
import { quoteMssqlIdentifier } from './quote-identifier';

/**
 * The SQL Server part of the shared builders: [bracket] quoting, `@p1...` parameters, OFFSET/FETCH
 * paging, keys read back with OUTPUT INSERTED (made trigger-safe by mssql-data-access.ts).
 */
export const mssqlDialect: SqlDialect = {
  quote: quoteMssqlIdentifier,
  placeholder: (index) => `@p${index}`,
  paginate,
  likeEscape: '\\',
  // `[` opens a character class in T-SQL's LIKE (`[a-c]`); `]` alone is literal.
  likeWildcards: '%_[',
  insertKey: 'output',
  emptyInsert: 'DEFAULT VALUES',
  qualifyTable: (table) =>
    `${quoteMssqlIdentifier(table.schema)}.${quoteMssqlIdentifier(mssqlBareTableName(table))}`,
  selectColumn: selectMssqlColumn,
};

/** Native types tedious would return as a JS number, losing digits beyond 2^53 or 15-17 significant. */
const EXACT_DECIMAL = /^(?:decimal|numeric)\b/;
const MONEY = /^(?:money|smallmoney)$/;

/**
 * Exact numerics are read as text (`CONVERT(varchar(64), [c]) AS [c]`), as MySQL returns DECIMAL:
 * decimal(38,10) needs 38 digits, a point and a sign (40 characters). money and smallmoney take style
 * 2 (four decimal places, no thousands separators; the default style 0 rounds to two). float and real
 * stay numbers.
 */
export function selectMssqlColumn(column: ColumnInfo, quoted: string): string {
  if (column.kind !== 'Decimal') return quoted;
  const type = column.nativeType.toLowerCase();
  if (EXACT_DECIMAL.test(type)) return `CONVERT(varchar(64), ${quoted}) AS ${quoted}`;
  if (MONEY.test(type)) return `CONVERT(varchar(64), ${quoted}, 2) AS ${quoted}`;
  return quoted;
}

/**
 * OFFSET ... FETCH needs an ORDER BY; a table with neither key nor sort gets `ORDER BY (SELECT NULL)`
 * (an arbitrary, not a stable order: the builders sort by the primary key whenever there is one).
 * FETCH NEXT 0 ROWS is an error in T-SQL, so a limit of 0 becomes TOP (0).
 */
function paginate(sql: string, { limit, offset, hasOrderBy }: Page): string {
  if (limit === 0) return sql.replace(/^SELECT /, 'SELECT TOP (0) ');
  const ordered = hasOrderBy ? sql : `${sql} ORDER BY (SELECT NULL)`;
  const fetch = limit === undefined ? '' : ` FETCH NEXT ${limit} ROWS ONLY`;
  return `${ordered} OFFSET ${offset ?? 0} ROWS${fetch}`;
}

/** The table's own name inside its schema, from the product name mssqlTableName made (its inverse). */
export function mssqlBareTableName(table: Pick<TableSummary, 'schema' | 'name'>): string {
  const { schema, name } = table;
  if (schema === DEFAULT_MSSQL_SCHEMA && !name.includes('.') && !name.startsWith('[')) return name;
  const prefix = `${schemaPart(schema)}.`;
  if (!name.startsWith(prefix)) return name;
  const rest = name.slice(prefix.length);
  return rest.startsWith('[') && rest.endsWith(']') ? rest.slice(1, -1).replaceAll(']]', ']') : rest;
}

const schemaPart = (schema: string) =>
  schema.includes('.') || schema.startsWith('[') ? `[${schema.replaceAll(']', ']]')}]` : schema;
