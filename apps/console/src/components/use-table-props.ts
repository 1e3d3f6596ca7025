import { type BaseRecord, type HttpError, useTable, type useTableProps } from '@refinedev/core';
import type { TableProps } from 'antd';
import { filtersOf } from './table-filters';
import { sortersOf } from './table-sorters';

/**
 * Refine's table state (paging, sorting, column filters, the address when synced, live updates) as the props
 * of antd's `Table`: what `@refinedev/antd`'s `useTable` gives, without its search form and the package
 * behind it.
 */
export function useTableProps<T extends BaseRecord>(props: useTableProps<T, HttpError, T> = {}) {
  const table = useTable<T, HttpError, T>(props);
  const paged = props.pagination?.mode !== 'off';
  const tableProps: TableProps<T> = {
    dataSource: table.result.data as T[],
    loading: table.tableQuery.isLoading,
    scroll: { x: true },
    pagination: paged
      ? { current: table.currentPage, pageSize: table.pageSize, total: table.result.total }
      : false,
    onChange: (pagination, filters, sorter, { action }) => {
      // Paging hands over antd's sort state too, which knows nothing of the page's initial sort.
      if (action === 'sort') table.setSorters(sortersOf(sorter));
      if (action === 'filter') table.setFilters(filtersOf(filters, table.filters));
      if (!paged) return;
      table.setCurrentPage(pagination.current ?? 1);
      table.setPageSize(pagination.pageSize ?? table.pageSize);
    },
  };
  return { ...table, tableProps };
}
