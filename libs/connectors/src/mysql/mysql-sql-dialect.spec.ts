import { buildInsert, buildSelect } from '../data';
import { type ColumnInfo, type TableInfo } from '../spi';
import { mysqlSqlDialect, toMysqlDateTime } from './mysql-sql-dialect';

const col = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: 'x',
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});

const table: TableInfo = {
  schema: 'shop db',
  name: 'or`der',
  kind: 'table',
  columns: [
    col('Id', 'Integer', { nullable: false, autoIncrement: true }),
    col('why?', 'Text'),
    col('at', 'DateTime'),
    col('ok', 'Boolean'),
  ],
  primaryKey: ['Id'],
  foreignKeys: [],
  indexes: [],
};

describe('mysqlSqlDialect', () => {
  it('given filters, sort and paging, when a select is built, then names are backtick-quoted and values bound', () => {
    const { sql, parameters } = buildSelect(mysqlSqlDialect, table, {
      filters: [
        { field: 'why?', op: 'contains', value: '50%_off!' },
        { field: 'ok', op: 'eq', value: true },
      ],
      sort: [{ field: 'why?', direction: 'desc' }],
      limit: 10,
      offset: 20,
    });
    expect(sql).toBe(
      "SELECT `Id`, `why?`, `at`, `ok` FROM `shop db`.`or``der` WHERE `why?` LIKE ? ESCAPE '!' AND `ok` = ? " +
        'ORDER BY `why?` DESC LIMIT ? OFFSET ?',
    );
    expect(parameters).toEqual(['%50!%!_off!!%', 1, 10, 20]);
  });

  it('given only an offset, when paged, then MySQL gets its documented "no limit" with the offset', () => {
    const bound: number[] = [];
    const bind = (value: number) => (bound.push(value), '?');
    expect(mysqlSqlDialect.paginate('SELECT 1', { offset: 5, hasOrderBy: false, bind })).toBe(
      'SELECT 1 LIMIT 18446744073709551615 OFFSET ?',
    );
    expect(bound).toEqual([5]);
  });

  it('given no values, when an insert is built, then it is an empty VALUES () the server fills', () => {
    const { sql, returnsKey } = buildInsert(mysqlSqlDialect, table, {});
    expect(sql).toBe('INSERT INTO `shop db`.`or``der` () VALUES ()');
    expect(returnsKey).toBe(false);
  });

  it.each([
    ['2024-05-01T10:00:00Z', '2024-05-01 10:00:00'],
    ['2024-05-01T10:00:00+02:00', '2024-05-01 08:00:00'],
    ['2024-05-01T00:30:00-01:00', '2024-05-01 01:30:00'],
    ['2024-05-01T10:00:00.5Z', '2024-05-01 10:00:00.5'],
    ['2024-05-01T10:00:00.123456789Z', '2024-05-01 10:00:00.123456'],
    ['2024-05-01T10:00:00.000Z', '2024-05-01 10:00:00'],
  ])(
    'given the RFC 3339 date-time %p, when bound, then the server gets %p (UTC, no zone)',
    (value, expected) => {
      expect(toMysqlDateTime(value)).toBe(expected);
    },
  );

  it('given a time of day with a zero fraction, when bound, then the server gets its canonical text', () => {
    expect(mysqlSqlDialect.toParameter?.('09:00:00.000', col('t', 'Time'))).toBe('09:00:00');
  });
});
