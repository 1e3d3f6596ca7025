import type { CrudFilter, CrudSort, LogicalFilter } from '@refinedev/core';

/**
 * Refine's list parameters as the API's query string. Lists answer `{ items, total }` a page at a
 * time (`offset`, `limit`), filter by `field=value` and order by `sort=field` (`-field` descending),
 * each with only the parameters it declares: one it lacks is a 400 there. So a filter or sorter this
 * cannot express is refused here, never dropped or applied to a page in the browser, which would
 * show a wrong page under a right-looking total.
 */
export type ListQuery = Record<string, string | number>;

/** The largest page the API answers. */
export const MAX_PAGE_SIZE = 500;

const isLogical = (filter: CrudFilter): filter is LogicalFilter => 'field' in filter;

/** What a cleared antd column filter or an empty form field leaves behind. */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const unsupported = (what: string) => new Error(`The API lists cannot ${what}`);

const parameterValue = ({ field, operator, value }: LogicalFilter): string => {
  if (operator === 'eq') return String(value);
  // An antd column filter answers a list of the values picked, even when one may be picked.
  if (operator === 'in' && Array.isArray(value) && value.length === 1) return String(value[0]);
  throw unsupported(`filter ${field} with ${operator} ${JSON.stringify(value)}; only on one value`);
};

export function filterQuery(filters: readonly CrudFilter[] = []): ListQuery {
  const query: ListQuery = {};
  for (const filter of filters) {
    if (!isLogical(filter)) throw unsupported(`combine filters with ${filter.operator}`);
    if (!isEmpty(filter.value)) query[filter.field] = parameterValue(filter);
  }
  return query;
}

export function sortQuery(sorters: readonly CrudSort[] = []): ListQuery {
  if (sorters.length > 1) throw unsupported('sort on more than one field');
  const [sorter] = sorters;
  return sorter === undefined ? {} : { sort: `${sorter.order === 'desc' ? '-' : ''}${sorter.field}` };
}

/** Refine counts pages from 1. */
export const pageQuery = (currentPage: number, pageSize: number): ListQuery => ({
  offset: (currentPage - 1) * pageSize,
  limit: pageSize,
});
