import { mapSqliteDefault } from './map-sqlite-default';

describe('mapSqliteDefault', () => {
  it.each([
    [null, 'no DEFAULT clause'],
    ['NULL', 'DEFAULT NULL'],
    ['null', 'DEFAULT null'],
  ])('given %p (%s), when mapped, then there is no default', (dflt, _clause) => {
    expect(mapSqliteDefault(dflt)).toEqual({});
  });

  it.each([
    ["'abc'", 'abc'],
    ["'it''s'", "it's"],
    ["''", ''],
    ["'Y'", 'Y'],
    ['"legacy"', 'legacy'],
    ['0', '0'],
    ['-1', '-1'],
    ['+5', '+5'],
    ['4.99', '4.99'],
    ['1.5e3', '1.5e3'],
    ['0x1F', '0x1F'],
    ['TRUE', 'TRUE'],
    ['false', 'false'],
    ["X'AB01'", "X'AB01'"],
    ['(1)', '1'],
    ["('abc')", 'abc'],
    ['(-1)', '-1'],
  ])('given the literal %p, when mapped, then the default is the value %p', (dflt, value) => {
    expect(mapSqliteDefault(dflt)).toEqual({ defaultValue: value, defaultIsExpression: false });
  });

  it.each([
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
    ['current_date', 'current_date'],
    ['CURRENT_TIME', 'CURRENT_TIME'],
    ["datetime('now')", "datetime('now')"],
    ["(datetime('now', 'localtime'))", "datetime('now', 'localtime')"],
    ['(CURRENT_TIMESTAMP)', 'CURRENT_TIMESTAMP'],
    ['1+1', '1+1'],
    ['(1)+(2)', '(1)+(2)'],
    ["'a' || 'b'", "'a' || 'b'"],
    ["'(' || ')'", "'(' || ')'"],
  ])('given the expression %p, when mapped, then it is an expression %p', (dflt, value) => {
    expect(mapSqliteDefault(dflt)).toEqual({ defaultValue: value, defaultIsExpression: true });
  });
});
