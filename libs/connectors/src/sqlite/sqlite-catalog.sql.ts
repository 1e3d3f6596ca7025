/**
 * Catalog queries of the SQLite dialect. Values ($schema, $tables as a JSON array) are always bound;
 * the only identifier spliced in is the schema qualifier of sqlite_schema / sqlite_stat1, which the
 * introspector takes from `pragma_database_list` and quotes with `quoteIdentifier`.
 *
 * The pragma table-valued functions take the object name and the schema as arguments, so one query
 * joins them to sqlite_schema and describes every requested table at once.
 */
import { quoteIdentifier } from './quote-identifier';

export const SERVER_VERSION_SQL = `SELECT sqlite_version() AS version`;

/** Reads the schema, so a file that is not a database fails here rather than on first use. */
export const SCHEMA_CHECK_SQL = `SELECT count(*) AS objects FROM main.sqlite_schema`;

export type SqliteDatabaseRow = Readonly<{ name: string }>;

/** `temp` is the connection's private scratch schema, never a database to integrate with. */
export const DATABASES_SQL = `
SELECT name FROM pragma_database_list
WHERE name <> 'temp'
ORDER BY seq`;

export type SqliteTableRow = Readonly<{ name: string; type: 'table' | 'view' }>;

/**
 * Tables and views, without SQLite's internal `sqlite_%` tables (the prefix is reserved, in any case)
 * nor the shadow tables that back a virtual table (FTS5's `x_data`, `x_idx` ...), which only
 * `pragma_table_list` can tell apart.
 */
export const listTablesSql = (schema: string) => `
SELECT s.name, s.type
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
LEFT JOIN pragma_table_list AS l ON l.schema = $schema AND l.name = s.name
WHERE s.type IN ('table', 'view')
  AND s.name NOT LIKE 'sqlite!_%' ESCAPE '!'
  AND l.type IS NOT 'shadow'
ORDER BY s.name`;

/** The requested tables that exist, matched exactly as listTables spelled them. */
export const findTablesSql = (schema: string) => `
SELECT s.name, s.type
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
WHERE s.type IN ('table', 'view')
  AND s.name IN (SELECT value FROM json_each($tables))`;

export type SqliteColumnRow = Readonly<{
  tableName: string;
  cid: number;
  name: string;
  /** The declared type as written, '' when none. */
  type: string;
  notNull: number;
  /** The DEFAULT clause as written (outer parentheses dropped), null when none. */
  defaultValue: string | null;
  /** 1-based position in the primary key, 0 when not part of it. */
  pk: number;
  /** 0 normal, 1 hidden column of a virtual table, 2/3 generated (virtual/stored). */
  hidden: number;
}>;

/** NOTNULL is an SQLite keyword (the postfix operator): as a column or alias name it must be quoted. */
export const describeColumnsSql = (schema: string) => `
SELECT s.name AS tableName, c.cid, c.name, c.type, c."notnull" AS "notNull", c.dflt_value AS defaultValue,
       c.pk, c.hidden
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
JOIN pragma_table_xinfo(s.name, $schema) AS c
WHERE s.type IN ('table', 'view')
  AND s.name IN (SELECT value FROM json_each($tables))
ORDER BY s.name, c.cid`;

export type SqliteForeignKeyRow = Readonly<{
  tableName: string;
  id: number;
  seq: number;
  referencedTable: string;
  columnName: string;
  /** null only when the parent table does not exist and the clause names no columns. */
  referencedColumn: string | null;
}>;

/**
 * `pragma_foreign_key_list` reports the parent table as written in REFERENCES (any case) and no parent
 * columns for `REFERENCES parent` without a column list; both are resolved here: the name against
 * sqlite_schema, the columns to the parent's primary key in key order.
 */
export const describeForeignKeysSql = (schema: string) => `
SELECT s.name AS tableName, f.id, f.seq, COALESCE(r.name, f."table") AS referencedTable,
       f."from" AS columnName, COALESCE(f."to", p.name) AS referencedColumn
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
JOIN pragma_foreign_key_list(s.name, $schema) AS f
LEFT JOIN ${quoteIdentifier(schema)}.sqlite_schema AS r ON r.type = 'table' AND r.name = f."table" COLLATE NOCASE
LEFT JOIN pragma_table_info(f."table", $schema) AS p ON f."to" IS NULL AND p.pk = f.seq + 1
WHERE s.type = 'table'
  AND s.name IN (SELECT value FROM json_each($tables))
ORDER BY s.name, f.id, f.seq`;

export type SqliteIndexRow = Readonly<{
  tableName: string;
  indexName: string;
  isUnique: number;
  /** 'c' CREATE INDEX, 'u' UNIQUE constraint, 'pk' PRIMARY KEY constraint. */
  origin: string;
  partial: number;
  seqno: number;
  /** null for an expression (or rowid) key part. */
  columnName: string | null;
}>;

export const describeIndexesSql = (schema: string) => `
SELECT s.name AS tableName, i.name AS indexName, i."unique" AS isUnique, i.origin, i.partial,
       k.seqno, k.name AS columnName
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
JOIN pragma_index_list(s.name, $schema) AS i
JOIN pragma_index_info(i.name, $schema) AS k
WHERE s.type = 'table'
  AND s.name IN (SELECT value FROM json_each($tables))
ORDER BY s.name, i.name, k.seqno`;

export type SqliteStatisticsPresenceRow = Readonly<{ present: number }>;

/** sqlite_stat1 exists only after ANALYZE; it cannot be queried before we know it is there. */
export const statisticsPresentSql = (schema: string) => `
SELECT count(*) AS present
FROM ${quoteIdentifier(schema)}.sqlite_schema
WHERE type = 'table' AND name = 'sqlite_stat1'`;

export type SqliteRowEstimateRow = Readonly<{ tableName: string; rowEstimate: number }>;

/** The first number of each sqlite_stat1 entry is the row count ANALYZE saw for the table or index. */
export const rowEstimatesSql = (schema: string) => `
SELECT tbl AS tableName, max(CAST(stat AS INTEGER)) AS rowEstimate
FROM ${quoteIdentifier(schema)}.sqlite_stat1
GROUP BY tbl`;

export type SqliteReferringKeyRow = Readonly<{ tableName: string }>;

/** Tables with a foreign key to $table: SQLite's message for a delete still referred to names none. */
export const referringTablesSql = (schema: string) => `
SELECT DISTINCT s.name AS tableName
FROM ${quoteIdentifier(schema)}.sqlite_schema AS s
JOIN pragma_foreign_key_list(s.name, $schema) AS f
WHERE s.type = 'table'
  AND f."table" = $table COLLATE NOCASE
ORDER BY s.name`;
