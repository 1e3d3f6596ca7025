/**
 * Catalog queries of the SQL Server dialect. Values are always bound (`@database`, `@objectIds`); the
 * only identifier spliced in is the database of a three-part name (`[db].sys.columns`), quoted with
 * brackets, so one connection introspects any database the login may read without `USE`.
 *
 * `describe` is four set-based queries whatever the number of tables: the tables of the database (to
 * resolve the requested names, see mssql-table-name.ts), then columns, indexes and foreign keys of the
 * resolved object ids. The ids travel as one bound `,1,2,3,` string matched with CHARINDEX: it needs
 * no OPENJSON / STRING_SPLIT (compatibility level 130+) and no parameter per table (SQL Server allows
 * 2,100 parameters, fewer than the tables a schema can have).
 */
import { quoteMssqlIdentifier } from './quote-identifier';

export const SERVER_VERSION_SQL = `SELECT @@VERSION AS version`;

export type MssqlDatabaseRow = Readonly<{ name: string }>;

/** System databases are never integrated with; databases offline or being restored cannot be read. */
export const DATABASES_SQL = `
SELECT name
FROM sys.databases
WHERE name NOT IN (N'master', N'tempdb', N'model', N'msdb')
  AND state_desc = N'ONLINE'
  AND HAS_DBACCESS(name) = 1
ORDER BY name`;

export type MssqlDatabaseIdRow = Readonly<{ databaseId: number | null }>;

/** DB_ID is null for a database that does not exist (or that the login cannot see). */
export const DATABASE_ID_SQL = `SELECT DB_ID(@database) AS databaseId`;

export type MssqlTableRow = Readonly<{
  objectId: number;
  schemaName: string;
  tableName: string;
  /** sys.objects.type: 'U ' (char(2), space padded) for a table, 'V ' for a view. */
  type: string;
  /** SUM of sys.partitions.rows (bigint: tedious returns it as a string); null for a view. */
  rowEstimate: string | number | null;
  comment: string | null;
}>;

/**
 * User tables and views with the heap/clustered-index row count of sys.partitions (an estimate kept by
 * the engine, no scan) and the MS_Description extended property. SSMS's `sysdiagrams` is not a user
 * table although is_ms_shipped is 0: it is flagged with `microsoft_database_tools_support`.
 */
export const listTablesSql = (database: string) => {
  const db = quoteMssqlIdentifier(database);
  return `
SELECT o.object_id AS objectId, s.name AS schemaName, o.name AS tableName, o.type AS type,
       p.rowEstimate, CAST(d.value AS nvarchar(max)) AS comment
FROM ${db}.sys.objects AS o
JOIN ${db}.sys.schemas AS s ON s.schema_id = o.schema_id
LEFT JOIN (
  SELECT object_id, SUM(rows) AS rowEstimate
  FROM ${db}.sys.partitions
  WHERE index_id IN (0, 1)
  GROUP BY object_id
) AS p ON p.object_id = o.object_id AND o.type = 'U'
LEFT JOIN ${db}.sys.extended_properties AS d
  ON d.class = 1 AND d.major_id = o.object_id AND d.minor_id = 0 AND d.name = N'MS_Description'
WHERE o.type IN ('U', 'V')
  AND o.is_ms_shipped = 0
  AND NOT EXISTS (
    SELECT 1 FROM ${db}.sys.extended_properties AS t
    WHERE t.class = 1 AND t.major_id = o.object_id AND t.minor_id = 0
      AND t.name = N'microsoft_database_tools_support')
ORDER BY s.name, o.name`;
};

/** `,id,` per object: the bound value of `@objectIds`. */
export const objectIdList = (objectIds: readonly number[]) => `,${objectIds.join(',')},`;

const inObjectIds = (column: string) =>
  `CHARINDEX(N',' + CAST(${column} AS nvarchar(12)) + N',', @objectIds) > 0`;

export type MssqlColumnRow = Readonly<{
  objectId: number;
  columnId: number;
  name: string;
  /** The system type (an alias type such as `sysname` or a user type resolved to its base type). */
  typeName: string;
  /** Bytes: nvarchar(40) is 80; -1 for (n)varchar(max), varbinary(max) and xml. */
  maxLength: number;
  precision: number;
  scale: number;
  isNullable: boolean;
  isIdentity: boolean;
  isComputed: boolean;
  /** sys.default_constraints.definition as stored: `((0))`, `('G')`, `(getdate())`; null when none. */
  defaultDefinition: string | null;
}>;

export const describeColumnsSql = (database: string) => {
  const db = quoteMssqlIdentifier(database);
  return `
SELECT c.object_id AS objectId, c.column_id AS columnId, c.name,
       CASE WHEN t.is_user_defined = 1 AND b.name IS NOT NULL THEN b.name ELSE t.name END AS typeName,
       c.max_length AS maxLength, c.precision, c.scale, c.is_nullable AS isNullable,
       c.is_identity AS isIdentity, c.is_computed AS isComputed, dc.definition AS defaultDefinition
FROM ${db}.sys.columns AS c
JOIN ${db}.sys.types AS t ON t.user_type_id = c.user_type_id
LEFT JOIN ${db}.sys.types AS b ON b.user_type_id = t.system_type_id AND t.is_user_defined = 1
LEFT JOIN ${db}.sys.default_constraints AS dc ON dc.object_id = c.default_object_id
WHERE ${inObjectIds('c.object_id')}
ORDER BY c.object_id, c.column_id`;
};

export type MssqlIndexRow = Readonly<{
  objectId: number;
  indexName: string;
  isPrimaryKey: boolean;
  isUnique: boolean;
  /** A filtered index (`WHERE ...`) is unique only over its filter: not a key of the whole table. */
  hasFilter: boolean;
  keyOrdinal: number;
  columnName: string;
}>;

/** Key columns (not INCLUDE columns) of every relational index, the primary key's among them. */
export const describeIndexesSql = (database: string) => {
  const db = quoteMssqlIdentifier(database);
  return `
SELECT i.object_id AS objectId, i.name AS indexName, i.is_primary_key AS isPrimaryKey,
       i.is_unique AS isUnique, i.has_filter AS hasFilter, ic.key_ordinal AS keyOrdinal, c.name AS columnName
FROM ${db}.sys.indexes AS i
JOIN ${db}.sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN ${db}.sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE i.type IN (1, 2)
  AND i.is_hypothetical = 0
  AND ic.key_ordinal > 0
  AND ${inObjectIds('i.object_id')}
ORDER BY i.object_id, i.name, ic.key_ordinal`;
};

export type MssqlForeignKeyRow = Readonly<{
  objectId: number;
  constraintName: string;
  ordinal: number;
  columnName: string;
  referencedSchema: string;
  referencedTableName: string;
  referencedColumn: string;
}>;

export const describeForeignKeysSql = (database: string) => {
  const db = quoteMssqlIdentifier(database);
  return `
SELECT fk.parent_object_id AS objectId, fk.name AS constraintName, fkc.constraint_column_id AS ordinal,
       pc.name AS columnName, rs.name AS referencedSchema, ro.name AS referencedTableName,
       rc.name AS referencedColumn
FROM ${db}.sys.foreign_keys AS fk
JOIN ${db}.sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
JOIN ${db}.sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN ${db}.sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
JOIN ${db}.sys.objects AS ro ON ro.object_id = fk.referenced_object_id
JOIN ${db}.sys.schemas AS rs ON rs.schema_id = ro.schema_id
WHERE ${inObjectIds('fk.parent_object_id')}
ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id`;
};
