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
  type PostgresColumnArrays,
  type PostgresColumnRow,
  type PostgresDefaultRow,
  type PostgresDescribedTableRow,
  type PostgresForeignKeyRow,
  type PostgresIndexRow,
  type PostgresTableRow,
  type PostgresTypeRow,
} from './postgres-catalog.sql';
import { mapPostgresDefault, type PostgresDefaultMapping } from './map-postgres-default';
import { mapPostgresType, type PostgresTypeMapping } from './map-postgres-type';

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

/** One described table's column arrays, parsed (see PostgresDescribedTableRow). */
export type PostgresTableColumns = Readonly<{ tableName: string; columns: PostgresColumnArrays }>;

const NO_COLUMNS: PostgresColumnArrays = {
  name: [],
  position: [],
  nativeType: [],
  typeId: [],
  typeModifier: [],
  notNull: [],
  identity: [],
  generated: [],
};

/** Parses each described table's column arrays, once; a table without columns has empty ones. */
export function parsePostgresColumns(tables: readonly PostgresDescribedTableRow[]): PostgresTableColumns[] {
  return tables.map((table) => {
    const columns = table.columns === null ? null : (JSON.parse(table.columns) as PostgresColumnArrays);
    return { tableName: table.name, columns: columns?.name ? columns : NO_COLUMNS };
  });
}

/** The ids of the described columns' types, once each: what DESCRIBE_TYPES_SQL is asked for. */
export function postgresTypeIds(tables: readonly PostgresTableColumns[]): number[] {
  const ids = new Set<number>();
  for (const table of tables) for (const id of table.columns.typeId) ids.add(id);
  return [...ids];
}

/**
 * The columns of the described tables, one row each: their arrays joined with their types and defaults
 * (read apart, DESCRIBE_TYPES_SQL and DESCRIBE_DEFAULTS_SQL). Defaults are looked up table by table: a
 * key joining table and column names would build a string per column.
 */
export function postgresColumnRows(
  tables: readonly PostgresTableColumns[],
  types: readonly PostgresTypeRow[],
  defaults: readonly PostgresDefaultRow[],
): PostgresColumnRow[] {
  const typesById = new Map(types.map((row) => [Number(row.typeId), row]));
  const defaultsByTable = new Map<string, Map<string, string>>();
  for (const row of defaults) {
    const table = defaultsByTable.get(row.tableName);
    if (table) table.set(row.name, row.expression);
    else defaultsByTable.set(row.tableName, new Map([[row.name, row.expression]]));
  }
  const rows: PostgresColumnRow[] = [];
  for (const { tableName, columns } of tables) {
    const tableDefaults = defaultsByTable.get(tableName);
    const count = columns.name.length;
    for (let index = 0; index < count; index++) {
      const typeId = columns.typeId[index];
      const type = typesById.get(typeId);
      const name = columns.name[index];
      // The types are read after the columns: a column retyped and its old type dropped in between is gone.
      if (type === undefined)
        throw new ConnectorError(
          'CONNECTOR.TABLE_NOT_FOUND',
          `Table "${tableName}" changed while it was described (column "${name}"): describe it again`,
        );
      rows.push({
        tableName,
        name,
        position: columns.position[index],
        nativeType: columns.nativeType[index],
        typeName: type.typeName,
        typeType: type.typeType,
        category: type.category,
        typeModifier: type.domainModifier ?? columns.typeModifier[index],
        notNull: columns.notNull[index] || type.notNull,
        defaultExpression: tableDefaults?.get(name) ?? null,
        identity: columns.identity[index],
        generated: columns.generated[index],
        enumValues: type.enumValues,
      });
    }
  }
  return rows;
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
  const mapColumn = postgresColumnMapper();
  return [...new Set(requested)].map((name) =>
    mapPostgresTable(
      address,
      tables.get(name) as PostgresTableRow,
      {
        columns: columns.get(name) ?? [],
        indexes: indexes.get(name) ?? [],
        foreignKeys: foreignKeys.get(name) ?? [],
      },
      mapColumn,
    ),
  );
}

export function mapPostgresTable(
  address: string,
  table: PostgresTableRow,
  rows: Omit<PostgresCatalog, 'tables'>,
  mapColumn: (row: PostgresColumnRow) => ColumnInfo = mapPostgresColumn,
): TableInfo {
  const schema = address.slice(address.indexOf('/') + 1);
  const { primaryKey, indexes } = mapPostgresIndexes(rows.indexes, rows.columns);
  return {
    ...summary(address, table),
    columns: [...rows.columns].sort((a, b) => Number(a.position) - Number(b.position)).map(mapColumn),
    primaryKey,
    foreignKeys: mapPostgresForeignKeys(schema, rows.foreignKeys),
    indexes,
  };
}

export function mapPostgresColumn(row: PostgresColumnRow): ColumnInfo {
  return columnInfo(row, mapPostgresType(row), mapPostgresDefault(row.defaultExpression));
}

/**
 * mapPostgresColumn for the columns of one describe: a schema repeats a few types and defaults over
 * thousands of columns, so each type (with its modifier) and each default expression is mapped once.
 */
export function postgresColumnMapper(): (row: PostgresColumnRow) => ColumnInfo {
  const types = new Map<string, { facts: PostgresColumnRow; type: PostgresTypeMapping }>();
  const defaults = new Map<string, PostgresDefaultMapping>();
  return (row) => {
    // format_type's text names one type with its modifier (qualified when another type of its name is
    // visible): the facts are checked anyway, a domain's base type and modifier being outside it.
    let known = types.get(row.nativeType);
    if (known === undefined || !sameType(known.facts, row)) {
      known = { facts: row, type: mapPostgresType(row) };
      types.set(row.nativeType, known);
    }
    const expression = row.defaultExpression;
    let fallback = expression === null ? NO_DEFAULT : defaults.get(expression);
    if (fallback === undefined) {
      fallback = mapPostgresDefault(expression);
      defaults.set(expression as string, fallback);
    }
    return columnInfo(row, known.type, fallback);
  };
}

const sameType = (a: PostgresColumnRow, b: PostgresColumnRow) =>
  a.typeName === b.typeName &&
  a.typeType === b.typeType &&
  a.category === b.category &&
  a.typeModifier === b.typeModifier &&
  (a.typeType !== 'e' || String(a.enumValues) === String(b.enumValues));

const NO_DEFAULT: PostgresDefaultMapping = {};

type MutableColumnInfo = { -readonly [K in keyof ColumnInfo]: ColumnInfo[K] };

/** Sets only the facts a column has, property by property: spreading partial objects cost more than the rest of the mapping. */
function columnInfo(
  row: PostgresColumnRow,
  type: PostgresTypeMapping,
  fallback: PostgresDefaultMapping,
): ColumnInfo {
  const generated = row.generated === 's';
  const column: MutableColumnInfo = {
    name: row.name,
    nativeType: row.nativeType,
    kind: type.kind,
    nullable: !row.notNull,
    autoIncrement: row.identity === 'a' || row.identity === 'd' || fallback.serial === true,
  };
  if (type.length !== undefined) column.length = type.length;
  if (type.precision !== undefined) column.precision = type.precision;
  if (type.scale !== undefined) column.scale = type.scale;
  if (type.enumValues !== undefined) column.enumValues = type.enumValues;
  // A generated column's expression is no default: the database computes every value.
  if (generated) column.generated = true;
  else if (fallback.defaultValue !== undefined) {
    column.defaultValue = fallback.defaultValue;
    if (fallback.defaultIsExpression !== undefined) column.defaultIsExpression = fallback.defaultIsExpression;
  }
  return column;
}

/**
 * Names each index's key from the table's columns (by position): the primary key first, then by name.
 * An index with an expression part has no column list to report and is left out; a partial unique
 * index is reported as not unique (it keys only the rows its predicate selects).
 */
export function mapPostgresIndexes(
  rows: readonly PostgresIndexRow[],
  columns: readonly PostgresColumnRow[],
): { primaryKey: string[]; indexes: IndexInfo[] } {
  const names = new Map(columns.map((column) => [Number(column.position), column.name]));
  const indexes: (IndexInfo & { primary: boolean })[] = [];
  for (const row of rows) {
    const key = row.columns.map((position) => names.get(Number(position)));
    if (key.length === 0 || key.some((name) => name === undefined)) continue;
    indexes.push({
      name: row.indexName,
      columns: key as string[],
      unique: row.isUnique && !row.isPartial,
      primary: row.isPrimary,
    });
  }
  indexes.sort((a, b) => Number(b.primary) - Number(a.primary) || compare(a.name, b.name));
  const primary = indexes.find((index) => index.primary);
  return {
    primaryKey: primary ? [...primary.columns] : [],
    indexes: indexes.map(({ name, columns: key, unique }) => ({ name, columns: key, unique })),
  };
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
