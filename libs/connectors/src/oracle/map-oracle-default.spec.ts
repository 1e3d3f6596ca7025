import { mapOracleDefault } from './map-oracle-default';

describe('mapOracleDefault', () => {
  it.each([
    ["'Head office ' ", 'Head office '],
    ["'it''s'", "it's"],
    ["N'Zürich'", 'Zürich'],
    ["q'[it's]'", "it's"],
    ['0 ', '0'],
    ['(-1.5)', '-1.5'],
    ['+2', '2'],
  ])('given the literal %p, when mapped, then its value is %p', (text, value) => {
    expect(mapOracleDefault(text)).toEqual({ defaultValue: value, defaultIsExpression: false });
  });

  it.each([
    ['SYSDATE\n', 'SYSDATE'],
    ['SYS_GUID() ', 'SYS_GUID()'],
    ["TO_DATE('2020-01-01', 'YYYY-MM-DD')", "TO_DATE('2020-01-01', 'YYYY-MM-DD')"],
    ['TRUE', 'TRUE'],
  ])('given the expression %p, when mapped, then it is kept as an expression', (text, value) => {
    expect(mapOracleDefault(text)).toEqual({ defaultValue: value, defaultIsExpression: true });
  });

  it.each([[null], ['NULL'], ['null '], ['']])('given %p, when mapped, then there is no default', (text) => {
    expect(mapOracleDefault(text)).toEqual({});
  });
});
