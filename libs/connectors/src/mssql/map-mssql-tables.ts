import {
  ConnectorError,
  type ColumnInfo,
  type ForeignKeyInfo,
  type IndexInfo,
  type TableInfo,
  type TableSummary,
} from '../spi';
import {
  type MssqlColumnRow,
  type MssqlForeignKeyRow,
  type MssqlIndexRow,
  type MssqlTableRow,
} from './mssql-catalog.sql';
import { mapMssqlDefault } from './map-mssql-default';
import { mapMssqlType } from './map-mssql-type';
import { mssqlTableName } from './mssql-table-name';

export type MssqlCatalog = Readonly<{
  columns: readonly MssqlColumnRow[];
  indexes: readonly MssqlIndexRow[];
  foreignKeys: readonly MssqlForeignKeyRow[];
}>;

/** Tables and views, named as mssql-table-name.ts says, with row estimate (tables) and comment. */
export function mapMssqlTableSummaries(rows: readonly MssqlTableRow[]): TableSummary[] {
  return rows.map(summary);
}

/**
 * The catalog rows of the requested tables, in the order asked and once each; TABLE_NOT_FOUND names
 * every requested table the database does not have (or that the login cannot see).
 */
export function resolveMssqlTables(
  requested: readonly string[],
  rows: readonly MssqlTableRow[],
): MssqlTableRow[] {
  const byName = new Map(rows.map((row) => [mssqlTableName(row.schemaName, row.tableName), row]));
  const unique = [...new Set(requested)];
  const missing = unique.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `Table or view not found: ${list}`);
  }
  return unique.map((name) => byName.get(name) as MssqlTableRow);
}

/** Assembles tables from the set-based catalog rows of all of them. */
export function mapMssqlTables(tables: readonly MssqlTableRow[], catalog: MssqlCatalog): TableInfo[] {
  const columns = groupByObject(catalog.columns);
  const indexes = groupByObject(catalog.indexes);
  const foreignKeys = groupByObject(catalog.foreignKeys);
  return tables.map((table) =>
    mapMssqlTable(table, {
      columns: columns.get(table.objectId) ?? [],
      indexes: indexes.get(table.objectId) ?? [],
      foreignKeys: foreignKeys.get(table.objectId) ?? [],
    }),
  );
}

export function mapMssqlTable(
  table: MssqlTableRow,
  rows: {
    columns: readonly MssqlColumnRow[];
    indexes: readonly MssqlIndexRow[];
    foreignKeys: readonly MssqlForeignKeyRow[];
  },
): TableInfo {
  const indexes = mapMssqlIndexes(rows.indexes);
  return {
    ...summary(table),
    columns: [...rows.columns].sort((a, b) => a.columnId - b.columnId).map(mapMssqlColumn),
    primaryKey: rows.indexes
      .filter((row) => row.isPrimaryKey)
      .sort((a, b) => a.keyOrdinal - b.keyOrdinal)
      .map((row) => row.columnName),
    foreignKeys: mapMssqlForeignKeys(rows.foreignKeys),
    indexes,
  };
}

export function mapMssqlColumn(row: MssqlColumnRow): ColumnInfo {
  const { nativeType, kind, length, precision, scale } = mapMssqlType(row);
  return {
    name: row.name,
    nativeType,
    kind,
    ...(length === undefined ? {} : { length }),
    ...(precision === undefined ? {} : { precision }),
    ...(scale === undefined ? {} : { scale }),
    nullable: row.isNullable,
    ...mapMssqlDefault(row.defaultDefinition),
    autoIncrement: row.isIdentity,
    ...(isMssqlGenerated(row) ? { generated: true } : {}),
  };
}

/** Computed columns and rowversion (alias timestamp): the server writes them, an INSERT/UPDATE cannot. */
export function isMssqlGenerated(row: Pick<MssqlColumnRow, 'isComputed' | 'typeName'>): boolean {
  const type = row.typeName.toLowerCase();
  return Boolean(row.isComputed) || type === 'rowversion' || type === 'timestamp';
}

/**
 * Indexes with their key columns in key order: the primary key's first, then by name. A filtered
 * unique index is reported as not unique: it constrains only the rows of its filter.
 */
export function mapMssqlIndexes(rows: readonly MssqlIndexRow[]): IndexInfo[] {
  const byName = new Map<string, MssqlIndexRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.indexName);
    if (parts) parts.push(row);
    else byName.set(row.indexName, [row]);
  }
  return [...byName.values()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || compare(a[0].indexName, b[0].indexName))
    .map((parts) => ({
      name: parts[0].indexName,
      columns: [...parts].sort((a, b) => a.keyOrdinal - b.keyOrdinal).map((part) => part.columnName),
      unique: parts[0].isUnique && !parts[0].hasFilter,
    }));
}

/** One entry per constraint, columns in constraint order; the parent named like listTables names it. */
export function mapMssqlForeignKeys(rows: readonly MssqlForeignKeyRow[]): ForeignKeyInfo[] {
  const byName = new Map<string, MssqlForeignKeyRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.constraintName);
    if (parts) parts.push(row);
    else byName.set(row.constraintName, [row]);
  }
  return [...byName.values()].map((parts) => {
    const ordered = [...parts].sort((a, b) => a.ordinal - b.ordinal);
    return {
      name: ordered[0].constraintName,
      columns: ordered.map((part) => part.columnName),
      referencedTable: mssqlTableName(ordered[0].referencedSchema, ordered[0].referencedTableName),
      referencedColumns: ordered.map((part) => part.referencedColumn),
    };
  });
}

function summary(row: MssqlTableRow): TableSummary {
  const kind = row.type.trim() === 'V' ? 'view' : 'table';
  const base: TableSummary = {
    schema: row.schemaName,
    name: mssqlTableName(row.schemaName, row.tableName),
    kind,
  };
  const rowEstimate = row.rowEstimate === null ? undefined : Number(row.rowEstimate);
  return {
    ...base,
    ...(kind === 'table' && rowEstimate !== undefined && Number.isFinite(rowEstimate) ? { rowEstimate } : {}),
    ...(row.comment === null || row.comment === '' ? {} : { comment: row.comment }),
  };
}

const rank = (row: MssqlIndexRow) => (row.isPrimaryKey ? 0 : 1);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupByObject<R extends { objectId: number }>(rows: readonly R[]): Map<number, R[]> {
  const groups = new Map<number, R[]>();
  for (const row of rows) {
    const group = groups.get(row.objectId);
    if (group) group.push(row);
    else groups.set(row.objectId, [row]);
  }
  return groups;
}
