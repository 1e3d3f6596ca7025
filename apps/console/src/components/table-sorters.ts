import type { CrudSort } from '@refinedev/core';
import type { SorterResult } from 'antd/es/table/interface';

/** antd's sort state as Refine's: the column's key names the field, else its `dataIndex`. */
export const sortersOf = <T>(sorter: SorterResult<T> | SorterResult<T>[]): CrudSort[] =>
  (Array.isArray(sorter) ? sorter : [sorter]).flatMap(({ columnKey, field, order }) => {
    if (field === undefined || !order) return [];
    const name = Array.isArray(field) ? field.join('.') : String(field);
    return [{ field: String(columnKey ?? name), order: order === 'ascend' ? 'asc' : 'desc' }];
  });
