import { type ColumnInfo, type Row, type TableInfo } from '../spi';

/**
 * A checked value (see check-values.ts) as drivers take it: base64 becomes bytes, JSON becomes its
 * text, a set becomes MySQL's comma list. Everything else is already what drivers bind.
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
    default:
      return value;
  }
}

/**
 * A driver's value as the data API returns it (JSON-ready): bytes as base64, booleans stored as
 * 0/1 or BIT as booleans, 64-bit integers as numbers when exact (else digit strings), driver Date
 * objects as ISO text, JSON text parsed, sets as arrays.
 */
export function decodeValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'Boolean':
      return decodeBoolean(value);
    case 'BinaryData':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    case 'Json':
      return typeof value === 'string' ? parseJson(value) : value;
    case 'Set':
      return typeof value === 'string' ? (value === '' ? [] : value.split(',')) : value;
    case 'Date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    case 'DateTime':
      return value instanceof Date ? value.toISOString() : value;
    default:
      return typeof value === 'bigint' ? decodeBigInt(value) : value;
  }
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
