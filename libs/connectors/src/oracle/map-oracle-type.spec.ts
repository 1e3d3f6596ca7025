import { mapOracleType, type OracleTypeFacts } from './map-oracle-type';

const facts = (dataType: string, rest: Partial<OracleTypeFacts> = {}): OracleTypeFacts => ({
  dataType,
  dataLength: '22',
  ...rest,
});
const number = (precision: number | null, scale: number | null) =>
  facts('NUMBER', { dataPrecision: precision, dataScale: scale });

describe('mapOracleType', () => {
  it.each([
    ['NUMBER(1)', number(1, 0), { nativeType: 'NUMBER(1)', kind: 'Integer', precision: 1 }],
    ['NUMBER(9)', number(9, 0), { nativeType: 'NUMBER(9)', kind: 'Integer', precision: 9 }],
    ['NUMBER(10)', number(10, 0), { nativeType: 'NUMBER(10)', kind: 'LongInteger', precision: 10 }],
    ['NUMBER(18)', number(18, 0), { nativeType: 'NUMBER(18)', kind: 'LongInteger', precision: 18 }],
    ['NUMBER(19)', number(19, 0), { nativeType: 'NUMBER(19)', kind: 'Decimal', precision: 19, scale: 0 }],
    ['INTEGER', number(null, 0), { nativeType: 'NUMBER(*,0)', kind: 'Decimal', precision: 38, scale: 0 }],
    ['NUMBER', number(null, null), { nativeType: 'NUMBER', kind: 'Decimal' }],
    ['NUMBER(10,2)', number(10, 2), { nativeType: 'NUMBER(10,2)', kind: 'Decimal', precision: 10, scale: 2 }],
    ['NUMBER(3,5)', number(3, 5), { nativeType: 'NUMBER(3,5)', kind: 'Decimal', precision: 5, scale: 5 }],
    ['NUMBER(5,-2)', number(5, -2), { nativeType: 'NUMBER(5,-2)', kind: 'Decimal', precision: 7, scale: 0 }],
    ['FLOAT', facts('FLOAT', { dataPrecision: 126 }), { nativeType: 'FLOAT(126)', kind: 'Decimal' }],
    ['BINARY_FLOAT', facts('BINARY_FLOAT'), { nativeType: 'BINARY_FLOAT', kind: 'Decimal' }],
  ])('given %s, when mapped, then it is exact', (_, given, expected) => {
    expect(mapOracleType(given)).toEqual(expected);
  });

  it.each([
    [
      'VARCHAR2 byte semantics',
      facts('VARCHAR2', { charLength: 30, charUsed: 'B' }),
      'VARCHAR2(30 BYTE)',
      30,
    ],
    [
      'VARCHAR2 char semantics',
      facts('VARCHAR2', { charLength: 30, charUsed: 'C' }),
      'VARCHAR2(30 CHAR)',
      30,
    ],
    ['CHAR', facts('CHAR', { charLength: 1, charUsed: 'B' }), 'CHAR(1 BYTE)', 1],
    [
      'NVARCHAR2',
      facts('NVARCHAR2', { dataLength: 200, charLength: 100, charUsed: 'C' }),
      'NVARCHAR2(100)',
      100,
    ],
    ['NCHAR', facts('NCHAR', { charLength: 2, charUsed: 'C' }), 'NCHAR(2)', 2],
    ['CLOB', facts('CLOB', { dataLength: 4000 }), 'CLOB', undefined],
    ['NCLOB', facts('NCLOB'), 'NCLOB', undefined],
  ])('given %s, when mapped, then it is Text of its characters', (_, given, nativeType, length) => {
    expect(mapOracleType(given)).toEqual({
      nativeType,
      kind: 'Text',
      ...(length === undefined ? {} : { length }),
    });
  });

  it.each([
    ['DATE', 'DateTime'],
    ['TIMESTAMP(6)', 'DateTime'],
    ['TIMESTAMP(9) WITH TIME ZONE', 'DateTime'],
    ['TIMESTAMP(3) WITH LOCAL TIME ZONE', 'DateTime'],
    ['BLOB', 'BinaryData'],
    ['LONG RAW', 'BinaryData'],
    ['BOOLEAN', 'Boolean'],
    ['JSON', 'Json'],
  ])('given %s, when mapped, then it is %s', (dataType, kind) => {
    expect(mapOracleType(facts(dataType))).toEqual({ nativeType: dataType, kind });
  });

  it('given RAW(16), when mapped, then it is BinaryData of 16 bytes', () => {
    expect(mapOracleType(facts('RAW', { dataLength: '16' }))).toEqual({
      nativeType: 'RAW(16)',
      kind: 'BinaryData',
      length: 16,
    });
  });

  it.each([
    ['INTERVAL YEAR(2) TO MONTH', null],
    ['INTERVAL DAY(2) TO SECOND(6)', null],
    ['BFILE', null],
    ['VECTOR', null],
    ['XMLTYPE', 'SYS'],
    ['ADDRESS_T', 'HR'],
  ])('given %s, when mapped, then it is listed as unsupported, never a crash', (dataType, owner) => {
    expect(mapOracleType(facts(dataType, { dataTypeOwner: owner }))).toEqual({
      nativeType: dataType,
      kind: 'Text',
      unsupported: true,
    });
  });
});
