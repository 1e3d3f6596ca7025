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
  type MysqlCheckRow,
  type MysqlColumnRow,
  type MysqlForeignKeyRow,
  type MysqlIndexRow,
  type MysqlTableRow,
} from './mysql-catalog.sql';
import { mapMysqlDefault, type MysqlFlavour } from './map-mysql-default';
import { mapMysqlType, toNumber } from './map-mysql-type';

export type MysqlCatalog = Readonly<{
  tables: readonly MysqlTableRow[];
  columns: readonly MysqlColumnRow[];
  indexes: readonly MysqlIndexRow[];
  foreignKeys: readonly MysqlForeignKeyRow[];
  checks: readonly MysqlCheckRow[];
}>;

const TABLE_TYPES: Readonly<Record<string, TableKind>> = {
  'BASE TABLE': 'table',
  // MariaDB's system-versioned tables read and write like any table.
  'SYSTEM VERSIONED': 'table',
  VIEW: 'view',
};

/** Tables and views (not MariaDB's sequences), with InnoDB's row estimate and the table comment. */
export function mapMysqlTableSummaries(schema: string, rows: readonly MysqlTableRow[]): TableSummary[] {
  return rows.filter((row) => TABLE_TYPES[row.type] !== undefined).map((row) => summary(schema, row));
}

/** Throws TABLE_NOT_FOUND naming every requested table the catalog does not have (names match exactly). */
export function assertTablesFound(requested: readonly string[], found: readonly MysqlTableRow[]): void {
  const names = new Set(found.filter((row) => TABLE_TYPES[row.type] !== undefined).map((row) => row.name));
  const missing = [...new Set(requested)].filter((name) => !names.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `Table or view not found: ${list}`);
  }
}

/** Assembles the requested tables, in the order asked and once each, from the set-based catalog rows. */
export function mapMysqlTables(
  schema: string,
  requested: readonly string[],
  catalog: MysqlCatalog,
  flavour: MysqlFlavour,
): TableInfo[] {
  assertTablesFound(requested, catalog.tables);
  const tables = new Map(catalog.tables.map((row) => [row.name, row]));
  const columns = groupByTable(catalog.columns);
  const indexes = groupByTable(catalog.indexes);
  const foreignKeys = groupByTable(catalog.foreignKeys);
  const checks = groupByTable(catalog.checks);

  return [...new Set(requested)].map((name) =>
    mapMysqlTable(
      schema,
      tables.get(name) as MysqlTableRow,
      {
        columns: columns.get(name) ?? [],
        indexes: indexes.get(name) ?? [],
        foreignKeys: foreignKeys.get(name) ?? [],
        checks: checks.get(name) ?? [],
      },
      flavour,
    ),
  );
}

export function mapMysqlTable(
  schema: string,
  table: MysqlTableRow,
  rows: Omit<MysqlCatalog, 'tables'>,
  flavour: MysqlFlavour,
): TableInfo {
  const jsonColumns = jsonCheckedColumns(rows.checks);
  const indexes = mapMysqlIndexes(rows.indexes);
  const primary = indexes.find((index) => index.name === 'PRIMARY');
  return {
    ...summary(schema, table),
    columns: [...rows.columns]
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((row) => mapMysqlColumn(row, flavour, jsonColumns.has(row.name))),
    primaryKey: primary?.columns ?? [],
    foreignKeys: mapMysqlForeignKeys(rows.foreignKeys),
    indexes,
  };
}

export function mapMysqlColumn(row: MysqlColumnRow, flavour: MysqlFlavour, jsonChecked = false): ColumnInfo {
  return {
    name: row.name,
    nativeType: jsonChecked && row.dataType === 'longtext' ? 'json' : row.columnType,
    ...mapMysqlType({ ...row, jsonChecked }),
    nullable: row.isNullable === 'YES',
    ...mapMysqlDefault(row.columnDefault, row.extra, flavour),
    autoIncrement: /\bauto_increment\b/i.test(row.extra),
    ...(isMysqlGenerated(row.extra) ? { generated: true } : {}),
  };
}

/**
 * EXTRA of a generated column: `VIRTUAL GENERATED` / `STORED GENERATED` (MySQL), plus
 * `PERSISTENT GENERATED` on MariaDB. MySQL's `DEFAULT_GENERATED` (an expression default) is not one.
 */
export const isMysqlGenerated = (extra: string | null | undefined): boolean =>
  /\b(?:VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.test(extra ?? '');

/**
 * Groups STATISTICS rows into indexes, columns in key order: PRIMARY first, then by name. An index
 * with a functional part (MySQL 8.0.13+) has no column list to report and is left out.
 */
export function mapMysqlIndexes(rows: readonly MysqlIndexRow[]): IndexInfo[] {
  const byName = new Map<string, MysqlIndexRow[]>();
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
      columns: [...parts]
        .sort((a, b) => Number(a.seqInIndex) - Number(b.seqInIndex))
        .map((part) => part.columnName as string),
      unique: Number(parts[0].nonUnique) === 0,
    }));
}

/** Groups KEY_COLUMN_USAGE rows by constraint; a key into another database names it as `db.table`. */
export function mapMysqlForeignKeys(rows: readonly MysqlForeignKeyRow[]): ForeignKeyInfo[] {
  const byName = new Map<string, MysqlForeignKeyRow[]>();
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
        referencedTable: first.referencedTable,
        referencedColumns: ordered.map((part) => part.referencedColumn),
      };
    });
}

/**
 * MariaDB turns a JSON column into LONGTEXT plus `CHECK (json_valid(`col`))`, a column-level
 * constraint named after the column. The check names the column with backticks (doubled inside).
 */
export function jsonCheckedColumns(checks: readonly MysqlCheckRow[]): Set<string> {
  const columns = new Set<string>();
  for (const check of checks) {
    const match = /^\s*json_valid\(\s*`((?:[^`]|``)+)`\s*\)\s*$/i.exec(check.checkClause);
    if (match) columns.add(match[1].replaceAll('``', '`'));
  }
  return columns;
}

function summary(schema: string, row: MysqlTableRow): TableSummary {
  const kind = TABLE_TYPES[row.type] ?? 'table';
  const base: TableSummary = { schema, name: row.name, kind };
  if (kind === 'view') return base;
  const rowEstimate = toNumber(row.rowEstimate);
  const comment = row.comment ?? '';
  return {
    ...base,
    ...(rowEstimate === undefined ? {} : { rowEstimate }),
    ...(comment === '' ? {} : { comment }),
  };
}

const rank = (row: MysqlIndexRow) => (row.indexName === 'PRIMARY' ? 0 : 1);
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
