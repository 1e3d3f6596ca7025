import { mapMysqlType, parseMembers } from './map-mysql-type';

describe('mapMysqlType', () => {
  it.each([
    ['varchar(45)', 'varchar', 45, { kind: 'Text', length: 45 }],
    ['char(20)', 'char', 20, { kind: 'Text', length: 20 }],
    ['text', 'text', 65535, { kind: 'Text', length: 65535 }],
    ['longtext', 'longtext', 4294967295, { kind: 'Text', length: 4294967295 }],
    ['tinyint(1)', 'tinyint', null, { kind: 'Boolean' }],
    ['bit(1)', 'bit', null, { kind: 'Boolean' }],
    ['bit(8)', 'bit', null, { kind: 'BinaryData' }],
    ['tinyint(3) unsigned', 'tinyint', null, { kind: 'Integer' }],
    ['smallint(5) unsigned', 'smallint', null, { kind: 'Integer' }],
    ['mediumint(8) unsigned', 'mediumint', null, { kind: 'Integer' }],
    ['int(11)', 'int', null, { kind: 'Integer' }],
    ['int', 'int', null, { kind: 'Integer' }],
    ['int(10) unsigned', 'int', null, { kind: 'LongInteger' }],
    ['bigint(20) unsigned', 'bigint', null, { kind: 'LongInteger' }],
    ['year(4)', 'year', null, { kind: 'Integer' }],
    ['decimal(5,2)', 'decimal', null, { kind: 'Decimal', precision: 5, scale: 2 }],
    ['decimal(10,0) unsigned', 'decimal', null, { kind: 'Decimal', precision: 10, scale: 0 }],
    ['double', 'double', null, { kind: 'Decimal' }],
    ['float', 'float', null, { kind: 'Decimal' }],
    ['date', 'date', null, { kind: 'Date' }],
    ['time', 'time', null, { kind: 'Time' }],
    ['datetime', 'datetime', null, { kind: 'DateTime' }],
    ['timestamp(3)', 'timestamp', null, { kind: 'DateTime' }],
    ['varbinary(16)', 'varbinary', 16, { kind: 'BinaryData', length: 16 }],
    ['blob', 'blob', 65535, { kind: 'BinaryData' }],
    ['geometry', 'geometry', null, { kind: 'BinaryData' }],
    ['point', 'point', null, { kind: 'BinaryData' }],
    ['json', 'json', null, { kind: 'Json' }],
    ['uuid', 'uuid', null, { kind: 'Text' }],
  ])(
    'given COLUMN_TYPE %p (DATA_TYPE %p), when mapped, then it is %p',
    (columnType, dataType, maxLength, expected) => {
      expect(mapMysqlType({ columnType, dataType, maxLength })).toEqual(expected);
    },
  );

  it("given MariaDB's JSON (longtext with a json_valid check), when mapped, then it is Json", () => {
    expect(
      mapMysqlType({
        columnType: 'longtext',
        dataType: 'longtext',
        maxLength: 4294967295,
        jsonChecked: true,
      }),
    ).toEqual({
      kind: 'Json',
    });
  });

  it('given ENUM and SET columns, when mapped, then their members come with them', () => {
    expect(mapMysqlType({ columnType: "enum('G','PG','PG-13','R','NC-17')", dataType: 'enum' })).toEqual({
      kind: 'Enum',
      enumValues: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
    });
    expect(
      mapMysqlType({
        columnType: "set('Trailers','Commentaries','Deleted Scenes','Behind the Scenes')",
        dataType: 'set',
      }),
    ).toEqual({
      kind: 'Set',
      enumValues: ['Trailers', 'Commentaries', 'Deleted Scenes', 'Behind the Scenes'],
    });
  });

  it('given members with quotes, commas, parentheses and backslashes, when parsed, then each is as stored', () => {
    expect(parseMembers("enum('it''s','a,b','(x)','back\\\\slash','')")).toEqual([
      "it's",
      'a,b',
      '(x)',
      'back\\slash',
      '',
    ]);
  });
});
