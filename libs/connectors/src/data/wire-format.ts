import { type ColumnInfo } from '../spi';

/**
 * The one wire format of each attribute kind: what the data API accepts in bodies, filters and keys,
 * what it answers, and what the published OpenAPI document declares (the package generator builds
 * its patterns and ranges from these same functions, so document and server cannot drift apart).
 *
 * - Decimal: exact decimal text, `-?digits[.digits]`, no exponent; answered with exactly `scale`
 *   decimal places when the scale is known (`"34.90"`), else with the shortest exact digits.
 *   Requests may send a JSON number instead of the text.
 * - Date: `YYYY-MM-DD`.
 * - Time (a time of day, no zone): `HH:MM:SS[.fraction]`, fraction only when not zero.
 * - DateTime: RFC 3339 with a zone (`2024-05-02T08:12:00Z`, `...+02:00`). Answers are always in UTC
 *   (`Z`). Columns without a zone (DATETIME, datetime2, SQLite text) hold UTC: a value with an offset
 *   is converted to UTC before it is stored or compared, and a stored value is read as UTC.
 */

/** The databases whose values the shared data code reads and writes. */
export type DataProvider = 'sqlite' | 'mysql' | 'mssql' | 'postgres' | 'oracle' | 'odata';

/** A decimal as requests write it: no plus sign, no exponent, digits on both sides of a point. */
const DECIMAL_WIRE = /^-?(\d+)(?:\.(\d+))?$/;
/** What JavaScript prints for a number: `1.5`, `-2e-7`, `1.2e+21`. */
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Digits a decimal attribute holds: before the point (precision - scale) and after it (scale). */
export type DecimalLimits = Readonly<{ integerDigits?: number; fractionDigits?: number }>;

export function decimalLimits(column: Pick<ColumnInfo, 'precision' | 'scale'>): DecimalLimits {
  const { precision, scale } = column;
  const integerDigits =
    precision === undefined || precision <= 0 ? undefined : Math.max(precision - (scale ?? 0), 0);
  return {
    ...(integerDigits === undefined ? {} : { integerDigits }),
    ...(scale === undefined ? {} : { fractionDigits: scale }),
  };
}

/**
 * The JSON Schema pattern of a decimal's text, exactly what checkDecimal accepts: leading zeros and
 * trailing zeros after the point do not count as digits (`007.50` fits decimal(3,1)).
 */
export function decimalPattern(column: Pick<ColumnInfo, 'precision' | 'scale'>): string {
  const { integerDigits, fractionDigits } = decimalLimits(column);
  const integer =
    integerDigits === undefined ? '[0-9]+' : integerDigits === 0 ? '0+' : `0*[0-9]{1,${integerDigits}}`;
  const fraction =
    fractionDigits === undefined ? '[0-9]+' : fractionDigits === 0 ? '0+' : `[0-9]{1,${fractionDigits}}0*`;
  return `^-?${integer}(\\.${fraction})?$`;
}

/**
 * Significant digits before and after the point of a request's decimal: exact text, or a JSON number
 * (inexact by nature: rounded to `scale` places first when a scale is given, as the database would).
 */
export function decimalDigits(
  value: unknown,
  scale?: number,
): { integer: number; fraction: number } | undefined {
  let digits: { integer: string; fraction: string } | undefined;
  if (typeof value === 'string') {
    const match = DECIMAL_WIRE.exec(value);
    digits = match ? { integer: match[1], fraction: match[2] ?? '' } : undefined;
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    digits = plainDigits(
      scale === undefined ? String(value) : String(decimalText(value, scale)).replace(/^-/, ''),
    );
  }
  if (!digits) return undefined;
  return {
    integer: digits.integer.replace(/^0+/, '').length,
    fraction: digits.fraction.replace(/0+$/, '').length,
  };
}

/** `-1.5e-7` as sign, integer digits and fraction digits without an exponent. */
function plainDigits(text: string): { sign: string; integer: string; fraction: string } | undefined {
  const match = NUMBER_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return { sign, integer: '0', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length)
    return { sign, integer: digits + '0'.repeat(point - digits.length), fraction: '' };
  return { sign, integer: digits.slice(0, point), fraction: digits.slice(point) };
}

/**
 * A stored decimal as the API answers it: exact text, rounded half away from zero and padded to
 * `scale` places when the scale is known (SQLite stores DECIMAL(10,2) as a binary REAL: 34.9 is
 * answered "34.90"), the shortest exact digits of a float otherwise. Text the database already
 * formatted (MySQL's DECIMAL, SQL Server's CONVERT) gets the same treatment, so every provider
 * answers the same text. Anything that is not a number is left as it is.
 */
export function decimalText(value: unknown, scale?: number): unknown {
  let text: string;
  if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return value;
  const digits = plainDigits(text.startsWith('+') ? text.slice(1) : text);
  if (!digits) return value;
  let { integer, fraction } = digits;
  if (scale !== undefined && fraction.length > scale) {
    ({ integer, fraction } = roundHalfUp(integer, fraction, scale));
  }
  if (scale !== undefined) fraction = fraction.padEnd(scale, '0');
  integer = integer.replace(/^0+(?=\d)/, '');
  const zero = /^0*$/.test(integer + fraction);
  return `${digits.sign && !zero ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

function roundHalfUp(
  integer: string,
  fraction: string,
  scale: number,
): { integer: string; fraction: string } {
  const kept = integer + fraction.slice(0, scale);
  if (fraction[scale] < '5') return { integer, fraction: fraction.slice(0, scale) };
  const carried = (BigInt(kept || '0') + 1n).toString().padStart(kept.length, '0');
  const split = carried.length - scale;
  return { integer: carried.slice(0, split) || '0', fraction: carried.slice(split) };
}

// ---- integers -------------------------------------------------------------------------------

export type IntegerRange = Readonly<{ minimum: number; maximum: number }>;

const SAFE: IntegerRange = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
const signed = (bits: number): IntegerRange => ({
  minimum: -(2 ** (bits - 1)),
  maximum: 2 ** (bits - 1) - 1,
});
const unsigned = (bits: number): IntegerRange => ({ minimum: 0, maximum: 2 ** bits - 1 });
const MYSQL_BITS: Readonly<Record<string, number>> = {
  tinyint: 8,
  smallint: 16,
  mediumint: 24,
  int: 32,
  integer: 32,
};
const MSSQL_RANGES: Readonly<Record<string, IntegerRange>> = {
  tinyint: unsigned(8),
  smallint: signed(16),
  int: signed(32),
};
/** format_type's names of PostgreSQL's 16- and 32-bit integers (a domain's name bounds nothing). */
const POSTGRES_RANGES: Readonly<Record<string, IntegerRange>> = {
  smallint: signed(16),
  integer: signed(32),
};

/** OData's integer Edm types (the native type of an OData attribute is its Edm type). */
const ODATA_RANGES: Readonly<Record<string, IntegerRange>> = {
  'Edm.Byte': unsigned(8),
  'Edm.SByte': signed(8),
  'Edm.Int16': signed(16),
  'Edm.Int32': signed(32),
};

const baseType = (nativeType: string) => nativeType.toLowerCase().replace(/\(.*$/, '').trim().split(/\s+/)[0];
const isUnsigned = (nativeType: string) => /\bunsigned\b/i.test(nativeType);

/**
 * The values an Integer attribute's column stores, by its native type: MySQL's signed and unsigned
 * TINYINT ... INT and YEAR, SQL Server's tinyint (unsigned), smallint and int, PostgreSQL's smallint and
 * integer, Oracle's NUMBER(p) (p digits). SQLite's INTEGER is
 * 64-bit, of which the API carries the exact part (±2^53-1), like any Integer of an unknown type;
 * SQLite fills an auto-increment key with the largest key plus one, so a key written there stays
 * 2^32 below that bound, leaving room for the keys SQLite generates after it.
 */
export function integerRange(
  column: Pick<ColumnInfo, 'nativeType'> & Partial<Pick<ColumnInfo, 'autoIncrement'>>,
  provider?: DataProvider,
): IntegerRange {
  if (provider === 'sqlite' && column.autoIncrement)
    return { minimum: SAFE.minimum, maximum: SAFE.maximum - 2 ** 32 };
  const base = baseType(column.nativeType);
  if (provider === 'mysql') {
    if (base === 'year') return { minimum: 0, maximum: 2155 };
    const bits = MYSQL_BITS[base];
    if (bits !== undefined) return isUnsigned(column.nativeType) ? unsigned(bits) : signed(bits);
  }
  if (provider === 'mssql') return MSSQL_RANGES[base] ?? SAFE;
  if (provider === 'postgres') return POSTGRES_RANGES[base] ?? SAFE;
  if (provider === 'oracle') {
    const digits = oracleNumberDigits(column.nativeType);
    if (digits !== undefined && digits <= 15)
      return { minimum: -(10 ** digits - 1), maximum: 10 ** digits - 1 };
  }
  if (provider === 'odata') return ODATA_RANGES[column.nativeType] ?? SAFE;
  return SAFE;
}

/** The digits of Oracle's NUMBER(p) / NUMBER(p,0): a NUMBER(5) holds -99999 to 99999. */
function oracleNumberDigits(nativeType: string): number | undefined {
  const match = /^number\((\d+)(?:,0)?\)$/i.exec(nativeType.replace(/\s+/g, ''));
  return match ? Number(match[1]) : undefined;
}

export type LongIntegerRange = Readonly<{ minimum: bigint; maximum: bigint }>;

export const INT64_RANGE: LongIntegerRange = { minimum: -(2n ** 63n), maximum: 2n ** 63n - 1n };

/**
 * A LongInteger travels as a 64-bit integer (a JSON number while exact, else its digits as text);
 * MySQL's INT UNSIGNED and BIGINT UNSIGNED hold no negatives, Oracle's NUMBER(p) at most p digits.
 */
export function longIntegerRange(
  column: Pick<ColumnInfo, 'nativeType'>,
  provider?: DataProvider,
): LongIntegerRange {
  if (provider === 'oracle') {
    const digits = oracleNumberDigits(column.nativeType);
    if (digits !== undefined && digits <= 18)
      return { minimum: -(10n ** BigInt(digits) - 1n), maximum: 10n ** BigInt(digits) - 1n };
  }
  if (provider === 'mysql' && isUnsigned(column.nativeType)) {
    const base = baseType(column.nativeType);
    return { minimum: 0n, maximum: base === 'int' || base === 'integer' ? 2n ** 32n - 1n : 2n ** 63n - 1n };
  }
  return INT64_RANGE;
}

/**
 * The (unanchored) pattern of the decimal integers from `minimum` to `maximum` as text: leading
 * zeros allowed, `-` only for negatives (and zero), never a `+`. What checkValue accepts as the text
 * of an integer in that range, so the document and the server agree on every digit string.
 */
export function integerTextPattern(minimum: bigint, maximum: bigint): string {
  const alternatives: string[] = [];
  if (maximum >= 0n) alternatives.push(`0*${atMost(maximum.toString())}`);
  if (minimum < 0n) alternatives.push(`-0*${atMost((-minimum).toString())}`);
  else alternatives.push('-0+');
  return `(?:${alternatives.join('|')})`;
}

/** Digit strings (no leading zeros left) whose value is at most `limit`. */
function atMost(limit: string): string {
  const options: string[] = [];
  if (limit.length > 1) options.push(`[0-9]{1,${limit.length - 1}}`);
  for (let i = 0; i < limit.length; i++) {
    const digit = Number(limit[i]);
    const rest = limit.length - i - 1;
    const lowest = i === 0 && limit.length > 1 ? 1 : 0;
    if (digit > lowest) {
      const range = digit - 1 === lowest ? `${lowest}` : `[${lowest}-${digit - 1}]`;
      options.push(`${limit.slice(0, i)}${range}${rest > 0 ? `[0-9]{${rest}}` : ''}`);
    }
  }
  options.push(limit);
  return `(?:${options.join('|')})`;
}

// ---- dates and times ------------------------------------------------------------------------

const DATE_WIRE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_WIRE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const DATE_TIME_WIRE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
/** What databases store: `2024-05-02 08:12:00`, `...T08:12`, `...08:12:00.123456`, with or without a zone. */
const STORED_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;
const STORED_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/**
 * The (unanchored) pattern of a calendar date `YYYY-MM-DD`, February 29th only in leap years: what
 * isWireDate accepts, for lists and keys, where `format: date` cannot be used.
 */
export const DATE_PATTERN =
  '(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))' +
  '|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';

/** The JSON Schema pattern of a time of day (no zone: `format: time` would demand one). */
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?$';

/** A point in time in UTC: `date` `YYYY-MM-DD`, `time` `HH:MM:SS`, `fraction` the second's digits without trailing zeros. */
export type UtcDateTime = Readonly<{ date: string; time: string; fraction: string }>;

export function isWireDate(text: string): boolean {
  const match = DATE_WIRE.exec(text);
  return match !== null && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `HH:MM:SS[.fraction]` as its canonical text, or undefined when it is not a time of day. */
export function parseWireTime(text: string): string | undefined {
  const match = TIME_WIRE.exec(text);
  if (!match || !validTime(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined;
  return withFraction(`${match[1]}:${match[2]}:${match[3]}`, trimFraction(match[4]));
}

/** An RFC 3339 date-time (with its zone) in UTC; undefined when malformed or outside years 0000-9999. */
export function parseWireDateTime(text: string): UtcDateTime | undefined {
  const match = DATE_TIME_WIRE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] = match;
  if (!validDate(Number(year), Number(month), Number(day))) return undefined;
  if (!validTime(Number(hour), Number(minute), Number(second))) return undefined;
  const offset = sign === undefined ? 0 : Number(offsetHours) * 60 + Number(offsetMinutes);
  if (sign !== undefined && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return undefined;
  return utc(
    [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)],
    sign === '-' ? -offset : offset,
    trimFraction(fraction),
  );
}

/** `2024-05-02T08:12:00.5Z`: the one form answers take. */
export const dateTimeText = ({ date, time, fraction }: UtcDateTime): string =>
  `${date}T${withFraction(time, fraction)}Z`;

/**
 * `2024-05-02 08:12:00[.fraction]`, the zone-less text SQLite and MySQL store, with at most `digits`
 * decimals (exactly `digits` with `padded`, as SQLite's strftime('%f') writes them), none when zero.
 */
export function sqlDateTimeText(
  { date, time, fraction }: UtcDateTime,
  digits: number,
  padded = false,
): string {
  const kept = trimFraction(fraction.slice(0, digits));
  return `${date} ${withFraction(time, padded && kept ? kept.padEnd(digits, '0') : kept)}`;
}

/** A stored DATE (text, or a driver's Date at UTC midnight) as `YYYY-MM-DD`; anything else as it is. */
export function readDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : isoText(value).slice(0, 10);
  if (typeof value !== 'string') return value;
  const match = STORED_DATE_TIME.exec(value.trim());
  return match && isWireDate(value.slice(0, 10)) ? value.slice(0, 10) : value;
}

/**
 * A stored time of day as `HH:MM:SS[.fraction]`: text (`9:00`, `09:00:00.000000`) or tedious's Date on
 * 1970-01-01 (with its sub-millisecond `nanosecondsDelta`); anything else (MySQL's durations beyond
 * 24 hours) as it is.
 */
export function readTime(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return value;
    const [time, fraction] = isoText(value).slice(11, 23).split('.');
    return withFraction(time, trimFraction(fraction + subMillisecond(value)));
  }
  if (typeof value !== 'string') return value;
  const match = STORED_TIME.exec(value.trim());
  if (!match) return value;
  const [, hour, minute, second = '00', fraction] = match;
  if (!validTime(Number(hour), Number(minute), Number(second))) return value;
  return withFraction(`${hour.padStart(2, '0')}:${minute}:${second}`, trimFraction(fraction));
}

/**
 * A stored date-time as the API answers it (RFC 3339 in UTC): a driver's Date (an instant), or text
 * with a zone (converted to UTC) or without one (read as UTC). Anything else is left as it is.
 */
export function readDateTime(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return value;
    const iso = isoText(value);
    return dateTimeText({
      date: iso.slice(0, 10),
      time: iso.slice(11, 19),
      fraction: trimFraction(iso.slice(20, 23) + subMillisecond(value)),
    });
  }
  if (typeof value !== 'string') return value;
  const stored = storedDateTime(value.trim());
  return stored ? dateTimeText(stored) : value;
}

/** Text a database stores for a date-time (any of the usual spellings), in UTC. */
export function storedDateTime(text: string): UtcDateTime | undefined {
  const match = STORED_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction, , sign, oh, om = '00'] =
    match;
  if (!validDate(Number(year), Number(month), Number(day))) return undefined;
  if (!validTime(Number(hour), Number(minute), Number(second))) return undefined;
  const offset = sign === undefined ? 0 : (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return utc(
    [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)],
    offset,
    trimFraction(fraction),
  );
}

/** The digits tedious keeps beyond a Date's milliseconds (datetime2 and time up to 7 decimals). */
function subMillisecond(value: Date): string {
  const delta = (value as Date & { nanosecondsDelta?: number }).nanosecondsDelta;
  if (typeof delta !== 'number' || delta <= 0) return '';
  // nanosecondsDelta is in seconds, below 1 ms, in 100 ns steps: four more digits after the milliseconds.
  return String(Math.round(delta * 1e7)).padStart(4, '0');
}

function utc(
  [year, month, day, hour, minute, second]: readonly number[],
  offsetMinutes: number,
  fraction: string,
): UtcDateTime | undefined {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offsetMinutes, second, 0);
  const iso = isoText(instant);
  if (iso.startsWith('-') || iso.startsWith('+')) return undefined;
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), fraction };
}

/** toISOString, which writes years beyond 0000-9999 with a sign (they never pass utc()). */
const isoText = (date: Date) => date.toISOString();

const trimFraction = (fraction: string | undefined) => (fraction ?? '').replace(/0+$/, '');
const withFraction = (time: string, fraction: string) => (fraction ? `${time}.${fraction}` : time);

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const validTime = (hour: number, minute: number, second: number) =>
  hour <= 23 && minute <= 59 && second <= 59;

// ---- binary ---------------------------------------------------------------------------------

/** Standard base64 with padding, what BinaryData values are on the wire. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
