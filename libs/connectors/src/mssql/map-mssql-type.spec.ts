import { mapMssqlType } from './map-mssql-type';

const facts = (typeName: string, maxLength = 0, precision = 0, scale = 0) => ({
  typeName,
  maxLength,
  precision,
  scale,
});

describe('mapMssqlType', () => {
  it.each([
    [facts('nvarchar', 80), { nativeType: 'nvarchar(40)', kind: 'Text', length: 40 }],
    [facts('nvarchar', -1), { nativeType: 'nvarchar(max)', kind: 'Text' }],
    [facts('varchar', 255), { nativeType: 'varchar(255)', kind: 'Text', length: 255 }],
    [facts('nchar', 10), { nativeType: 'nchar(5)', kind: 'Text', length: 5 }],
    [facts('char', 1), { nativeType: 'char(1)', kind: 'Text', length: 1 }],
    [facts('text', 16), { nativeType: 'text', kind: 'Text' }],
    [facts('ntext', 16), { nativeType: 'ntext', kind: 'Text' }],
    [facts('xml', -1), { nativeType: 'xml', kind: 'Text' }],
    [facts('uniqueidentifier', 16), { nativeType: 'uniqueidentifier', kind: 'Text', length: 36 }],
    [facts('sysname', 256), { nativeType: 'sysname', kind: 'Text', length: 128 }],
    [facts('bit', 1, 1), { nativeType: 'bit', kind: 'Boolean' }],
    [facts('tinyint', 1, 3), { nativeType: 'tinyint', kind: 'Integer' }],
    [facts('smallint', 2, 5), { nativeType: 'smallint', kind: 'Integer' }],
    [facts('int', 4, 10), { nativeType: 'int', kind: 'Integer' }],
    [facts('bigint', 8, 19), { nativeType: 'bigint', kind: 'LongInteger' }],
    [facts('decimal', 5, 4, 2), { nativeType: 'decimal(4,2)', kind: 'Decimal', precision: 4, scale: 2 }],
    [facts('numeric', 9, 10, 2), { nativeType: 'numeric(10,2)', kind: 'Decimal', precision: 10, scale: 2 }],
    [facts('money', 8, 19, 4), { nativeType: 'money', kind: 'Decimal', precision: 19, scale: 4 }],
    [facts('smallmoney', 4, 10, 4), { nativeType: 'smallmoney', kind: 'Decimal', precision: 10, scale: 4 }],
    [facts('float', 8, 53), { nativeType: 'float', kind: 'Decimal' }],
    [facts('real', 4, 24), { nativeType: 'real', kind: 'Decimal' }],
    [facts('date', 3, 10), { nativeType: 'date', kind: 'Date' }],
    [facts('time', 5, 16, 7), { nativeType: 'time(7)', kind: 'Time' }],
    [facts('datetime', 8, 23, 3), { nativeType: 'datetime', kind: 'DateTime' }],
    [facts('datetime2', 7, 23, 3), { nativeType: 'datetime2(3)', kind: 'DateTime' }],
    [facts('smalldatetime', 4, 16), { nativeType: 'smalldatetime', kind: 'DateTime' }],
    [facts('datetimeoffset', 10, 34, 7), { nativeType: 'datetimeoffset(7)', kind: 'DateTime' }],
    [facts('varbinary', -1), { nativeType: 'varbinary(max)', kind: 'BinaryData' }],
    [facts('binary', 16), { nativeType: 'binary(16)', kind: 'BinaryData', length: 16 }],
    [facts('image', 16), { nativeType: 'image', kind: 'BinaryData' }],
    [facts('timestamp', 8), { nativeType: 'timestamp', kind: 'BinaryData' }],
    [facts('geometry', -1), { nativeType: 'geometry', kind: 'BinaryData' }],
    [facts('geography', -1), { nativeType: 'geography', kind: 'BinaryData' }],
  ])('given %p, when mapped, then it is %p', (input, expected) => {
    expect(mapMssqlType(input)).toEqual(expected);
  });

  it('given a CLR type it does not know, when mapped, then it is BinaryData', () => {
    expect(mapMssqlType(facts('MyPointType', 12))).toEqual({ nativeType: 'mypointtype', kind: 'BinaryData' });
  });
});
