import { type ColumnInfo, type NullPolicy, type Row, type TableInfo } from '../spi';
import { decimalText } from './wire-format';

/** The epoch in the wire formats of dates and date-times (wire-format.ts). */
const EPOCH_DATE = '1970-01-01';
const EPOCH_DATE_TIME = '1970-01-01T00:00:00Z';

/**
 * The value an app without NULL sees for a NULL under 'preserve': ''/0/false/epoch. JSON has its own
 * null, so a Json attribute keeps it (undefined: no default).
 */
export function typeDefault(column: ColumnInfo): unknown {
  switch (column.kind) {
    case 'Text':
    case 'Enum':
    case 'BinaryData':
      return '';
    case 'Integer':
    case 'LongInteger':
      return 0;
    case 'Decimal':
      return decimalText(0, column.scale);
    case 'Boolean':
      return false;
    case 'Date':
      return EPOCH_DATE;
    case 'Time':
      return '00:00:00';
    case 'DateTime':
      return EPOCH_DATE_TIME;
    case 'Set':
      return [];
    case 'Json':
      return undefined;
  }
}

/** Whether `value` is its column type's default in any of the spellings a caller may use. */
export function isTypeDefault(column: ColumnInfo, value: unknown): boolean {
  switch (column.kind) {
    case 'Text':
    case 'Enum':
    case 'BinaryData':
      return value === '';
    case 'Integer':
    case 'LongInteger':
    case 'Decimal':
      return (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') &&
        String(value).trim() !== ''
        ? Number(value) === 0
        : false;
    case 'Boolean':
      return value === false;
    case 'Date':
      return value === EPOCH_DATE;
    case 'Time':
      return typeof value === 'string' && /^00:00(?::00(?:\.0*)?)?$/.test(value);
    case 'DateTime':
      return (
        typeof value === 'string' && /^1970-01-01[T ]00:00(?::00(?:\.0*)?)?(?:Z|[+-]00:?00)?$/.test(value)
      );
    case 'Set':
      return value === '' || (Array.isArray(value) && value.length === 0);
    case 'Json':
      return false;
  }
}

/** 'preserve': a NULL is read as its type's default. 'overwrite' returns the row unchanged. */
export function applyNullPolicyOnRead(table: TableInfo, row: Row, policy: NullPolicy = 'overwrite'): Row {
  if (policy === 'overwrite') return row;
  const result: Row = { ...row };
  for (const column of table.columns) {
    if (result[column.name] !== null || !Object.hasOwn(result, column.name)) continue;
    const fallback = typeDefault(column);
    if (fallback !== undefined) result[column.name] = fallback;
  }
  return result;
}

/**
 * 'preserve': a type default written to a nullable column is stored as NULL, so a NULL read as ''/0
 * survives the round trip. Key columns are left alone (a key is never NULL). 'overwrite' is identity.
 */
export function applyNullPolicyOnWrite(table: TableInfo, values: Row, policy: NullPolicy = 'overwrite'): Row {
  if (policy === 'overwrite') return values;
  const result: Row = { ...values };
  for (const column of table.columns) {
    if (!column.nullable || table.primaryKey.includes(column.name)) continue;
    if (Object.hasOwn(result, column.name) && isTypeDefault(column, result[column.name])) {
      result[column.name] = null;
    }
  }
  return result;
}
