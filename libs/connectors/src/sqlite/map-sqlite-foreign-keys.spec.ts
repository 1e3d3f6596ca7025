import { type SqliteForeignKeyRow } from './sqlite-catalog.sql';
import { mapSqliteForeignKeys } from './map-sqlite-foreign-keys';

const fk = (
  id: number,
  seq: number,
  referencedTable: string,
  columnName: string,
  referencedColumn: string | null,
): SqliteForeignKeyRow => ({ tableName: 'child', id, seq, referencedTable, columnName, referencedColumn });

describe('mapSqliteForeignKeys', () => {
  it('given no rows, when mapped, then there are no foreign keys', () => {
    expect(mapSqliteForeignKeys([])).toEqual([]);
  });

  it('given rows of two constraints, when mapped, then they are returned in declaration order (descending id)', () => {
    const rows = [
      fk(0, 0, 'MediaType', 'MediaTypeId', 'MediaTypeId'),
      fk(1, 0, 'Album', 'AlbumId', 'AlbumId'),
    ];
    expect(mapSqliteForeignKeys(rows)).toEqual([
      { columns: ['AlbumId'], referencedTable: 'Album', referencedColumns: ['AlbumId'] },
      { columns: ['MediaTypeId'], referencedTable: 'MediaType', referencedColumns: ['MediaTypeId'] },
    ]);
  });

  it('given a composite constraint with rows out of order, when mapped, then its columns follow seq', () => {
    const rows = [fk(0, 1, 'order_line', 'line_no', 'line'), fk(0, 0, 'order_line', 'order_id', 'order')];
    expect(mapSqliteForeignKeys(rows)).toEqual([
      {
        columns: ['order_id', 'line_no'],
        referencedTable: 'order_line',
        referencedColumns: ['order', 'line'],
      },
    ]);
  });

  it('given a reference to a missing table without a column list, when mapped, then that constraint is left out', () => {
    const rows = [fk(0, 0, 'gone', 'gone_id', null), fk(1, 0, 'parent', 'parent_id', 'id')];
    expect(mapSqliteForeignKeys(rows)).toEqual([
      { columns: ['parent_id'], referencedTable: 'parent', referencedColumns: ['id'] },
    ]);
  });
});
