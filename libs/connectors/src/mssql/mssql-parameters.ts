import { type SqlStatement } from '../data';
import { type ColumnInfo } from '../spi';
import { type MssqlParameter, type MssqlParameterType } from './mssql-driver';

const BY_NATIVE_TYPE: Readonly<Record<string, MssqlParameterType>> = {
  nvarchar: 'NVarChar',
  nchar: 'NVarChar',
  ntext: 'NVarChar',
  xml: 'NVarChar',
  sysname: 'NVarChar',
  sql_variant: 'NVarChar',
  varchar: 'VarChar',
  char: 'VarChar',
  text: 'VarChar',
  uniqueidentifier: 'UniqueIdentifier',
  bit: 'Bit',
  tinyint: 'TinyInt',
  smallint: 'SmallInt',
  int: 'Int',
  bigint: 'BigInt',
  decimal: 'Decimal',
  numeric: 'Decimal',
  money: 'Money',
  smallmoney: 'SmallMoney',
  float: 'Float',
  real: 'Real',
  date: 'Date',
  time: 'Time',
  datetime: 'DateTime',
  smalldatetime: 'SmallDateTime',
  datetime2: 'DateTime2',
  datetimeoffset: 'DateTimeOffset',
};

const BY_KIND: Readonly<Record<ColumnInfo['kind'], MssqlParameterType>> = {
  Text: 'NVarChar',
  Enum: 'NVarChar',
  Set: 'NVarChar',
  Json: 'NVarChar',
  Integer: 'Int',
  LongInteger: 'BigInt',
  Decimal: 'Decimal',
  Boolean: 'Bit',
  Date: 'Date',
  Time: 'Time',
  DateTime: 'DateTime2',
  BinaryData: 'VarBinary',
};

/** Character limits of a bounded (n)varchar / varbinary parameter; longer values are sent as max. */
const MAX_BOUNDED: Partial<Record<MssqlParameterType, number>> = {
  NVarChar: 4000,
  VarChar: 8000,
  VarBinary: 8000,
};

/**
 * The explicit type of a value bound against `column`. The parameter takes the column's own type
 * (varchar for a varchar column: an nvarchar parameter would convert the column and lose index seeks)
 * and its length, precision and scale; a longer value (a LIKE pattern with its `%`) gets the bounded
 * maximum, then `max`.
 */
export function mssqlParameterType(
  column: ColumnInfo,
  value: unknown,
): Omit<MssqlParameter, 'name' | 'value'> {
  const base = column.nativeType.replace(/\(.*$/, '').trim().toLowerCase();
  const type = BY_NATIVE_TYPE[base] ?? BY_KIND[column.kind];
  const bounded = MAX_BOUNDED[type];
  if (bounded !== undefined) {
    const size =
      typeof value === 'string' ? value.length : value instanceof Uint8Array ? value.byteLength : 0;
    const length =
      column.length !== undefined && size <= column.length && column.length <= bounded
        ? column.length
        : size <= bounded
          ? bounded
          : 'max';
    return { type, length };
  }
  if (type === 'Decimal') {
    return { type, precision: column.precision ?? 38, scale: column.scale ?? 10 };
  }
  if (type === 'Time' || type === 'DateTime2' || type === 'DateTimeOffset') {
    const digits = /\((\d)\)$/.exec(column.nativeType);
    return { type, scale: digits ? Number(digits[1]) : 7 };
  }
  return { type };
}

/** `@p1`, `@p2` ... with explicit types, values as tedious binds them (see toMssqlValue). */
export function mssqlParameters(statement: SqlStatement): MssqlParameter[] {
  return statement.parameters.map((raw, index) => {
    const column = statement.parameterColumns[index];
    const value = toMssqlValue(column, raw);
    return { name: `p${index + 1}`, ...mssqlParameterType(column, value), value };
  });
}

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Dates and times arrive as ISO text; tedious binds Date objects, read in UTC (useUTC). A date-time
 * without a zone is taken as UTC, so what is written is what is read back. A time becomes a Date on
 * 1970-01-01 (tedious keeps milliseconds of it).
 */
export function toMssqlValue(column: ColumnInfo, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (column.kind) {
    case 'Date':
      return DATE_ONLY.test(value) ? new Date(`${value}T00:00:00Z`) : value;
    case 'DateTime': {
      if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return value;
      const date = new Date(ZONED.test(value) ? value : `${value.replace(' ', 'T')}Z`);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    case 'Time': {
      const match = TIME.exec(value);
      if (!match) return value;
      const [, h, m, s = '0', fraction = ''] = match;
      const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
      return new Date(Date.UTC(1970, 0, 1, Number(h), Number(m), Number(s), ms));
    }
    default:
      return value;
  }
}
