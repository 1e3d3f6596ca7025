import { type ColumnInfo } from '../spi';
import { checkValue, decimalDigits } from './check-values';

const column = (kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name: 'c',
  nativeType: kind,
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});

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
    ['a decimal that fits', column('Decimal', { precision: 5, scale: 2 }), '123.45', undefined],
    ['a number that fits', column('Decimal', { precision: 5, scale: 2 }), 0.99, undefined],
    [
      'too many decimal places',
      column('Decimal', { precision: 5, scale: 2 }),
      1.234,
      'has more than 2 decimal places',
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
    ['not a number for a decimal', column('Decimal'), 'NaN', 'must be a number'],
    ['Infinity for a decimal', column('Decimal'), Infinity, 'must be a number'],
    ['a boolean', column('Boolean'), false, undefined],
    ['1 for a boolean', column('Boolean'), 1, 'must be true or false'],
    ['a date', column('Date'), '2024-02-29', undefined],
    ['an impossible date', column('Date'), '2023-02-29', 'must be a date (YYYY-MM-DD)'],
    ['a time', column('Time'), '23:59:59.123', undefined],
    ['an impossible time', column('Time'), '24:00', 'must be a time (HH:MM[:SS])'],
    ['a date-time with zone', column('DateTime'), '2009-01-01T10:00:00+02:00', undefined],
    ['a date-time as SQLite stores it', column('DateTime'), '2009-01-01 00:00:00', undefined],
    [
      'a loose date-time',
      column('DateTime'),
      'Jan 1 2009',
      'must be a date and time (ISO 8601, YYYY-MM-DDTHH:MM[:SS])',
    ],
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

  it.each([
    ['123.4500', { integer: 3, fraction: 2 }],
    ['0.001', { integer: 0, fraction: 3 }],
    ['1.5e3', { integer: 4, fraction: 0 }],
    ['-12e-3', { integer: 0, fraction: 3 }],
  ])('given %s, when its digits are counted, then %j', (text, digits) => {
    expect(decimalDigits(text)).toEqual(digits);
  });
});
