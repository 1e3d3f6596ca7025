import { DataValidationError, type FindQuery, type TableInfo } from '../spi';
import { isOracleCharacterLob, isUnfilterableOracleColumn, isUnsortableOracleColumn } from './oracle-dialect';

const ORDER_COMPARISONS = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * What Oracle itself cannot run, refused before SQL with the data API's 400 (after the shared
 * validateFindQuery): a sort on a LOB, a LONG or an unsupported type; a filter on a LONG; an order
 * comparison (gt, gte, lt, lte) on a CLOB, which has no order. The published metadata keeps each
 * column's native type, so the refusal needs no other fact.
 */
export function validateOracleFindQuery(table: TableInfo, query: FindQuery): void {
  const columns = new Map(table.columns.map((column) => [column.name, column]));
  const errors: { field: string; message: string }[] = [];
  for (const { field } of query.sort ?? []) {
    const column = columns.get(field);
    if (column !== undefined && isUnsortableOracleColumn(column))
      errors.push({ field, message: `cannot be sorted on (Oracle ${column.nativeType})` });
  }
  for (const { field, op } of query.filters ?? []) {
    const column = columns.get(field);
    if (column === undefined) continue;
    if (isUnfilterableOracleColumn(column))
      errors.push({ field, message: `cannot be filtered on (Oracle ${column.nativeType})` });
    else if (ORDER_COMPARISONS.has(op) && isOracleCharacterLob(column))
      errors.push({
        field,
        message: `${op} does not apply to an Oracle ${column.nativeType}: use eq, ne, in, contains, startsWith, endsWith or isNull`,
      });
  }
  if (errors.length > 0) {
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    throw new DataValidationError(`Invalid request for ${table.name}: ${fields}`, errors);
  }
}
