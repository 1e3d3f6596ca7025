import { parseWireDateTime, parseWireTime, type SqlStatement } from '../data';
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

/** The integers each narrow integer parameter type holds; a wider compared value is bound as BigInt. */
const INTEGER_RANGES: Partial<Record<MssqlParameterType, readonly [number, number]>> = {
  TinyInt: [0, 255],
  SmallInt: [-32768, 32767],
  Int: [-2147483648, 2147483647],
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
  // A filter or key may compare an int column with any exact integer (it simply matches nothing):
  // tedious would refuse it as an Int parameter, the server compares it as a bigint.
  const range = INTEGER_RANGES[type];
  if (range && typeof value === 'number' && (value < range[0] || value > range[1])) return { type: 'BigInt' };
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates and times arrive in their wire formats (wire-format.ts); tedious binds Date objects, read in
 * UTC (useUTC). A date-time is an instant (its zone applied); a time of day becomes a Date on
 * 1970-01-01. Decimals beyond the milliseconds a Date holds travel in tedious's `nanosecondDelta`
 * (seconds), so datetime2(7) and time(7) keep all seven.
 */
export function toMssqlValue(column: ColumnInfo, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (column.kind) {
    case 'Date':
      return DATE_ONLY.test(value) ? new Date(`${value}T00:00:00Z`) : value;
    case 'DateTime': {
      const instant = parseWireDateTime(value);
      return instant ? preciseDate(`${instant.date}T${instant.time}`, instant.fraction) : value;
    }
    case 'Time': {
      const time = parseWireTime(value);
      if (time === undefined) return value;
      const [clock, fraction = ''] = time.split('.');
      return preciseDate(`1970-01-01T${clock}`, fraction);
    }
    default:
      return value;
  }
}

function preciseDate(dateTime: string, fraction: string): Date {
  const digits = fraction.padEnd(7, '0');
  const date = new Date(`${dateTime}.${digits.slice(0, 3)}Z`);
  const beyondMilliseconds = Number(digits.slice(3, 7));
  if (beyondMilliseconds > 0)
    Object.defineProperty(date, 'nanosecondDelta', { value: beyondMilliseconds / 1e7, enumerable: false });
  return date;
}
