import { type Page, type SqlDialect } from '../data';
import { type TableSummary } from '../spi';
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
};

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
