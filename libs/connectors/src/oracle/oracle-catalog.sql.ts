/**
 * Catalog queries of the Oracle dialect, over the ALL_* views (what the login may see, no DBA
 * privilege needed). A "database" of the product is an Oracle schema (an owner): every query binds
 * `:owner`, nothing is spliced in.
 *
 * `describe` is four set-based queries whatever the number of tables: the schema's tables (to resolve
 * the requested names), then the columns, the primary and foreign key constraints, and the indexes of
 * the requested tables. The names travel as one bound `"A"B"C"` string matched with INSTR: a quoted
 * Oracle identifier can hold any character but `"`, so no name can match across two. Past 4,000 bytes
 * (the longest VARCHAR2 a SQL bind can be) the filter is dropped and the whole schema is read in the
 * same one query each; the mapping keeps the requested tables.
 */

/** Round trip of the connection test; the version comes from the connection's handshake. */
export const PING_SQL = `SELECT 1 AS "ok" FROM DUAL`;

export type OracleSchemaRow = Readonly<{ name: string }>;

/**
 * Schemas as databases: the login's own first (even while empty), then every schema that is not
 * Oracle's own (ORACLE_MAINTAINED, 12c+) and holds a table or view the login may see.
 */
export const SCHEMAS_SQL = `
SELECT u.USERNAME AS "name"
FROM ALL_USERS u
WHERE u.USERNAME = USER
   OR (u.ORACLE_MAINTAINED = 'N'
       AND EXISTS (SELECT 1 FROM ALL_OBJECTS o
                   WHERE o.OWNER = u.USERNAME AND o.OBJECT_TYPE IN ('TABLE', 'VIEW')))
ORDER BY CASE WHEN u.USERNAME = USER THEN 0 ELSE 1 END, u.USERNAME`;

export type OracleSchemaExistsRow = Readonly<{ found: string | number }>;

export const SCHEMA_EXISTS_SQL = `SELECT COUNT(*) AS "found" FROM ALL_USERS WHERE USERNAME = :owner`;

export type OracleTableRow = Readonly<{
  tableName: string;
  /** `TABLE`, `VIEW` or `MATERIALIZED VIEW` (read-only, like a view). */
  objectType: string;
  /** ALL_TABLES.NUM_ROWS, the optimizer's statistics (NUMBER: text from the driver); null without statistics. */
  rowEstimate: string | number | null;
  comment: string | null;
}>;

/**
 * Tables, views and materialized views of a schema with their comments. Left out: nested tables,
 * IOT overflow and mapping tables, secondary (domain index) tables, dropped tables in the recycle bin,
 * and the container table of a materialized view (listed once, as the materialized view).
 */
export const TABLES_SQL = `
SELECT t.TABLE_NAME AS "tableName", 'TABLE' AS "objectType", t.NUM_ROWS AS "rowEstimate", c.COMMENTS AS "comment"
FROM ALL_TABLES t
LEFT JOIN ALL_TAB_COMMENTS c ON c.OWNER = t.OWNER AND c.TABLE_NAME = t.TABLE_NAME
WHERE t.OWNER = :owner
  AND t.NESTED = 'NO' AND t.SECONDARY = 'N' AND t.DROPPED = 'NO'
  AND (t.IOT_TYPE IS NULL OR t.IOT_TYPE = 'IOT')
  AND NOT EXISTS (SELECT 1 FROM ALL_MVIEWS m WHERE m.OWNER = t.OWNER AND m.MVIEW_NAME = t.TABLE_NAME)
UNION ALL
SELECT v.VIEW_NAME, 'VIEW', NULL, c.COMMENTS
FROM ALL_VIEWS v
LEFT JOIN ALL_TAB_COMMENTS c ON c.OWNER = v.OWNER AND c.TABLE_NAME = v.VIEW_NAME
WHERE v.OWNER = :owner
UNION ALL
SELECT m.MVIEW_NAME, 'MATERIALIZED VIEW', NULL, c.COMMENTS
FROM ALL_MVIEWS m
LEFT JOIN ALL_MVIEW_COMMENTS c ON c.OWNER = m.OWNER AND c.MVIEW_NAME = m.MVIEW_NAME
WHERE m.OWNER = :owner
ORDER BY 1`;

/** The longest text a VARCHAR2 bind holds in SQL (MAX_STRING_SIZE = STANDARD). */
export const MAX_NAME_LIST_BYTES = 4_000;

/** `"A"B"C"`: the bound value of `:tables`, or undefined when too long to bind (the schema is read whole). */
export function tableNameList(names: readonly string[]): string | undefined {
  const list = `"${names.join('"')}"`;
  return Buffer.byteLength(list, 'utf8') <= MAX_NAME_LIST_BYTES ? list : undefined;
}

const inTables = (column: string, filtered: boolean) =>
  filtered ? `\n  AND INSTR(:tables, '"' || ${column} || '"') > 0` : '';

export type OracleColumnRow = Readonly<{
  tableName: string;
  columnId: number | string;
  name: string;
  /** `VARCHAR2`, `NUMBER`, `TIMESTAMP(6) WITH TIME ZONE`, `SDO_GEOMETRY` ... */
  dataType: string;
  /** Set for object types (`MDSYS` for SDO_GEOMETRY, a schema for its own types). */
  dataTypeOwner: string | null;
  /** Bytes. */
  dataLength: number | string;
  /** Characters of a character column (0 otherwise). */
  charLength: number | string | null;
  /** `B` (byte semantics), `C` (character semantics), null for other types. */
  charUsed: string | null;
  dataPrecision: number | string | null;
  dataScale: number | string | null;
  /** `Y` or `N`. */
  nullable: string;
  /** The DEFAULT's text as written (a LONG), the expression of a virtual column, an identity's sequence. */
  dataDefault: string | null;
  /** `YES` or `NO`. */
  virtual: string;
  /** `YES` or `NO` (12c+). */
  identity: string;
  /** ALL_TAB_IDENTITY_COLS.GENERATION_TYPE: `ALWAYS` or `BY DEFAULT`; null for other columns. */
  identityGeneration: string | null;
}>;

/**
 * Visible columns (invisible and system-generated hidden columns are left out, as `SELECT *` leaves
 * them), with virtual and identity columns told apart.
 */
export const columnsSql = (filtered: boolean) => `
SELECT c.TABLE_NAME AS "tableName", c.COLUMN_ID AS "columnId", c.COLUMN_NAME AS "name",
       c.DATA_TYPE AS "dataType", c.DATA_TYPE_OWNER AS "dataTypeOwner", c.DATA_LENGTH AS "dataLength",
       c.CHAR_LENGTH AS "charLength", c.CHAR_USED AS "charUsed", c.DATA_PRECISION AS "dataPrecision",
       c.DATA_SCALE AS "dataScale", c.NULLABLE AS "nullable", c.DATA_DEFAULT AS "dataDefault",
       c.VIRTUAL_COLUMN AS "virtual", c.IDENTITY_COLUMN AS "identity", i.GENERATION_TYPE AS "identityGeneration"
FROM ALL_TAB_COLS c
LEFT JOIN ALL_TAB_IDENTITY_COLS i
  ON i.OWNER = c.OWNER AND i.TABLE_NAME = c.TABLE_NAME AND i.COLUMN_NAME = c.COLUMN_NAME
WHERE c.OWNER = :owner
  AND c.HIDDEN_COLUMN = 'NO'
  AND c.COLUMN_ID IS NOT NULL${inTables('c.TABLE_NAME', filtered)}
ORDER BY c.TABLE_NAME, c.COLUMN_ID`;

export type OracleConstraintRow = Readonly<{
  tableName: string;
  constraintName: string;
  /** `P` (primary key) or `R` (foreign key). */
  constraintType: string;
  position: number | string;
  columnName: string;
  referencedOwner: string | null;
  referencedTableName: string | null;
  referencedColumn: string | null;
}>;

/** Enabled primary and foreign keys, each column with the referenced column of the same position. */
export const constraintsSql = (filtered: boolean) => `
SELECT c.TABLE_NAME AS "tableName", c.CONSTRAINT_NAME AS "constraintName", c.CONSTRAINT_TYPE AS "constraintType",
       cc.POSITION AS "position", cc.COLUMN_NAME AS "columnName", r.OWNER AS "referencedOwner",
       r.TABLE_NAME AS "referencedTableName", rc.COLUMN_NAME AS "referencedColumn"
FROM ALL_CONSTRAINTS c
JOIN ALL_CONS_COLUMNS cc
  ON cc.OWNER = c.OWNER AND cc.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND cc.TABLE_NAME = c.TABLE_NAME
LEFT JOIN ALL_CONSTRAINTS r ON r.OWNER = c.R_OWNER AND r.CONSTRAINT_NAME = c.R_CONSTRAINT_NAME
LEFT JOIN ALL_CONS_COLUMNS rc
  ON rc.OWNER = r.OWNER AND rc.CONSTRAINT_NAME = r.CONSTRAINT_NAME AND rc.POSITION = cc.POSITION
WHERE c.OWNER = :owner
  AND c.CONSTRAINT_TYPE IN ('P', 'R')
  AND c.STATUS = 'ENABLED'${inTables('c.TABLE_NAME', filtered)}
ORDER BY c.TABLE_NAME, c.CONSTRAINT_NAME, cc.POSITION`;

export type OracleIndexRow = Readonly<{
  tableName: string;
  indexName: string;
  /** `UNIQUE` or `NONUNIQUE`. */
  uniqueness: string;
  position: number | string;
  columnName: string;
}>;

/**
 * B-tree and bitmap indexes on columns. Function-based indexes are left out: their "columns" are
 * hidden expressions (SYS_NC00005$), not attributes; so are LOB and domain indexes.
 */
export const indexesSql = (filtered: boolean) => `
SELECT i.TABLE_NAME AS "tableName", i.INDEX_NAME AS "indexName", i.UNIQUENESS AS "uniqueness",
       ic.COLUMN_POSITION AS "position", ic.COLUMN_NAME AS "columnName"
FROM ALL_INDEXES i
JOIN ALL_IND_COLUMNS ic ON ic.INDEX_OWNER = i.OWNER AND ic.INDEX_NAME = i.INDEX_NAME
WHERE i.TABLE_OWNER = :owner
  AND i.INDEX_TYPE IN ('NORMAL', 'NORMAL/REV', 'BITMAP', 'IOT - TOP')${inTables('i.TABLE_NAME', filtered)}
ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.COLUMN_POSITION`;
