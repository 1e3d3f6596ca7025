import { mapMssqlDefault } from './map-mssql-default';

describe('mapMssqlDefault', () => {
  it.each([
    ['((0))', '0'],
    ['((3))', '3'],
    ['((4.99))', '4.99'],
    ['((-1))', '-1'],
    ['(-(1))', '-1'],
    ["('G')", 'G'],
    ["(N'abc')", 'abc'],
    ["('it''s')", "it's"],
    ["('(x)')", '(x)'],
    ["('')", ''],
    ['(0x00FF)', '0x00FF'],
  ])(
    'given the literal definition %p, when mapped, then the default is the literal %p',
    (definition, value) => {
      expect(mapMssqlDefault(definition)).toEqual({ defaultValue: value, defaultIsExpression: false });
    },
  );

  it.each([
    ['(getdate())', 'getdate()'],
    ['(newid())', 'newid()'],
    ['(sysdatetimeoffset())', 'sysdatetimeoffset()'],
    ['((1)+(2))', '(1)+(2)'],
    ['(CONVERT([bit],(0)))', 'CONVERT([bit],(0))'],
    ['(NEXT VALUE FOR [dbo].[seq])', 'NEXT VALUE FOR [dbo].[seq]'],
  ])('given the expression %p, when mapped, then it is an expression %p', (definition, value) => {
    expect(mapMssqlDefault(definition)).toEqual({ defaultValue: value, defaultIsExpression: true });
  });

  it('given no default or DEFAULT NULL, when mapped, then there is no default', () => {
    expect(mapMssqlDefault(null)).toEqual({});
    expect(mapMssqlDefault('(NULL)')).toEqual({});
  });
});
