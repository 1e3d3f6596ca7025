import { type AttributeKind } from '../spi';

export type MysqlTypeMapping = Readonly<{
  kind: AttributeKind;
  length?: number;
  precision?: number;
  scale?: number;
  enumValues?: readonly string[];
}>;

/** What the catalog says about one column's type (see MysqlColumnRow). */
export type MysqlTypeFacts = Readonly<{
  columnType: string;
  dataType: string;
  maxLength?: number | string | null;
  /** MariaDB: the column is a LONGTEXT guarded by CHECK (json_valid(col)), i.e. declared JSON. */
  jsonChecked?: boolean;
}>;

const TEXT_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext']);
const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer']);
const BINARY_TYPES = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob']);
const SPATIAL_TYPES = new Set([
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection',
  'geomcollection',
]);

/**
 * Maps a column's native type to the product's attribute kind. COLUMN_TYPE carries what DATA_TYPE
 * drops: the display width that makes `tinyint(1)` a boolean, `unsigned`, the ENUM/SET members.
 */
export function mapMysqlType(facts: MysqlTypeFacts): MysqlTypeMapping {
  const dataType = facts.dataType.toLowerCase();
  const columnType = facts.columnType.toLowerCase();
  const size = parseSize(facts.columnType);
  const unsigned = /\bunsigned\b/.test(columnType);

  if (TEXT_TYPES.has(dataType)) {
    if (facts.jsonChecked && dataType === 'longtext') return { kind: 'Json' };
    return withLength('Text', size[0] ?? toNumber(facts.maxLength));
  }
  if (dataType === 'json') return { kind: 'Json' };
  // BOOL and BOOLEAN are stored as tinyint(1); MySQL 8.0.19+ drops display widths except this one.
  if (dataType === 'tinyint' && size[0] === 1) return { kind: 'Boolean' };
  if (dataType === 'bit') return (size[0] ?? 1) === 1 ? { kind: 'Boolean' } : { kind: 'BinaryData' };
  if (INTEGER_TYPES.has(dataType)) {
    // An unsigned INT reaches 4294967295, past a 32-bit integer.
    return { kind: (dataType === 'int' || dataType === 'integer') && unsigned ? 'LongInteger' : 'Integer' };
  }
  if (dataType === 'bigint') return { kind: 'LongInteger' };
  if (dataType === 'year') return { kind: 'Integer' };
  if (dataType === 'decimal' || dataType === 'numeric') {
    return decimal(size[0] ?? 10, size[1] ?? 0);
  }
  if (dataType === 'float' || dataType === 'double' || dataType === 'real') {
    return size[0] === undefined ? { kind: 'Decimal' } : decimal(size[0], size[1]);
  }
  if (dataType === 'date') return { kind: 'Date' };
  if (dataType === 'time') return { kind: 'Time' };
  if (dataType === 'datetime' || dataType === 'timestamp') return { kind: 'DateTime' };
  if (BINARY_TYPES.has(dataType)) {
    return dataType === 'binary' || dataType === 'varbinary'
      ? withLength('BinaryData', size[0] ?? toNumber(facts.maxLength))
      : { kind: 'BinaryData' };
  }
  if (SPATIAL_TYPES.has(dataType)) return { kind: 'BinaryData' };
  if (dataType === 'enum') return { kind: 'Enum', enumValues: parseMembers(facts.columnType) };
  if (dataType === 'set') return { kind: 'Set', enumValues: parseMembers(facts.columnType) };
  // MariaDB's UUID, INET4, INET6 and anything newer read and write as text.
  return withLength('Text', toNumber(facts.maxLength));
}

/** `decimal(5,2) unsigned` -> [5, 2]; `enum(...)` and bare names -> []. */
function parseSize(columnType: string): number[] {
  const match = /^[a-z ]+\((\d+)(?:,(\d+))?\)/i.exec(columnType.trim());
  if (!match) return [];
  return match[2] === undefined ? [Number(match[1])] : [Number(match[1]), Number(match[2])];
}

/**
 * The members of `enum('a','it''s','b\\c')` as stored: COLUMN_TYPE doubles a quote inside a member
 * and escapes a backslash with a backslash.
 */
export function parseMembers(columnType: string): string[] {
  const open = columnType.indexOf('(');
  const close = columnType.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  const body = columnType.slice(open + 1, close);
  const members: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (current === undefined) {
      if (char === "'") current = '';
    } else if (char === '\\' && i + 1 < body.length) {
      current += body[++i];
    } else if (char === "'") {
      if (body[i + 1] === "'") {
        current += "'";
        i++;
      } else {
        members.push(current);
        current = undefined;
      }
    } else {
      current += char;
    }
  }
  return members;
}

function decimal(precision: number, scale: number | undefined): MysqlTypeMapping {
  return scale === undefined ? { kind: 'Decimal', precision } : { kind: 'Decimal', precision, scale };
}

function withLength(kind: AttributeKind, length: number | undefined): MysqlTypeMapping {
  return length === undefined ? { kind } : { kind, length };
}

/** information_schema returns BIGINT UNSIGNED sizes that mysql2 may hand over as strings. */
export function toNumber(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
