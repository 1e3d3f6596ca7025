import { type ColumnInfo, type Row, type TableInfo } from '../spi';
import { decimalText, readDate, readDateTime, readTime } from './wire-format';

/**
 * A checked value (see check-values.ts) as drivers take it: base64 becomes bytes, JSON becomes its
 * text, a set becomes MySQL's comma list, a decimal sent as a JSON number becomes its exact text
 * rounded to the scale. Dates and times stay wire text: each dialect's toParameter stores them its way.
 */
export function encodeValue(column: ColumnInfo | undefined, value: unknown): unknown {
  if (value === null || value === undefined || !column) return value ?? null;
  switch (column.kind) {
    case 'BinaryData':
      return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
    case 'Json':
      return JSON.stringify(value);
    case 'Set':
      return Array.isArray(value) ? value.join(',') : value;
    case 'Decimal':
      return typeof value === 'number' ? decimalText(value, column.scale) : value;
    default:
      return value;
  }
}

/**
 * A driver's value as the data API returns it, in the wire format of its kind (wire-format.ts):
 * decimals as exact text, dates, times and date-times (driver Date objects or stored text) in their
 * one format, bytes as base64, booleans stored as 0/1 or BIT as booleans, 64-bit integers as numbers
 * when exact (else digit strings), JSON text parsed, sets as arrays.
 */
export function decodeValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // JSON has no bigint: only a decimal keeps the driver's exact digits as they are.
  if (typeof value === 'bigint' && column.kind !== 'Decimal') value = decodeBigInt(value);
  switch (column.kind) {
    case 'Boolean':
      return decodeBoolean(value);
    case 'BinaryData':
      return base64Of(value);
    case 'Json':
      return typeof value === 'string' ? parseJson(value) : value;
    case 'Set':
      return typeof value === 'string' ? (value === '' ? [] : value.split(',')) : value;
    case 'Decimal':
      return decimalText(value, column.scale);
    case 'Date':
      return readDate(value);
    case 'Time':
      return readTime(value);
    case 'DateTime':
      return readDateTime(value);
    default:
      return value;
  }
}

/**
 * Bytes as base64. SQLite lets a BLOB column (or a view's expression column, which has no declared
 * type) hold text and numbers too: those are answered as the bytes of their text, as CAST(x AS BLOB)
 * reads them, so the value is still the base64 the document declares.
 */
function base64Of(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
    return Buffer.from(String(value), 'utf8').toString('base64');
  return value;
}

/** Decodes the columns of `table` present in `row`; anything else is dropped. */
export function decodeRow(table: TableInfo, row: Row): Row {
  const result: Row = {};
  for (const column of table.columns) {
    if (Object.hasOwn(row, column.name)) result[column.name] = decodeValue(column, row[column.name]);
  }
  return result;
}

function decodeBoolean(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  if (value instanceof Uint8Array) return value.some((byte) => byte !== 0);
  if (value === '0' || value === '1') return value === '1';
  return value;
}

const decodeBigInt = (value: bigint) =>
  value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
