import {
  ConnectorError,
  type ColumnInfo,
  type ForeignKeyInfo,
  type IndexInfo,
  type TableInfo,
  type TableKind,
  type TableSummary,
} from '../spi';
import {
  type PostgresColumnCatalogRow,
  type PostgresColumnRow,
  type PostgresDefaultRow,
  type PostgresForeignKeyRow,
  type PostgresIndexRow,
  type PostgresTableRow,
} from './postgres-catalog.sql';
import { mapPostgresDefault } from './map-postgres-default';
import { mapPostgresType } from './map-postgres-type';

export type PostgresCatalog = Readonly<{
  tables: readonly PostgresTableRow[];
  columns: readonly PostgresColumnRow[];
  indexes: readonly PostgresIndexRow[];
  foreignKeys: readonly PostgresForeignKeyRow[];
}>;

/** relkind: tables (partitioned and foreign ones too) read and write; views and materialized views only read. */
const TABLE_KINDS: Readonly<Record<string, TableKind>> = {
  r: 'table',
  p: 'table',
  f: 'table',
  v: 'view',
  m: 'view',
};

/** The column rows with their defaults, which the catalog reads apart (DESCRIBE_DEFAULTS_SQL). */
export function withDefaults(
  columns: readonly PostgresColumnCatalogRow[],
  defaults: readonly PostgresDefaultRow[],
): PostgresColumnRow[] {
  const byColumn = new Map(defaults.map((row) => [`${row.tableName}\0${row.name}`, row.expression]));
  return columns.map((row) => ({
    ...row,
    defaultExpression: byColumn.get(`${row.tableName}\0${row.name}`) ?? null,
  }));
}

/**
 * Tables and views of one schema. `address` (`<database>/<schema>`, see postgres-address.ts) is each
 * summary's schema: it is what the data API hands back to reach the table again.
 */
export function mapPostgresTableSummaries(
  address: string,
  rows: readonly PostgresTableRow[],
): TableSummary[] {
  return rows.filter((row) => TABLE_KINDS[row.kind] !== undefined).map((row) => summary(address, row));
}

/** Throws TABLE_NOT_FOUND naming every requested table the catalog does not have. */
export function assertTablesFound(requested: readonly string[], found: readonly PostgresTableRow[]): void {
  const names = new Set(found.filter((row) => TABLE_KINDS[row.kind] !== undefined).map((row) => row.name));
  const missing = [...new Set(requested)].filter((name) => !names.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `Table or view not found: ${list}`);
  }
}

/** Assembles the requested tables, in the order asked and once each, from the set-based catalog rows. */
export function mapPostgresTables(
  address: string,
  requested: readonly string[],
  catalog: PostgresCatalog,
): TableInfo[] {
  assertTablesFound(requested, catalog.tables);
  const tables = new Map(catalog.tables.map((row) => [row.name, row]));
  const columns = groupByTable(catalog.columns);
  const indexes = groupByTable(catalog.indexes);
  const foreignKeys = groupByTable(catalog.foreignKeys);
  return [...new Set(requested)].map((name) =>
    mapPostgresTable(address, tables.get(name) as PostgresTableRow, {
      columns: columns.get(name) ?? [],
      indexes: indexes.get(name) ?? [],
      foreignKeys: foreignKeys.get(name) ?? [],
    }),
  );
}

export function mapPostgresTable(
  address: string,
  table: PostgresTableRow,
  rows: Omit<PostgresCatalog, 'tables'>,
): TableInfo {
  const schema = address.slice(address.indexOf('/') + 1);
  const { primaryKey, indexes } = mapPostgresIndexes(rows.indexes);
  return {
    ...summary(address, table),
    columns: [...rows.columns].sort((a, b) => Number(a.position) - Number(b.position)).map(mapPostgresColumn),
    primaryKey,
    foreignKeys: mapPostgresForeignKeys(schema, rows.foreignKeys),
    indexes,
  };
}

export function mapPostgresColumn(row: PostgresColumnRow): ColumnInfo {
  const { serial, ...defaults } = mapPostgresDefault(row.defaultExpression);
  const generated = row.generated === 's';
  return {
    name: row.name,
    nativeType: row.nativeType,
    ...mapPostgresType(row),
    nullable: !row.notNull,
    // A generated column's expression is no default: the database computes every value.
    ...(generated ? {} : defaults),
    autoIncrement: row.identity === 'a' || row.identity === 'd' || serial === true,
    ...(generated ? { generated: true } : {}),
  };
}

/**
 * Groups index rows into indexes, columns in key order: the primary key first, then by name. An index
 * with an expression part has no column list to report and is left out; a partial unique index is
 * reported as not unique (it keys only the rows its predicate selects).
 */
export function mapPostgresIndexes(rows: readonly PostgresIndexRow[]): {
  primaryKey: string[];
  indexes: IndexInfo[];
} {
  const byName = new Map<string, PostgresIndexRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.indexName);
    if (parts) parts.push(row);
    else byName.set(row.indexName, [row]);
  }
  const groups = [...byName.values()]
    .filter((parts) => parts.every((part) => part.columnName !== null))
    .sort((a, b) => rank(a[0]) - rank(b[0]) || compare(a[0].indexName, b[0].indexName));
  const indexes = groups.map((parts) => ({
    name: parts[0].indexName,
    columns: [...parts]
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((part) => part.columnName as string),
    unique: parts[0].isUnique && !parts[0].isPartial,
  }));
  const primary = groups.findIndex((parts) => parts[0].isPrimary);
  return { primaryKey: primary < 0 ? [] : [...indexes[primary].columns], indexes };
}

/** Groups foreign key rows by constraint; a key into another schema names its table `schema.table`. */
export function mapPostgresForeignKeys(
  schema: string,
  rows: readonly PostgresForeignKeyRow[],
): ForeignKeyInfo[] {
  const byName = new Map<string, PostgresForeignKeyRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.constraintName);
    if (parts) parts.push(row);
    else byName.set(row.constraintName, [row]);
  }
  return [...byName.values()]
    .sort((a, b) => compare(a[0].constraintName, b[0].constraintName))
    .map((parts) => {
      const ordered = [...parts].sort((a, b) => Number(a.position) - Number(b.position));
      const first = ordered[0];
      return {
        name: first.constraintName,
        columns: ordered.map((part) => part.columnName),
        referencedTable:
          first.referencedSchema === schema
            ? first.referencedTable
            : `${first.referencedSchema}.${first.referencedTable}`,
        referencedColumns: ordered.map((part) => part.referencedColumn),
      };
    });
}

function summary(address: string, row: PostgresTableRow): TableSummary {
  const kind = TABLE_KINDS[row.kind] ?? 'table';
  const base: TableSummary = { schema: address, name: row.name, kind };
  const estimate = row.rowEstimate === null ? undefined : Number(row.rowEstimate);
  const comment = row.comment ?? '';
  return {
    ...base,
    // -1: never analysed (PostgreSQL 14+), so no estimate rather than a wrong one.
    ...(estimate === undefined || !Number.isFinite(estimate) || estimate < 0
      ? {}
      : { rowEstimate: estimate }),
    ...(comment === '' ? {} : { comment }),
  };
}

const rank = (row: PostgresIndexRow) => (row.isPrimary ? 0 : 1);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupByTable<R extends { tableName: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.tableName);
    if (group) group.push(row);
    else groups.set(row.tableName, [row]);
  }
  return groups;
}
