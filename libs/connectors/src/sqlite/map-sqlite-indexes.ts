import { type IndexInfo } from '../spi';
import { type SqliteIndexRow } from './sqlite-catalog.sql';

/**
 * Groups one table's `pragma_index_list` x `pragma_index_info` rows into indexes, columns in key order,
 * including the automatic indexes behind PRIMARY KEY and UNIQUE constraints; the primary key's index
 * comes first, the rest by name. An index on an expression has no column list to report and is left out.
 */
export function mapSqliteIndexes(rows: readonly SqliteIndexRow[]): IndexInfo[] {
  const byName = new Map<string, SqliteIndexRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.indexName);
    if (parts) parts.push(row);
    else byName.set(row.indexName, [row]);
  }

  return [...byName.values()]
    .filter((parts) => parts.every((part) => part.columnName !== null))
    .sort((a, b) => rank(a[0]) - rank(b[0]) || compare(a[0].indexName, b[0].indexName))
    .map((parts) => ({
      name: parts[0].indexName,
      columns: parts.sort((a, b) => a.seqno - b.seqno).map((part) => part.columnName as string),
      unique: parts[0].isUnique === 1,
    }));
}

const rank = (row: SqliteIndexRow) => (row.origin === 'pk' ? 0 : 1);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
