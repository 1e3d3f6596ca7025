import { mapMysqlDefault } from './map-mysql-default';

describe('mapMysqlDefault', () => {
  describe('given MariaDB (quotes literal defaults)', () => {
    it.each([
      ["'G'", 'G'],
      ["'it''s'", "it's"],
      ["'a\\\\b'", 'a\\b'],
      ["''", ''],
      ["'2006-02-15 04:34:33'", '2006-02-15 04:34:33'],
      ['0', '0'],
      ['4.99', '4.99'],
      ['-1', '-1'],
      ["b'1'", "b'1'"],
    ])('when COLUMN_DEFAULT is %p, then it is the literal %p', (columnDefault, value) => {
      expect(mapMysqlDefault(columnDefault, '', 'mariadb')).toEqual({
        defaultValue: value,
        defaultIsExpression: false,
      });
    });

    it.each(['current_timestamp()', 'current_timestamp(3)', 'curdate()', 'uuid()', '(1 + 2)'])(
      'when COLUMN_DEFAULT is %p, then it is an expression',
      (columnDefault) => {
        expect(mapMysqlDefault(columnDefault, '', 'mariadb')).toEqual({
          defaultValue: columnDefault,
          defaultIsExpression: true,
        });
      },
    );

    it('when COLUMN_DEFAULT is NULL (text) or null, then there is no default value', () => {
      expect(mapMysqlDefault('NULL', '', 'mariadb')).toEqual({});
      expect(mapMysqlDefault(null, '', 'mariadb')).toEqual({});
    });
  });

  describe('given MySQL (literal defaults bare, expressions marked in EXTRA)', () => {
    it.each([
      ['G', ''],
      ['0.00', ''],
      ["'quoted'", ''],
      ['NULL', ''],
    ])('when COLUMN_DEFAULT is %p, then it is that literal', (columnDefault, extra) => {
      expect(mapMysqlDefault(columnDefault, extra, 'mysql')).toEqual({
        defaultValue: columnDefault,
        defaultIsExpression: false,
      });
    });

    it.each([
      ['CURRENT_TIMESTAMP', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP'],
      ['CURRENT_TIMESTAMP', ''],
      ['CURRENT_TIMESTAMP(6)', ''],
      ['(uuid())', 'DEFAULT_GENERATED'],
    ])('when COLUMN_DEFAULT is %p with EXTRA %p, then it is an expression', (columnDefault, extra) => {
      expect(mapMysqlDefault(columnDefault, extra, 'mysql')).toEqual({
        defaultValue: columnDefault,
        defaultIsExpression: true,
      });
    });

    it('when COLUMN_DEFAULT is null, then there is no default value', () => {
      expect(mapMysqlDefault(null, '', 'mysql')).toEqual({});
    });
  });
});
