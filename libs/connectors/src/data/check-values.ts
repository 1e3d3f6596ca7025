import { type ColumnInfo, type Row, type TableInfo } from '../spi';
import {
  decimalDigits,
  decimalLimits,
  INT64_RANGE,
  integerRange,
  isWireDate,
  longIntegerRange,
  parseWireDateTime,
  parseWireTime,
  type DataProvider,
  type LongIntegerRange,
} from './wire-format';

export type FieldError = Readonly<{ field: string; message: string }>;

export type CheckOptions = Readonly<{
  /**
   * Filter and key values are compared, not stored: a longer text or an integer beyond the column's
   * range simply matches nothing. Default true.
   */
  checkLength?: boolean;
  /** Whose native integer types bound an Integer (see integerRange); none: the exact JSON integers. */
  provider?: DataProvider;
}>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const INTEGER_TEXT = /^-?\d+$/;

/**
 * Why `value` does not fit `column`, or undefined when it does. `null` is judged by nullability;
 * values arrive as JSON, so binary data is a base64 string and a long integer may be a digit string.
 */
export function checkValue(
  column: ColumnInfo,
  value: unknown,
  options: CheckOptions = {},
): string | undefined {
  if (value === null) return column.nullable ? undefined : 'cannot be null';
  const checkLength = options.checkLength ?? true;
  switch (column.kind) {
    case 'Text':
      if (typeof value !== 'string') return 'must be a string';
      return checkLength ? longerThan(column, [...value].length, 'characters') : undefined;
    case 'Integer': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be an integer';
      if (!checkLength) return undefined;
      const { minimum, maximum } = integerRange(column, options.provider);
      return value >= minimum && value <= maximum
        ? undefined
        : `must be an integer from ${minimum} to ${maximum}`;
    }
    case 'LongInteger':
      return checkLongInteger(column, value, checkLength ? options.provider : undefined);
    case 'Decimal':
      return checkDecimal(column, value);
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'Date':
      return typeof value === 'string' && isWireDate(value) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'Time':
      return typeof value === 'string' && parseWireTime(value) !== undefined
        ? undefined
        : 'must be a time of day (HH:MM:SS[.fraction])';
    case 'DateTime':
      return typeof value === 'string' && parseWireDateTime(value) !== undefined
        ? undefined
        : 'must be an RFC 3339 date-time with a zone (YYYY-MM-DDTHH:MM:SS[.fraction]Z or ±HH:MM)';
    case 'BinaryData':
      if (typeof value !== 'string' || !BASE64.test(value)) return 'must be base64-encoded binary data';
      return checkLength ? longerThan(column, Buffer.byteLength(value, 'base64'), 'bytes') : undefined;
    case 'Json':
      return isJson(value) ? undefined : 'must be a JSON value';
    case 'Enum':
      if (typeof value !== 'string') return 'must be a string';
      return !column.enumValues || column.enumValues.includes(value)
        ? undefined
        : `is not one of ${column.enumValues.join(', ')}`;
    case 'Set':
      return checkSet(column, value);
  }
}

/**
 * Checks the values of an insert or a partial update (every field known to the table, see
 * validate-request.ts), except those of read-only columns (readOnlyValues). On insert, a NOT NULL
 * column without default that the database does not fill and an app may write is required.
 */
export function checkValues(
  table: TableInfo,
  values: Row,
  mode: 'insert' | 'update',
  provider?: DataProvider,
): FieldError[] {
  const errors: FieldError[] = [];
  const columns = new Map(table.columns.map((column) => [column.name, column]));
  for (const [field, value] of Object.entries(values)) {
    const column = columns.get(field);
    if (!column || value === undefined || readOnlyMessage(column) !== undefined) continue;
    const message = checkValue(column, value, { provider });
    if (message) errors.push({ field, message });
  }
  if (mode === 'insert') {
    for (const column of table.columns) {
      if (isRequired(column) && (!Object.hasOwn(values, column.name) || values[column.name] === undefined)) {
        errors.push({ field: column.name, message: 'is required' });
      }
    }
  }
  return errors;
}

/**
 * A value given for a column no write may set, whatever the value (null too): one the database
 * computes (`generated`) or whose type the connector cannot map (`unsupported`), on insert and update.
 */
export function readOnlyValues(table: TableInfo, values: Row): FieldError[] {
  const errors: FieldError[] = [];
  for (const column of table.columns) {
    const message = readOnlyMessage(column);
    if (message !== undefined && Object.hasOwn(values, column.name) && values[column.name] !== undefined)
      errors.push({ field: column.name, message });
  }
  return errors;
}

/** The field error of a value given for a column the database computes. */
export const GENERATED_MESSAGE = 'is computed by the database and cannot be written';
/** The field error of a value given for a column whose type the connector cannot map. */
export const UNSUPPORTED_MESSAGE = 'has a type the connector cannot map and cannot be written';

/** Why no write may set `column` (an unmapped type says so first: Oracle's are also `generated`). */
const readOnlyMessage = (column: ColumnInfo): string | undefined =>
  column.unsupported === true
    ? UNSUPPORTED_MESSAGE
    : column.generated === true
      ? GENERATED_MESSAGE
      : undefined;

/** NOT NULL, no default, not filled by the database (auto-increment or computed) and writable. */
export const isRequired = (column: ColumnInfo): boolean =>
  !column.nullable &&
  column.defaultValue === undefined &&
  !column.autoIncrement &&
  readOnlyMessage(column) === undefined;

function longerThan(column: ColumnInfo, length: number, unit: string): string | undefined {
  return column.length !== undefined && length > column.length
    ? `is longer than ${column.length} ${unit}`
    : undefined;
}

/**
 * A JSON number while exact, else the digits as text (no `+`); within the column's range when stored
 * (see longIntegerRange), any 64-bit integer when compared.
 */
function checkLongInteger(column: ColumnInfo, value: unknown, provider?: DataProvider): string | undefined {
  let integer: bigint | undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) integer = BigInt(value);
  else if (typeof value === 'bigint') integer = value;
  else if (typeof value === 'string' && INTEGER_TEXT.test(value)) integer = BigInt(value);
  const within = (range: LongIntegerRange) =>
    integer !== undefined && integer >= range.minimum && integer <= range.maximum;
  if (!within(INT64_RANGE)) return 'must be an integer (64-bit)';
  const range = longIntegerRange(column, provider);
  return within(range) ? undefined : `must be an integer from ${range.minimum} to ${range.maximum}`;
}

/**
 * Decimal text (see wire-format.ts) within the column's precision and scale, or a JSON number, which
 * is rounded to the scale (see encodeValue) and then must fit the digits before the point.
 */
function checkDecimal(column: ColumnInfo, value: unknown): string | undefined {
  const digits = decimalDigits(value, column.scale);
  if (!digits) return 'must be a number: decimal text such as "12.50", or a JSON number';
  const { integerDigits, fractionDigits } = decimalLimits(column);
  if (fractionDigits !== undefined && digits.fraction > fractionDigits) {
    return `has more than ${fractionDigits} decimal places`;
  }
  if (integerDigits !== undefined && digits.integer > integerDigits) {
    return `has more than ${integerDigits} digits before the decimal point`;
  }
  return undefined;
}

function isJson(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

function checkSet(column: ColumnInfo, value: unknown): string | undefined {
  const members = typeof value === 'string' ? (value === '' ? [] : value.split(',')) : value;
  const allowed = column.enumValues;
  const fits =
    Array.isArray(members) &&
    members.every((member) => typeof member === 'string' && (!allowed || allowed.includes(member)));
  return fits ? undefined : `must be a list of ${allowed ? allowed.join(', ') : 'strings'}`;
}
