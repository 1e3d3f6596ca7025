import { type SqliteIndexRow } from './sqlite-catalog.sql';
import { mapSqliteIndexes } from './map-sqlite-indexes';

const part = (
  indexName: string,
  origin: string,
  isUnique: number,
  seqno: number,
  columnName: string | null,
): SqliteIndexRow => ({ tableName: 't', indexName, origin, isUnique, partial: 0, seqno, columnName });

describe('mapSqliteIndexes', () => {
  it('given no rows, when mapped, then there are no indexes', () => {
    expect(mapSqliteIndexes([])).toEqual([]);
  });

  it('given a composite primary key autoindex, a unique constraint and a plain index, when mapped, then the primary key comes first and each keeps its flag and key order', () => {
    const rows = [
      part('idx_b_last_name', 'c', 0, 0, 'last_name'),
      part('sqlite_autoindex_t_1', 'pk', 1, 1, 'line_no'),
      part('sqlite_autoindex_t_1', 'pk', 1, 0, 'order_id'),
      part('sqlite_autoindex_t_2', 'u', 1, 0, 'email'),
    ];
    expect(mapSqliteIndexes(rows)).toEqual([
      { name: 'sqlite_autoindex_t_1', columns: ['order_id', 'line_no'], unique: true },
      { name: 'idx_b_last_name', columns: ['last_name'], unique: false },
      { name: 'sqlite_autoindex_t_2', columns: ['email'], unique: true },
    ]);
  });

  it('given an index on an expression, when mapped, then it is left out', () => {
    const rows = [part('idx_lower_name', 'c', 0, 0, null), part('idx_lower_name', 'c', 0, 1, 'id')];
    expect(mapSqliteIndexes(rows)).toEqual([]);
  });
});
