import type { CrudFilters, LogicalFilter } from '@refinedev/core';
import type { FilterValue } from 'antd/es/table/interface';

/**
 * antd's column filters as Refine's, as `@refinedev/antd` maps them: a column keeps the operator its filter
 * already has (from the address, say), else `in` for the values chosen; a cleared column (null) keeps its
 * operator too, so Refine's merge finds the filter it replaces and drops it.
 */
export const filtersOf = (
  chosen: Record<string, FilterValue | null>,
  current: CrudFilters,
): LogicalFilter[] =>
  Object.entries(chosen).map(([field, value]) => ({
    field,
    operator:
      current.find((filter): filter is LogicalFilter => 'field' in filter && filter.field === field)
        ?.operator ?? (Array.isArray(value) ? 'in' : 'eq'),
    value,
  }));
