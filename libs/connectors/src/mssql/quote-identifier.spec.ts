import { ConnectorError } from '../spi';
import { mssqlBareTableName } from './mssql-dialect';
import { mssqlTableName } from './mssql-table-name';
import { quoteMssqlIdentifier } from './quote-identifier';

describe('quoteMssqlIdentifier', () => {
  it.each([
    ['Album', '[Album]'],
    ['order', '[order]'],
    ['Order Details', '[Order Details]'],
    ['a]b', '[a]]b]'],
    ['[x]', '[[x]]]'],
    ['it\'s "quoted" `tick`', '[it\'s "quoted" `tick`]'],
    ['Größe_表', '[Größe_表]'],
  ])('given %p, when quoted, then it is %p', (name, quoted) => {
    expect(quoteMssqlIdentifier(name)).toBe(quoted);
  });

  it('given a NUL character, when quoted, then it is refused', () => {
    expect(() => quoteMssqlIdentifier('a\0b')).toThrow(ConnectorError);
  });
});

describe('mssqlTableName and its inverse', () => {
  it.each([
    ['dbo', 'Customer', 'Customer'],
    ['Sales', 'Order', 'Sales.Order'],
    ['dbo', 'a.b', 'dbo.[a.b]'],
    ['x.y', 't', '[x.y].t'],
    ['x', 'y.z', 'x.[y.z]'],
    ['dbo', '[odd]', 'dbo.[[odd]]]'],
    ['HR Data', 'Employee List', 'HR Data.Employee List'],
  ])('given schema %p and table %p, when named, then it is %p and maps back', (schema, table, name) => {
    expect(mssqlTableName(schema, table)).toBe(name);
    expect(mssqlBareTableName({ schema, name })).toBe(table);
  });

  it('given a dbo table "x.y" and a table "y" of schema "x", when named, then the names differ', () => {
    expect(mssqlTableName('dbo', 'x.y')).not.toBe(mssqlTableName('x', 'y'));
  });
});
