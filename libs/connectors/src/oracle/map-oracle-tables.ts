import {
  ConnectorError,
  type ColumnInfo,
  type ForeignKeyInfo,
  type IndexInfo,
  type TableInfo,
  type TableSummary,
} from '../spi';
import {
  type OracleColumnRow,
  type OracleConstraintRow,
  type OracleIndexRow,
  type OracleTableRow,
} from './oracle-catalog.sql';
import { mapOracleDefault } from './map-oracle-default';
import { mapOracleType } from './map-oracle-type';

export type OracleCatalog = Readonly<{
  columns: readonly OracleColumnRow[];
  constraints: readonly OracleConstraintRow[];
  indexes: readonly OracleIndexRow[];
}>;

/**
 * Tables and views of one schema (the product's database), named as Oracle stores them: a table is
 * its name within the schema (`EMPLOYEES`, or `Order Lines` if created quoted), its schema the owner.
 */
export function mapOracleTableSummaries(owner: string, rows: readonly OracleTableRow[]): TableSummary[] {
  return rows.map((row) => summary(owner, row));
}

/**
 * The catalog rows of the requested tables, in the order asked and once each; TABLE_NOT_FOUND names
 * every requested table the schema does not have (or that the login cannot see).
 */
export function resolveOracleTables(
  requested: readonly string[],
  rows: readonly OracleTableRow[],
): OracleTableRow[] {
  const byName = new Map(rows.map((row) => [row.tableName, row]));
  const unique = [...new Set(requested)];
  const missing = unique.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', `Table or view not found: ${list}`);
  }
  return unique.map((name) => byName.get(name) as OracleTableRow);
}

/** Assembles tables from the set-based catalog rows (rows of other tables are ignored). */
export function mapOracleTables(
  owner: string,
  tables: readonly OracleTableRow[],
  catalog: OracleCatalog,
): TableInfo[] {
  const columns = groupByTable(catalog.columns);
  const constraints = groupByTable(catalog.constraints);
  const indexes = groupByTable(catalog.indexes);
  return tables.map((table) =>
    mapOracleTable(owner, table, {
      columns: columns.get(table.tableName) ?? [],
      constraints: constraints.get(table.tableName) ?? [],
      indexes: indexes.get(table.tableName) ?? [],
    }),
  );
}

export function mapOracleTable(owner: string, table: OracleTableRow, rows: OracleCatalog): TableInfo {
  const primaryKey = constraintGroups(rows.constraints.filter((row) => row.constraintType === 'P'))[0] ?? [];
  const keyColumns = primaryKey.map((row) => row.columnName);
  return {
    ...summary(owner, table),
    columns: [...rows.columns].sort((a, b) => Number(a.columnId) - Number(b.columnId)).map(mapOracleColumn),
    primaryKey: keyColumns,
    foreignKeys: constraintGroups(rows.constraints.filter((row) => row.constraintType === 'R')).map((parts) =>
      foreignKey(owner, parts),
    ),
    indexes: mapOracleIndexes(rows.indexes, keyColumns),
  };
}

/**
 * A column with its attribute type. An identity column is auto-increment (GENERATED ALWAYS ones
 * cannot be written either: generated); a virtual column is generated; an unsupported type is listed,
 * generated (never written) and marked.
 */
export function mapOracleColumn(row: OracleColumnRow): ColumnInfo {
  const { nativeType, kind, length, precision, scale, unsupported } = mapOracleType(row);
  const identity = row.identity === 'YES';
  const virtual = row.virtual === 'YES';
  const generated = virtual || unsupported === true || (identity && row.identityGeneration === 'ALWAYS');
  return {
    name: row.name,
    nativeType,
    kind,
    ...(length === undefined ? {} : { length }),
    ...(precision === undefined ? {} : { precision }),
    ...(scale === undefined ? {} : { scale }),
    nullable: row.nullable === 'Y',
    ...(identity || virtual ? {} : mapOracleDefault(row.dataDefault)),
    autoIncrement: identity,
    ...(generated ? { generated: true } : {}),
    ...(unsupported ? { unsupported: true } : {}),
  };
}

/**
 * Indexes with their columns in position order: the primary key's first (Oracle names it after the
 * constraint), then by name.
 */
export function mapOracleIndexes(
  rows: readonly OracleIndexRow[],
  primaryKey: readonly string[],
): IndexInfo[] {
  const byName = new Map<string, OracleIndexRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.indexName);
    if (parts) parts.push(row);
    else byName.set(row.indexName, [row]);
  }
  const indexes = [...byName.values()].map((parts) => ({
    name: parts[0].indexName,
    columns: [...parts]
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((part) => part.columnName),
    unique: parts[0].uniqueness === 'UNIQUE',
  }));
  const isKey = (index: IndexInfo) =>
    index.unique &&
    index.columns.length === primaryKey.length &&
    index.columns.every((c, i) => c === primaryKey[i]);
  return indexes.sort((a, b) => Number(isKey(b)) - Number(isKey(a)) || compare(a.name, b.name));
}

function foreignKey(owner: string, parts: readonly OracleConstraintRow[]): ForeignKeyInfo {
  const [first] = parts;
  const referencedOwner = first.referencedOwner ?? owner;
  const referencedTable = first.referencedTableName ?? '';
  return {
    name: first.constraintName,
    columns: parts.map((part) => part.columnName),
    // A table of another schema is named with its owner, as that schema's database would list it.
    referencedTable: referencedOwner === owner ? referencedTable : `${referencedOwner}.${referencedTable}`,
    referencedColumns: parts.map((part) => part.referencedColumn ?? ''),
  };
}

/** Constraint rows grouped by constraint, each in column position order; groups by name. */
function constraintGroups(rows: readonly OracleConstraintRow[]): OracleConstraintRow[][] {
  const byName = new Map<string, OracleConstraintRow[]>();
  for (const row of rows) {
    const parts = byName.get(row.constraintName);
    if (parts) parts.push(row);
    else byName.set(row.constraintName, [row]);
  }
  return [...byName.values()]
    .sort((a, b) => compare(a[0].constraintName, b[0].constraintName))
    .map((parts) => [...parts].sort((a, b) => Number(a.position) - Number(b.position)));
}

function summary(owner: string, row: OracleTableRow): TableSummary {
  const kind = row.objectType === 'TABLE' ? 'table' : 'view';
  const rowEstimate = row.rowEstimate === null ? undefined : Number(row.rowEstimate);
  return {
    schema: owner,
    name: row.tableName,
    kind,
    ...(kind === 'table' && rowEstimate !== undefined && Number.isFinite(rowEstimate) ? { rowEstimate } : {}),
    ...(row.comment === null || row.comment === '' ? {} : { comment: row.comment }),
  };
}

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
