import { type ColumnInfo } from '../spi';
import { checkValue, isRequired } from './check-values';
import { decimalDigits } from './wire-format';

const column = (kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name: 'c',
  nativeType: kind,
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});

const NOT_A_DECIMAL = 'must be a number: decimal text such as "12.50", or a JSON number';
const NOT_A_TIME = 'must be a time of day (HH:MM:SS[.fraction])';
const NOT_A_DATE_TIME =
  'must be an RFC 3339 date-time with a zone (YYYY-MM-DDTHH:MM:SS[.fraction]Z or ±HH:MM)';

describe('checking a value against its attribute', () => {
  it.each<[string, ColumnInfo, unknown, string | undefined]>([
    ['text within its length', column('Text', { length: 3 }), 'abç', undefined],
    ['text over its length', column('Text', { length: 3 }), 'abcd', 'is longer than 3 characters'],
    ['a number for text', column('Text'), 1, 'must be a string'],
    ['an integer', column('Integer'), 42, undefined],
    ['a fraction for an integer', column('Integer'), 4.2, 'must be an integer'],
    ['digits as text for an integer', column('Integer'), '42', 'must be an integer'],
    ['a 64-bit integer as text', column('LongInteger'), '9223372036854775807', undefined],
    ['a 64-bit overflow', column('LongInteger'), '9223372036854775808', 'must be an integer (64-bit)'],
    ['a 64-bit integer with a plus sign', column('LongInteger'), '+1', 'must be an integer (64-bit)'],
    [
      'a 64-bit integer beyond exact JSON numbers',
      column('LongInteger'),
      2 ** 60,
      'must be an integer (64-bit)',
    ],
    ['a decimal that fits', column('Decimal', { precision: 5, scale: 2 }), '123.45', undefined],
    ['a number that fits', column('Decimal', { precision: 5, scale: 2 }), 0.99, undefined],
    [
      'too many decimal places',
      column('Decimal', { precision: 5, scale: 2 }),
      '1.234',
      'has more than 2 decimal places',
    ],
    [
      'a JSON number with more places (rounded)',
      column('Decimal', { precision: 5, scale: 2 }),
      1.234,
      undefined,
    ],
    [
      'a JSON number that rounds past the digits',
      column('Decimal', { precision: 5, scale: 2 }),
      999.995,
      'has more than 3 digits before the decimal point',
    ],
    [
      'too many integer digits',
      column('Decimal', { precision: 5, scale: 2 }),
      '1234',
      'has more than 3 digits before the decimal point',
    ],
    [
      'an exponent that overflows',
      column('Decimal', { precision: 5, scale: 2 }),
      1e5,
      'has more than 3 digits before the decimal point',
    ],
    ['not a number for a decimal', column('Decimal'), 'NaN', NOT_A_DECIMAL],
    ['Infinity for a decimal', column('Decimal'), Infinity, NOT_A_DECIMAL],
    ['a decimal text with an exponent', column('Decimal'), '1.5e3', NOT_A_DECIMAL],
    ['a decimal text with a plus sign', column('Decimal'), '+1.5', NOT_A_DECIMAL],
    ['a decimal text with spaces', column('Decimal'), ' 1.5', NOT_A_DECIMAL],
    ['a decimal text without digits after the point', column('Decimal'), '1.', NOT_A_DECIMAL],
    [
      'padding zeros, which are not digits of the value',
      column('Decimal', { precision: 3, scale: 1 }),
      '007.50',
      undefined,
    ],
    ['an integer within int (SQL Server)', column('Integer', { nativeType: 'int' }), 2147483647, undefined],
    ['a boolean', column('Boolean'), false, undefined],
    ['1 for a boolean', column('Boolean'), 1, 'must be true or false'],
    ['a date', column('Date'), '2024-02-29', undefined],
    ['an impossible date', column('Date'), '2023-02-29', 'must be a date (YYYY-MM-DD)'],
    ['a time', column('Time'), '23:59:59.123', undefined],
    ['an impossible time', column('Time'), '24:00:00', NOT_A_TIME],
    ['a time without seconds', column('Time'), '10:00', NOT_A_TIME],
    ['a time with a zone (a time of day has none)', column('Time'), '00:00:00Z', NOT_A_TIME],
    ['a date-time with zone', column('DateTime'), '2009-01-01T10:00:00+02:00', undefined],
    ['a date-time in UTC with decimals', column('DateTime'), '2009-01-01T10:00:00.1234567z', undefined],
    ['a date-time without a zone', column('DateTime'), '2009-01-01T10:00:00', NOT_A_DATE_TIME],
    ['a date-time as SQLite stores it', column('DateTime'), '2009-01-01 00:00:00', NOT_A_DATE_TIME],
    ['a date-time without seconds', column('DateTime'), '2009-01-01T10:00Z', NOT_A_DATE_TIME],
    ['an impossible offset', column('DateTime'), '2009-01-01T10:00:00+24:00', NOT_A_DATE_TIME],
    ['a loose date-time', column('DateTime'), 'Jan 1 2009', NOT_A_DATE_TIME],
    ['base64', column('BinaryData', { length: 2 }), 'AQI=', undefined],
    ['base64 over its length', column('BinaryData', { length: 1 }), 'AQI=', 'is longer than 1 bytes'],
    ['not base64', column('BinaryData'), 'not base64!', 'must be base64-encoded binary data'],
    ['any JSON', column('Json'), { a: [1, null] }, undefined],
    ['something JSON cannot hold', column('Json'), 1n, 'must be a JSON value'],
    ['an enum member', column('Enum', { enumValues: ['G', 'PG'] }), 'PG', undefined],
    ['not an enum member', column('Enum', { enumValues: ['G', 'PG'] }), 'R', 'is not one of G, PG'],
    ['set members', column('Set', { enumValues: ['a', 'b'] }), ['a', 'b'], undefined],
    ['a set member too many', column('Set', { enumValues: ['a', 'b'] }), 'a,c', 'must be a list of a, b'],
    ['null for a nullable column', column('Integer'), null, undefined],
    ['null for a NOT NULL column', column('Integer', { nullable: false }), null, 'cannot be null'],
  ])('given %s, when checked, then %s', (_why, col, value, expected) => {
    expect(checkValue(col, value)).toBe(expected);
  });

  it('given a filter value, when checked without lengths, then a long text passes', () => {
    expect(checkValue(column('Text', { length: 1 }), 'long', { checkLength: false })).toBeUndefined();
  });

  it.each<[string, string, 'mysql' | 'mssql' | 'sqlite', number, string | undefined]>([
    ['a MySQL tinyint', 'tinyint(4)', 'mysql', 128, 'must be an integer from -128 to 127'],
    ['a MySQL unsigned tinyint', 'tinyint(3) unsigned', 'mysql', 255, undefined],
    ['a MySQL unsigned smallint', 'smallint unsigned', 'mysql', -1, 'must be an integer from 0 to 65535'],
    ['a MySQL int', 'int(11)', 'mysql', 2 ** 31, 'must be an integer from -2147483648 to 2147483647'],
    ['a SQL Server tinyint (unsigned)', 'tinyint', 'mssql', 200, undefined],
    ['a SQL Server int', 'int', 'mssql', -(2 ** 31) - 1, 'must be an integer from -2147483648 to 2147483647'],
    ['a SQLite INTEGER (64-bit)', 'INTEGER', 'sqlite', 2 ** 40, undefined],
  ])('given %s, when %p holds %p, then %p', (_what, nativeType, provider, value, expected) => {
    expect(checkValue(column('Integer', { nativeType }), value, { provider })).toBe(expected);
  });

  it('given a negative for a MySQL unsigned bigint, when stored, then refused; when compared, then it passes', () => {
    const unsignedBig = column('LongInteger', { nativeType: 'bigint(20) unsigned' });
    expect(checkValue(unsignedBig, '-1', { provider: 'mysql' })).toBe(
      'must be an integer from 0 to 9223372036854775807',
    );
    expect(checkValue(unsignedBig, '-1', { provider: 'mysql', checkLength: false })).toBeUndefined();
  });

  it('given a filter value beyond an int column, when checked, then it passes (it matches nothing)', () => {
    const int = column('Integer', { nativeType: 'int' });
    expect(checkValue(int, 2 ** 40, { provider: 'mssql', checkLength: false })).toBeUndefined();
  });

  it.each([
    ['123.4500', { integer: 3, fraction: 2 }],
    ['0.001', { integer: 0, fraction: 3 }],
    [1500, { integer: 4, fraction: 0 }],
    [-12e-3, { integer: 0, fraction: 3 }],
    [1.5e-7, { integer: 0, fraction: 8 }],
    ['1.5e3', undefined],
  ])('given %p, when its digits are counted, then %j', (value, digits) => {
    expect(decimalDigits(value)).toEqual(digits);
  });
});

describe('isRequired and generated columns', () => {
  it.each<[string, Partial<ColumnInfo>, boolean]>([
    ['NOT NULL without default', { nullable: false }, true],
    ['NOT NULL with a default', { nullable: false, defaultValue: '0' }, false],
    ['NOT NULL auto-increment', { nullable: false, autoIncrement: true }, false],
    ['NOT NULL generated by the database', { nullable: false, generated: true }, false],
    ['NOT NULL of a type the connector cannot map', { nullable: false, unsupported: true }, false],
    ['nullable', { nullable: true }, false],
  ])('given a column %s, when asked, then required is %s', (_, extra, required) => {
    expect(isRequired(column('Integer', extra))).toBe(required);
  });
});
