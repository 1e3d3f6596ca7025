import {
  DATE_PATTERN,
  dateTimeText,
  isWireDate,
  decimalPattern,
  decimalText,
  integerRange,
  parseWireDateTime,
  parseWireTime,
  readDate,
  readDateTime,
  readTime,
  sqlDateTimeText,
} from './wire-format';

describe('the wire format of decimals', () => {
  it.each<[string, unknown, number | undefined, unknown]>([
    ['a binary REAL of a DECIMAL(10,2)', 34.9, 2, '34.90'],
    ['an integer of a DECIMAL(10,2)', 45, 2, '45.00'],
    ['zero', 0, 2, '0.00'],
    ['a float without scale', 0.45, undefined, '0.45'],
    ['a tiny float (no exponent on the wire)', 1.5e-7, undefined, '0.00000015'],
    ['a huge float', 1.2e21, undefined, '1200000000000000000000'],
    ['a REAL with more places than the scale', 1.005, 2, '1.01'],
    ['a negative rounding half away from zero', -2.345, 2, '-2.35'],
    ['a rounding that carries', 9.995, 2, '10.00'],
    ['a negative that rounds to zero', -0.001, 2, '0.00'],
    ["MySQL's DECIMAL text", '34.90', 2, '34.90'],
    ["SQL Server's money text (style 2)", '12.5000', 4, '12.5000'],
    ['a 64-bit integer', 12345678901234567890n, 0, '12345678901234567890'],
    [
      'exact text beyond a double',
      '1234567890123456789012345678.0123456789',
      10,
      '1234567890123456789012345678.0123456789',
    ],
    ['something that is no number', 'abc', 2, 'abc'],
  ])('given %s (%p, scale %p), when answered, then %p', (_what, value, scale, expected) => {
    expect(decimalText(value, scale)).toBe(expected);
  });

  describe('given the pattern the document declares for decimal(5,2)', () => {
    const pattern = new RegExp(decimalPattern({ precision: 5, scale: 2 }));
    it.each(['123.45', '-0.5', '0', '007.50', '1.500', '999'])('then %p matches', (text) => {
      expect(pattern.test(text)).toBe(true);
    });
    it.each(['1234', '1.234', '1e3', '+1', '.5', '1.', ' 1', '1,5', ''])('then %p does not', (text) => {
      expect(pattern.test(text)).toBe(false);
    });
  });

  it('given decimal(2,2), when its pattern is built, then only a zero integer part fits', () => {
    const pattern = new RegExp(decimalPattern({ precision: 2, scale: 2 }));
    expect(['0.12', '0', '-00.10'].every((text) => pattern.test(text))).toBe(true);
    expect(pattern.test('1.12')).toBe(false);
  });

  it('given a float without precision, when its pattern is built, then any exact decimal text fits', () => {
    expect(decimalPattern({})).toBe('^-?[0-9]+(\\.[0-9]+)?$');
  });
});

describe('the ranges of integers', () => {
  it.each<[string, 'sqlite' | 'mysql' | 'mssql' | undefined, { minimum: number; maximum: number }]>([
    ['tinyint', 'mysql', { minimum: -128, maximum: 127 }],
    ['tinyint', 'mssql', { minimum: 0, maximum: 255 }],
    ['mediumint(8) unsigned', 'mysql', { minimum: 0, maximum: 16777215 }],
    ['year(4)', 'mysql', { minimum: 0, maximum: 2155 }],
    ['smallint', 'mssql', { minimum: -32768, maximum: 32767 }],
    ['INTEGER', 'sqlite', { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }],
    ['int', undefined, { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }],
  ])('given %p on %p, then %j', (nativeType, provider, range) => {
    expect(integerRange({ nativeType }, provider)).toEqual(range);
  });

  it('given a SQLite auto-increment key, then it leaves room below 2^53 for the keys SQLite generates', () => {
    expect(integerRange({ nativeType: 'INTEGER', autoIncrement: true }, 'sqlite').maximum).toBe(
      Number.MAX_SAFE_INTEGER - 2 ** 32,
    );
  });
});

describe('the wire format of dates and times', () => {
  it('given every day from 1899 to 2101 and a few impossible ones, then DATE_PATTERN agrees with isWireDate', () => {
    const pattern = new RegExp(`^${DATE_PATTERN}$`);
    const day = new Date(Date.UTC(1899, 0, 1));
    for (; day.getUTCFullYear() <= 2101; day.setUTCDate(day.getUTCDate() + 1))
      expect(pattern.test(day.toISOString().slice(0, 10))).toBe(true);
    for (const text of [
      '1900-02-29',
      '2100-02-29',
      '2023-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
    ])
      expect([text, pattern.test(text), isWireDate(text)]).toEqual([text, false, false]);
    expect(pattern.test('2000-02-29') && pattern.test('0000-02-29')).toBe(true);
  });

  it.each<[string, string, string | undefined]>([
    ['UTC', '2024-05-02T08:12:00Z', '2024-05-02T08:12:00Z'],
    ['an offset east of UTC', '2024-05-02T01:00:00+02:00', '2024-05-01T23:00:00Z'],
    ['an offset west of UTC, with decimals', '2024-12-31T23:30:00.250-01:00', '2025-01-01T00:30:00.25Z'],
    ['lower-case t and z', '2024-05-02t08:12:00.000z', '2024-05-02T08:12:00Z'],
    ['no zone', '2024-05-02T08:12:00', undefined],
    ['a space for the T', '2024-05-02 08:12:00Z', undefined],
    ['no seconds', '2024-05-02T08:12Z', undefined],
    ['a leap second', '2024-06-30T23:59:60Z', undefined],
    ['February 30th', '2024-02-30T00:00:00Z', undefined],
    ['an offset taking year 0000 before year 1', '0000-01-01T00:30:00+01:00', undefined],
  ])('given an RFC 3339 date-time in %s (%p), when read from a request, then %p', (_what, text, expected) => {
    const parsed = parseWireDateTime(text);
    expect(parsed && dateTimeText(parsed)).toEqual(expected);
  });

  it('given a date-time, when bound for SQLite or MySQL, then it is the zone-less UTC text they store', () => {
    const instant = parseWireDateTime('2024-05-02T10:12:00.123456789+02:00')!;
    expect(sqlDateTimeText(instant, 3)).toBe('2024-05-02 08:12:00.123');
    expect(sqlDateTimeText(instant, 6)).toBe('2024-05-02 08:12:00.123456');
    expect(sqlDateTimeText(parseWireDateTime('2024-05-02T08:12:00.5Z')!, 3, true)).toBe(
      '2024-05-02 08:12:00.500',
    );
    expect(sqlDateTimeText(parseWireDateTime('2024-05-02T08:12:00.0001Z')!, 3)).toBe('2024-05-02 08:12:00');
  });

  it.each<[string, unknown, unknown]>([
    ["SQLite's CURRENT_TIMESTAMP text (UTC)", '2024-01-08 09:15:00', '2024-01-08T09:15:00Z'],
    ["MySQL's DATETIME(6) text", '2024-01-08 09:15:00.120000', '2024-01-08T09:15:00.12Z'],
    ['ISO text with a zone', '2024-01-08T11:15:00+02:00', '2024-01-08T09:15:00Z'],
    ['text without seconds', '2024-01-08T09:15', '2024-01-08T09:15:00Z'],
    ['a date only', '2024-01-08', '2024-01-08T00:00:00Z'],
    ["tedious's Date", new Date('2024-01-08T09:15:00.000Z'), '2024-01-08T09:15:00Z'],
    [
      "tedious's Date of a datetime2(7)",
      Object.defineProperty(new Date('2024-01-08T09:15:00.123Z'), 'nanosecondsDelta', { value: 0.0004567 }),
      '2024-01-08T09:15:00.1234567Z',
    ],
    ["MySQL's zero date", '0000-00-00 00:00:00', '0000-00-00 00:00:00'],
    ['a number', 1704705300, 1704705300],
  ])('given %s (%p), when answered, then %p', (_what, stored, expected) => {
    expect(readDateTime(stored)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([
    ['09:00:00', '09:00:00'],
    ['9:00', '09:00:00'],
    ['09:00:00.500000', '09:00:00.5'],
    [new Date('1970-01-01T13:45:30.250Z'), '13:45:30.25'],
    ['838:59:59', '838:59:59'],
  ])('given the stored time %p, when answered, then %p', (stored, expected) => {
    expect(readTime(stored)).toEqual(expected);
  });

  it.each<[string, string | undefined]>([
    ['09:00:00', '09:00:00'],
    ['23:59:59.1230', '23:59:59.123'],
    ['09:00:00.000', '09:00:00'],
    ['09:00', undefined],
    ['00:00:00Z', undefined],
    ['24:00:00', undefined],
  ])('given the time of day %p in a request, then it reads as %p', (text, expected) => {
    expect(parseWireTime(text)).toBe(expected);
  });

  it.each<[unknown, unknown]>([
    ['2024-05-02', '2024-05-02'],
    ['2024-05-02 00:00:00', '2024-05-02'],
    [new Date('2024-05-02T00:00:00Z'), '2024-05-02'],
    ['02.05.2024', '02.05.2024'],
  ])('given the stored date %p, when answered, then %p', (stored, expected) => {
    expect(readDate(stored)).toEqual(expected);
  });
});
