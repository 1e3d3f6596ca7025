import { type ColumnInfo, type Filter, type FindQuery, type TableInfo } from '../spi';
import { odataLiteral } from './odata-literal';
import { type ODataVersion } from './read-edmx';

const COMPARISONS = { eq: 'eq', ne: 'ne', gt: 'gt', gte: 'ge', lt: 'lt', lte: 'le' } as const;

/**
 * One filter of the data API as an OData `$filter` expression. Field names come from the published
 * metadata; values become literals (odata-literal.ts). `in` is spelled as `or`ed equalities, which every
 * version understands (`in` is OData 4.01); a text search is `contains` (v4) or `substringof` (v2).
 */
export function filterExpression(column: ColumnInfo, filter: Filter, version: ODataVersion): string {
  const field = column.name;
  const literal = (value: unknown) => odataLiteral(column, value, version);
  switch (filter.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${field} ${COMPARISONS[filter.op]} ${literal(filter.value)}`;
    case 'in': {
      const values = filter.value as readonly unknown[];
      const alternatives = values.map((value) => `${field} eq ${literal(value)}`);
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' or ')})`;
    }
    case 'isNull':
      return `${field} ${filter.value === true ? 'eq' : 'ne'} null`;
    case 'contains':
      return version === 'v4'
        ? `contains(${field},${literal(filter.value)})`
        : `substringof(${literal(filter.value)},${field})`;
    case 'startsWith':
      return `startswith(${field},${literal(filter.value)})`;
    case 'endsWith':
      return `endswith(${field},${literal(filter.value)})`;
  }
}

export function filterOf(
  table: TableInfo,
  filters: readonly Filter[],
  version: ODataVersion,
): string | undefined {
  if (filters.length === 0) return undefined;
  const columns = new Map(table.columns.map((column) => [column.name, column]));
  return filters
    .map((filter) => {
      const column = columns.get(filter.field);
      if (!column) throw new Error(`${filter.field} is not a column of ${table.name}`);
      return filterExpression(column, filter, version);
    })
    .join(' and ');
}

/**
 * The query options of a find: `$filter`, `$orderby` (the key when a page is asked for and no sort is:
 * the service's order is not stable otherwise), `$top`, `$skip`, `$count=true` (v4) or
 * `$inlinecount=allpages` (v2), `$select`; v2 asks for JSON with `$format`.
 */
export function findQueryString(table: TableInfo, query: FindQuery, version: ODataVersion): string {
  const options: [string, string][] = [];
  const filter = filterOf(table, query.filters ?? [], version);
  if (filter !== undefined) options.push(['$filter', filter]);
  const sort =
    query.sort && query.sort.length > 0
      ? query.sort.map(({ field, direction }) => `${field} ${direction}`)
      : (query.limit !== undefined || query.offset !== undefined) && table.primaryKey.length > 0
        ? table.primaryKey.map((field) => `${field} asc`)
        : [];
  if (sort.length > 0) options.push(['$orderby', sort.join(',')]);
  if (query.offset !== undefined && query.offset > 0) options.push(['$skip', String(query.offset)]);
  if (query.limit !== undefined) options.push(['$top', String(query.limit)]);
  if (query.count) options.push(version === 'v4' ? ['$count', 'true'] : ['$inlinecount', 'allpages']);
  if (query.fields !== undefined && query.fields.length > 0)
    options.push(['$select', query.fields.join(',')]);
  if (version === 'v2') options.push(['$format', 'json']);
  return options.map(([name, value]) => `${name}=${encodeQueryValue(value)}`).join('&');
}

/** Percent-encodes a query option's value, keeping what OData expressions read best as they are. */
const encodeQueryValue = (value: string): string =>
  encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%24/g, '$');
