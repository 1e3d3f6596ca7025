import { mapSqliteType } from './map-sqlite-type';

describe('mapSqliteType', () => {
  describe('given a common type name, when mapped, then the name decides the kind', () => {
    it.each([
      ['INTEGER', { kind: 'Integer' }],
      ['INT', { kind: 'Integer' }],
      ['integer', { kind: 'Integer' }],
      ['SMALLINT', { kind: 'Integer' }],
      ['TINYINT(1)', { kind: 'Integer' }],
      ['BIGINT', { kind: 'LongInteger' }],
      ['UNSIGNED BIG INT', { kind: 'LongInteger' }],
      ['INT8', { kind: 'LongInteger' }],
      ['DECIMAL(10,2)', { kind: 'Decimal', precision: 10, scale: 2 }],
      ['NUMERIC(10,2)', { kind: 'Decimal', precision: 10, scale: 2 }],
      ['decimal( 5 , 3 )', { kind: 'Decimal', precision: 5, scale: 3 }],
      ['NUMERIC(7)', { kind: 'Decimal', precision: 7, scale: 0 }],
      ['NUMERIC', { kind: 'Decimal' }],
      ['REAL', { kind: 'Decimal' }],
      ['FLOAT', { kind: 'Decimal' }],
      ['DOUBLE', { kind: 'Decimal' }],
      ['DOUBLE PRECISION', { kind: 'Decimal' }],
      ['CHAR(2)', { kind: 'Text', length: 2 }],
      ['VARCHAR(45)', { kind: 'Text', length: 45 }],
      ['NVARCHAR(160)', { kind: 'Text', length: 160 }],
      ['CHARACTER VARYING(255)', { kind: 'Text', length: 255 }],
      ['VARCHAR(MAX)', { kind: 'Text' }],
      ['TEXT', { kind: 'Text' }],
      ['CLOB', { kind: 'Text' }],
      ['BLOB', { kind: 'BinaryData' }],
      ['VARBINARY(16)', { kind: 'BinaryData', length: 16 }],
      ['BOOLEAN', { kind: 'Boolean' }],
      ['BIT', { kind: 'Boolean' }],
      ['DATE', { kind: 'Date' }],
      ['TIME', { kind: 'Time' }],
      ['DATETIME', { kind: 'DateTime' }],
      ['TIMESTAMP', { kind: 'DateTime' }],
      ['timestamp with time zone', { kind: 'DateTime' }],
      ['JSON', { kind: 'Json' }],
      ['UUID', { kind: 'Text' }],
    ])('%p -> %p', (declaredType, expected) => {
      expect(mapSqliteType(declaredType)).toEqual(expected);
    });
  });

  describe("given any other declared type, when mapped, then SQLite's affinity rules decide", () => {
    it.each([
      ['', { kind: 'BinaryData' }, 'no type at all has BLOB affinity'],
      ['  ', { kind: 'BinaryData' }, 'blank is no type'],
      ['MEDIUMINT UNSIGNED', { kind: 'Integer' }, 'contains INT'],
      ['BLOB SUB_TYPE TEXT', { kind: 'Text' }, 'TEXT wins over BLOB (rule 2 before rule 3)'],
      ['LONGBLOB', { kind: 'BinaryData' }, 'contains BLOB'],
      ['FLOATING POINT', { kind: 'Integer' }, 'contains INT, which SQLite checks first'],
      ['REAL NUMBER', { kind: 'Decimal' }, 'contains REAL'],
      ['STRING', { kind: 'Decimal' }, 'no rule matches: NUMERIC affinity'],
      ['MONEYBAGS(12,4)', { kind: 'Decimal', precision: 12, scale: 4 }, 'NUMERIC affinity keeps its size'],
    ])('%p -> %p (%s)', (declaredType, expected, _why) => {
      expect(mapSqliteType(declaredType)).toEqual(expected);
    });
  });
});
