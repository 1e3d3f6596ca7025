import type { BaseRecord, CrudFilter, CrudSort, LogicalFilter, Pagination } from '@refinedev/core';

/**
 * The API answers every list whole (`{ items, total }`, no query parameters), so the filters,
 * sorters and pages Refine asks for are applied here, in memory.
 */
const isLogical = (filter: CrudFilter): filter is LogicalFilter => 'field' in filter;

const matches = (record: BaseRecord, filter: CrudFilter): boolean => {
  if (!isLogical(filter)) {
    const test = (inner: CrudFilter) => matches(record, inner);
    return filter.operator === 'or' ? filter.value.some(test) : filter.value.every(test);
  }
  const value: unknown = record[filter.field];
  const expected: unknown = filter.value;
  if (expected === undefined || expected === null || expected === '') return true;
  switch (filter.operator) {
    case 'eq':
      return value === expected;
    case 'ne':
      return value !== expected;
    case 'in':
      return Array.isArray(expected) && (expected.length === 0 || expected.includes(value));
    case 'contains':
      return String(value ?? '')
        .toLowerCase()
        .includes(String(expected).toLowerCase());
    default:
      return true;
  }
};

const compare = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
};

export function applyListParams<T extends BaseRecord>(
  items: T[],
  params: { filters?: CrudFilter[]; sorters?: CrudSort[]; pagination?: Pagination },
): { data: T[]; total: number } {
  const filtered = items.filter((item) => (params.filters ?? []).every((filter) => matches(item, filter)));
  const sorted = [...filtered].sort((a, b) => {
    for (const { field, order } of params.sorters ?? []) {
      const result = compare(a[field], b[field]);
      if (result !== 0) return order === 'asc' ? result : -result;
    }
    return 0;
  });
  const { mode = 'server', currentPage = 1, pageSize = 10 } = params.pagination ?? {};
  const page =
    mode === 'server' ? sorted.slice((currentPage - 1) * pageSize, currentPage * pageSize) : sorted;
  return { data: page, total: filtered.length };
}
