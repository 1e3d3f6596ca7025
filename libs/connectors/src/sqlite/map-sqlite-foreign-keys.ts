import { type ForeignKeyInfo } from '../spi';
import { type SqliteForeignKeyRow } from './sqlite-catalog.sql';

/**
 * Groups one table's `pragma_foreign_key_list` rows into foreign keys: one per `id`, columns in `seq`
 * order. SQLite numbers the constraints last-declared first, so they are returned by descending id,
 * which is the order of the CREATE TABLE statement. SQLite keeps no constraint names.
 */
export function mapSqliteForeignKeys(rows: readonly SqliteForeignKeyRow[]): ForeignKeyInfo[] {
  const byId = new Map<number, SqliteForeignKeyRow[]>();
  for (const row of rows) {
    const parts = byId.get(row.id);
    if (parts) parts.push(row);
    else byId.set(row.id, [row]);
  }

  return [...byId.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, parts]) => parts.sort((a, b) => a.seq - b.seq))
    .filter(isResolved)
    .map((parts) => ({
      columns: parts.map((part) => part.columnName),
      referencedTable: parts[0].referencedTable,
      referencedColumns: parts.map((part) => part.referencedColumn),
    }));
}

/** `REFERENCES missing_table` without a column list names no columns we could report. */
function isResolved(
  parts: SqliteForeignKeyRow[],
): parts is (SqliteForeignKeyRow & { referencedColumn: string })[] {
  return parts.every((part) => part.referencedColumn !== null);
}
