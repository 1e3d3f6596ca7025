/**
 * Catalog queries of the MySQL/MariaDB dialect, all on information_schema. Values (the database, the
 * list of tables) are always bound with `?` placeholders (mysql2 expands an array bound to `IN (?)`);
 * no identifier is ever spliced in. Each query covers every requested table at once.
 *
 * information_schema compares names case-insensitively on MariaDB (utf8mb3_general_ci): the mappers
 * match the rows to the requested names exactly, so `Actor` never stands in for `actor`.
 */

export const SERVER_VERSION_SQL = `SELECT VERSION() AS version`;

export type MysqlVersionRow = Readonly<{ version: string }>;

/** The server's own schemas, never a database to integrate with. */
export const SYSTEM_DATABASES = ['information_schema', 'mysql', 'performance_schema', 'sys'] as const;

export type MysqlDatabaseRow = Readonly<{ name: string }>;

export const DATABASES_SQL = `
SELECT SCHEMA_NAME AS name
FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME NOT IN (?)
ORDER BY SCHEMA_NAME`;

/** Binds the database name. */
export const DATABASE_EXISTS_SQL = `
SELECT SCHEMA_NAME AS name
FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME = ?`;

export type MysqlTableRow = Readonly<{
  name: string;
  /** 'BASE TABLE', 'VIEW', MariaDB's 'SYSTEM VERSIONED' and 'SEQUENCE', 'SYSTEM VIEW'. */
  type: string;
  /** InnoDB's estimate (null for views); MySQL 8 caches it for information_schema_stats_expiry. */
  rowEstimate: number | string | null;
  comment: string | null;
}>;

const TABLE_COLUMNS = `
SELECT TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_ROWS AS rowEstimate, TABLE_COMMENT AS comment
FROM information_schema.TABLES`;

/** Binds the database name. */
export const LIST_TABLES_SQL = `${TABLE_COLUMNS}
WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME`;

/** Binds the database name and the array of requested table names. */
export const FIND_TABLES_SQL = `${TABLE_COLUMNS}
WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?)`;

export type MysqlColumnRow = Readonly<{
  tableName: string;
  name: string;
  position: number;
  /** The full native type: `int(10) unsigned`, `enum('G','PG')`, `decimal(5,2)`, `longtext`. */
  columnType: string;
  /** The bare type name in lower case: `int`, `enum`, `decimal`, `longtext`. */
  dataType: string;
  isNullable: 'YES' | 'NO';
  /**
   * MySQL: a literal's bare text (`G`, `0.00`) or an expression (`CURRENT_TIMESTAMP`), with EXTRA
   * saying DEFAULT_GENERATED for expressions (8.0.13+). MariaDB 10.2.7+: literals quoted (`'G'`),
   * `NULL` for an explicit NULL default, expressions as written (`current_timestamp()`).
   */
  columnDefault: string | null;
  /** `auto_increment`, `on update current_timestamp()`, `DEFAULT_GENERATED`, `VIRTUAL GENERATED` ... */
  extra: string;
  maxLength: number | string | null;
  numericPrecision: number | string | null;
  numericScale: number | string | null;
  datetimePrecision: number | string | null;
}>;

/** Binds the database name and the array of requested table names. */
export const DESCRIBE_COLUMNS_SQL = `
SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name, ORDINAL_POSITION AS position,
  COLUMN_TYPE AS columnType, LOWER(DATA_TYPE) AS dataType, IS_NULLABLE AS isNullable,
  COLUMN_DEFAULT AS columnDefault, EXTRA AS extra,
  CHARACTER_MAXIMUM_LENGTH AS maxLength, NUMERIC_PRECISION AS numericPrecision,
  NUMERIC_SCALE AS numericScale, DATETIME_PRECISION AS datetimePrecision
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?)
ORDER BY TABLE_NAME, ORDINAL_POSITION`;

export type MysqlIndexRow = Readonly<{
  tableName: string;
  indexName: string;
  /** 1-based position of the column in the index. */
  seqInIndex: number;
  /** null for a functional index part (MySQL 8.0.13+). */
  columnName: string | null;
  nonUnique: number | string;
}>;

/** Every index, PRIMARY included, column by column. Binds the database name and the table names. */
export const DESCRIBE_INDEXES_SQL = `
SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, SEQ_IN_INDEX AS seqInIndex,
  COLUMN_NAME AS columnName, NON_UNIQUE AS nonUnique
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?)
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

export type MysqlForeignKeyRow = Readonly<{
  tableName: string;
  constraintName: string;
  columnName: string;
  position: number;
  referencedSchema: string;
  referencedTable: string;
  referencedColumn: string;
}>;

/**
 * Foreign keys column by column. KEY_COLUMN_USAGE also lists primary and unique keys; only foreign keys
 * have a referenced table. Joining REFERENTIAL_CONSTRAINTS instead made the server scan every database's
 * constraints for each key column (11 s for 2,000 tables against 0.3 s). Binds the database and table names.
 */
export const DESCRIBE_FOREIGN_KEYS_SQL = `
SELECT k.TABLE_NAME AS tableName, k.CONSTRAINT_NAME AS constraintName, k.COLUMN_NAME AS columnName,
  k.ORDINAL_POSITION AS position, k.REFERENCED_TABLE_SCHEMA AS referencedSchema,
  k.REFERENCED_TABLE_NAME AS referencedTable, k.REFERENCED_COLUMN_NAME AS referencedColumn
FROM information_schema.KEY_COLUMN_USAGE AS k
WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME IN (?) AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

export type MysqlCheckRow = Readonly<{ tableName: string; constraintName: string; checkClause: string }>;

/**
 * MariaDB only (its CHECK_CONSTRAINTS has TABLE_NAME): JSON is an alias of LONGTEXT there, remembered
 * only as the CHECK (json_valid(`col`)) constraint it adds. Binds the database name and the table names.
 */
export const DESCRIBE_CHECKS_SQL = `
SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS constraintName, CHECK_CLAUSE AS checkClause
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME IN (?)`;

export type MysqlColumnCharsetRow = Readonly<{ columnName: string; characterSet: string }>;

/**
 * The character set of each text column of one table (the data access asks for it only when a value
 * holds characters beyond U+FFFF, which utf8mb3 columns cannot store). Binds the database and table names.
 */
export const COLUMN_CHARSETS_SQL = `
SELECT COLUMN_NAME AS columnName, CHARACTER_SET_NAME AS characterSet
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CHARACTER_SET_NAME IS NOT NULL`;
