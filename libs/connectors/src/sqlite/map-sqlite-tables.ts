import { ConnectorError, type TableInfo, type TableSummary } from '../spi';
import {
  type SqliteColumnRow,
  type SqliteForeignKeyRow,
  type SqliteIndexRow,
  type SqliteRowEstimateRow,
  type SqliteTableRow,
} from './sqlite-catalog.sql';
import { mapSqliteColumn } from './map-sqlite-column';
import { mapSqliteForeignKeys } from './map-sqlite-foreign-keys';
import { mapSqliteIndexes } from './map-sqlite-indexes';

export type SqliteCatalog = Readonly<{
  tables: readonly SqliteTableRow[];
  columns: readonly SqliteColumnRow[];
  foreignKeys: readonly SqliteForeignKeyRow[];
  indexes: readonly SqliteIndexRow[];
  rowEstimates: readonly SqliteRowEstimateRow[];
}>;

/** Tables and views with the row count of the last ANALYZE, when there was one. */
export function mapSqliteTableSummaries(
  schema: string,
  tables: readonly SqliteTableRow[],
  rowEstimates: readonly SqliteRowEstimateRow[],
): TableSummary[] {
  const estimates = new Map(rowEstimates.map((row) => [row.tableName, row.rowEstimate]));
  return tables.map((table) => summary(schema, table, estimates.get(table.name)));
}

/** Throws TABLE_NOT_FOUND naming every requested table the catalog does not have. */
export function assertTablesFound(requested: readonly string[], found: readonly SqliteTableRow[]): void {
  const names = new Set(found.map((table) => table.name));
  const missing = [...new Set(requested)].filter((name) => !names.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `Table or view not found: ${list}`);
  }
}

/** Assembles the requested tables, in the order asked and once each, from the set-based catalog rows. */
export function mapSqliteTables(
  schema: string,
  requested: readonly string[],
  catalog: SqliteCatalog,
): TableInfo[] {
  assertTablesFound(requested, catalog.tables);
  const tables = new Map(catalog.tables.map((table) => [table.name, table]));
  const columns = groupByTable(catalog.columns);
  const foreignKeys = groupByTable(catalog.foreignKeys);
  const indexes = groupByTable(catalog.indexes);
  const estimates = new Map(catalog.rowEstimates.map((row) => [row.tableName, row.rowEstimate]));

  return [...new Set(requested)].map((name) =>
    mapSqliteTable(schema, tables.get(name) as SqliteTableRow, {
      columns: columns.get(name) ?? [],
      foreignKeys: foreignKeys.get(name) ?? [],
      indexes: indexes.get(name) ?? [],
      rowEstimate: estimates.get(name),
    }),
  );
}

export function mapSqliteTable(
  schema: string,
  table: SqliteTableRow,
  rows: {
    columns: readonly SqliteColumnRow[];
    foreignKeys: readonly SqliteForeignKeyRow[];
    indexes: readonly SqliteIndexRow[];
    rowEstimate?: number;
  },
): TableInfo {
  // Hidden columns belong to virtual tables' implementation (FTS5's rank, ...), not to their data.
  const columnRows = rows.columns.filter((row) => row.hidden !== 1).sort((a, b) => a.cid - b.cid);
  const primaryKey = columnRows
    .filter((row) => row.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((row) => row.name);
  const rowidAlias = findRowidAlias(table, primaryKey, rows.indexes);

  return {
    ...summary(schema, table, rows.rowEstimate),
    columns: columnRows.map((row) => mapSqliteColumn(row, { rowidAlias: row.name === rowidAlias })),
    primaryKey,
    foreignKeys: mapSqliteForeignKeys(rows.foreignKeys),
    indexes: mapSqliteIndexes(rows.indexes),
  };
}

/**
 * A single-column INTEGER PRIMARY KEY of a rowid table is an alias of the rowid: SQLite assigns it
 * on insert (AUTOINCREMENT, only allowed there, merely forbids reusing values). Every other primary key,
 * including `INTEGER PRIMARY KEY DESC`, `INT PRIMARY KEY` and all keys of WITHOUT ROWID tables, gets an
 * automatic index of origin 'pk'; so "one key column and no 'pk' index" is exactly the rowid alias.
 */
function findRowidAlias(
  table: SqliteTableRow,
  primaryKey: readonly string[],
  indexes: readonly SqliteIndexRow[],
): string | undefined {
  if (table.type !== 'table' || primaryKey.length !== 1) return undefined;
  return indexes.some((index) => index.origin === 'pk') ? undefined : primaryKey[0];
}

function summary(schema: string, table: SqliteTableRow, rowEstimate: number | undefined): TableSummary {
  const base = { schema, name: table.name, kind: table.type };
  return rowEstimate === undefined || table.type === 'view' ? base : { ...base, rowEstimate };
}

function groupByTable<R extends { tableName: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.tableName);
    if (group) group.push(row);
    else groups.set(row.tableName, [row]);
  }
  return groups;
}
