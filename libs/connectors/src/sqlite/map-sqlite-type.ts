import { type AttributeKind } from '../spi';

export type SqliteTypeMapping = Readonly<{
  kind: AttributeKind;
  length?: number;
  precision?: number;
  scale?: number;
}>;

const BOOLEAN_NAMES = new Set(['BOOLEAN', 'BOOL', 'BIT']);
const DATE_TIME_NAMES = new Set(['DATETIME', 'DATETIME2', 'SMALLDATETIME', 'DATETIMEOFFSET']);
const TIME_NAMES = new Set(['TIME', 'TIME WITHOUT TIME ZONE', 'TIME WITH TIME ZONE']);
const JSON_NAMES = new Set(['JSON', 'JSONB']);
const LONG_INTEGER_NAMES = new Set(['BIGINT', 'UNSIGNED BIG INT', 'INT8', 'INT64']);
const DECIMAL_NAMES = new Set(['DECIMAL', 'NUMERIC', 'NUMBER', 'MONEY', 'SMALLMONEY']);
const BINARY_NAMES = new Set(['BINARY', 'VARBINARY']);
/** Numeric affinity by SQLite's rules, but their values never look like numbers, so they stay text. */
const TEXT_NAMES = new Set(['UUID', 'GUID', 'UNIQUEIDENTIFIER']);

/**
 * Maps a declared column type (free text in SQLite) to the product's attribute kind.
 * Common type names decide first (DATE, DECIMAL(p,s), BOOLEAN, JSON ...); anything else follows
 * SQLite's own affinity rules in their documented order (https://sqlite.org/datatype3.html#affname).
 */
export function mapSqliteType(declaredType: string): SqliteTypeMapping {
  const { name, size } = parseDeclaredType(declaredType);
  const [first, second] = size;

  if (name === '') return { kind: 'BinaryData' };
  if (BOOLEAN_NAMES.has(name)) return { kind: 'Boolean' };
  if (name === 'DATE') return { kind: 'Date' };
  if (TIME_NAMES.has(name)) return { kind: 'Time' };
  if (DATE_TIME_NAMES.has(name) || name.startsWith('TIMESTAMP')) return { kind: 'DateTime' };
  if (JSON_NAMES.has(name)) return { kind: 'Json' };
  if (LONG_INTEGER_NAMES.has(name)) return { kind: 'LongInteger' };
  if (DECIMAL_NAMES.has(name)) return decimal(first, first === undefined ? undefined : (second ?? 0));
  if (BINARY_NAMES.has(name)) return withLength('BinaryData', first);
  if (TEXT_NAMES.has(name)) return withLength('Text', first);

  if (name.includes('INT')) return { kind: 'Integer' };
  if (name.includes('CHAR') || name.includes('CLOB') || name.includes('TEXT'))
    return withLength('Text', first);
  if (name.includes('BLOB')) return { kind: 'BinaryData' };
  if (name.includes('REAL') || name.includes('FLOA') || name.includes('DOUB')) return { kind: 'Decimal' };
  return decimal(first, first === undefined ? undefined : second);
}

/** `nvarchar( 40 )` -> { name: 'NVARCHAR', size: [40] }; non-numeric sizes such as VARCHAR(MAX) are dropped. */
function parseDeclaredType(declaredType: string): { name: string; size: number[] } {
  const open = declaredType.indexOf('(');
  const rawName = open === -1 ? declaredType : declaredType.slice(0, open);
  const name = rawName.trim().replace(/\s+/g, ' ').toUpperCase();
  if (open === -1) return { name, size: [] };
  const close = declaredType.indexOf(')', open);
  const args = declaredType.slice(open + 1, close === -1 ? undefined : close).split(',');
  const size = args.map((arg) => arg.trim());
  return { name, size: size.every((arg) => /^\+?\d+$/.test(arg)) ? size.map(Number) : [] };
}

function withLength(kind: AttributeKind, length: number | undefined): SqliteTypeMapping {
  return length === undefined ? { kind } : { kind, length };
}

function decimal(precision: number | undefined, scale: number | undefined): SqliteTypeMapping {
  if (precision === undefined) return { kind: 'Decimal' };
  return scale === undefined ? { kind: 'Decimal', precision } : { kind: 'Decimal', precision, scale };
}
