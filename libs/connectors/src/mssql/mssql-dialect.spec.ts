import { type ColumnInfo } from '../spi';
import { mssqlDialect, selectMssqlColumn } from './mssql-dialect';

const column = (nativeType: string, kind: ColumnInfo['kind'] = 'Decimal'): ColumnInfo => ({
  name: 'v',
  nativeType,
  kind,
  nullable: true,
  autoIncrement: false,
});

describe('selectMssqlColumn', () => {
  it.each([
    ['decimal(38,10)', 'CONVERT(varchar(64), [v]) AS [v]'],
    ['numeric(5,0)', 'CONVERT(varchar(64), [v]) AS [v]'],
    ['money', 'CONVERT(varchar(64), [v], 2) AS [v]'],
    ['smallmoney', 'CONVERT(varchar(64), [v], 2) AS [v]'],
    ['float', '[v]'],
    ['float(24)', '[v]'],
    ['real', '[v]'],
  ])('given a %s column, when selected, then it is %s', (nativeType, expected) => {
    expect(selectMssqlColumn(column(nativeType), '[v]')).toBe(expected);
  });

  it('given a column of another kind, when selected, then it is its quoted name', () => {
    expect(selectMssqlColumn(column('int', 'Integer'), '[v]')).toBe('[v]');
    expect(mssqlDialect.selectColumn?.(column('nvarchar(10)', 'Text'), '[v]')).toBe('[v]');
  });
});
