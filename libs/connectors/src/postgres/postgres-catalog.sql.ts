/**
 * Catalog queries of the PostgreSQL dialect, on pg_catalog (information_schema's views check privileges
 * row by row and cost ten times as much on large schemas). Values (the schema, the array of requested
 * table names) are always bound (`$1`, `$2::text[]`); no identifier is ever spliced in. Each describe
 * query covers every requested table at once, unordered: the mappers order columns, key parts and
 * indexes themselves (sorting 40,000 column rows on the server spilled to disk and cost more). A query runs in the database it introspects: PostgreSQL's
 * catalogs are per database, so the connector keeps one pool per database (see postgres-address.ts).
 */

export const SERVER_VERSION_SQL = `SELECT version() AS version`;

export type PostgresVersionRow = Readonly<{ version: string }>;

export type PostgresNameRow = Readonly<{ name: string }>;

/** Databases the user may connect to; templates and databases closed to connections are no targets. */
export const DATABASES_SQL = `
SELECT datname AS name
FROM pg_catalog.pg_database
WHERE datallowconn AND NOT datistemplate AND has_database_privilege(datname, 'CONNECT')
ORDER BY datname`;

/** Schemas of the current database the user may use; the server's own are left out. */
export const SCHEMAS_SQL = `
SELECT nspname AS name
FROM pg_catalog.pg_namespace
WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'
  AND has_schema_privilege(oid, 'USAGE')
ORDER BY nspname`;

/** Binds the schema name. */
export const SCHEMA_EXISTS_SQL = `
SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = $1`;

export type PostgresTableRow = Readonly<{
  name: string;
  /** pg_class.relkind: r table, p partitioned table, f foreign table, v view, m materialized view. */
  kind: string;
  /** pg_class.reltuples (-1 before the first ANALYZE on PostgreSQL 14+); null for views. */
  rowEstimate: number | string | null;
  comment: string | null;
}>;

/**
 * Tables, partitioned tables (one entity: their partitions are left out), foreign tables, views and
 * materialized views, with the planner's row estimate and the table comment.
 */
const TABLES = `
SELECT c.relname AS name, c.relkind::text AS kind,
  CASE WHEN c.relkind IN ('r', 'm') THEN c.reltuples::int8 END AS "rowEstimate",
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition`;

/** Binds the schema name. */
export const LIST_TABLES_SQL = `${TABLES}
ORDER BY c.relname`;

/** Binds the schema name and the array of requested table names. */
export const FIND_TABLES_SQL = `${TABLES}
  AND c.relname = ANY($2::text[])`;

export type PostgresColumnRow = Readonly<{
  tableName: string;
  name: string;
  position: number;
  /** format_type: `character varying(120)`, `numeric(30,10)`, `mpaa_rating`, `integer[]`, a domain's name. */
  nativeType: string;
  /** pg_type.typname of the column's type, a domain resolved to its base type: `varchar`, `int4`, `_int4`. */
  typeName: string;
  /** pg_type.typtype of that type: b base, e enum, c composite, r range, m multirange, d domain. */
  typeType: string;
  /** pg_type.typcategory of that type: `A` for an array. */
  category: string;
  /** The type modifier (atttypmod, or the domain's typtypmod): a length, or numeric's precision and scale. */
  typeModifier: number;
  /** NOT NULL on the column or on its domain. */
  notNull: boolean;
  /** The column's default, from PostgresDefaultRow (null when it has none). */
  defaultExpression: string | null;
  /** attidentity: `a` (ALWAYS), `d` (BY DEFAULT) or ''. */
  identity: string;
  /** attgenerated: `s` for a stored generated column, else ''. */
  generated: string;
  /** The members of an enum (or of a domain over one) in their order. */
  enumValues: string[] | null;
}>;

/** What DESCRIBE_COLUMNS_SQL returns: the defaults come apart (DESCRIBE_DEFAULTS_SQL). */
export type PostgresColumnCatalogRow = Omit<PostgresColumnRow, 'defaultExpression'>;

/** Binds the schema name and the array of requested table names. */
export const DESCRIBE_COLUMNS_SQL = `
SELECT c.relname AS "tableName", a.attname AS name, a.attnum AS position,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS "nativeType",
  coalesce(b.typname, t.typname)::text AS "typeName",
  coalesce(b.typtype, t.typtype)::text AS "typeType",
  coalesce(b.typcategory, t.typcategory)::text AS category,
  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS "typeModifier",
  a.attnotnull OR t.typnotnull AS "notNull",
  a.attidentity::text AS identity, a.attgenerated::text AS generated,
  e.labels AS "enumValues"
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type AS b ON b.oid = t.typbasetype AND t.typtype = 'd'
LEFT JOIN (
  SELECT enumtypid, array_agg(enumlabel::text ORDER BY enumsortorder) AS labels
  FROM pg_catalog.pg_enum
  GROUP BY enumtypid
) AS e ON e.enumtypid = coalesce(b.oid, t.oid)
WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND a.attnum > 0 AND NOT a.attisdropped`;

export type PostgresDefaultRow = Readonly<{
  tableName: string;
  name: string;
  /** pg_get_expr of the default: `nextval('film_film_id_seq'::regclass)`, `'G'::mpaa_rating`, `now()`. */
  expression: string;
}>;

/**
 * Column defaults (and generated columns' expressions). Deparsing them is most of the cost of the
 * columns, so they are a query of their own that runs beside it, on another connection. Only a generated
 * column's expression names columns: the others are deparsed without their table, which saves a catalog
 * lookup per default. Binds the schema name and the table names.
 */
export const DESCRIBE_DEFAULTS_SQL = `
SELECT c.relname AS "tableName", a.attname AS name,
  pg_catalog.pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END) AS expression
FROM pg_catalog.pg_attrdef AS d
JOIN pg_catalog.pg_class AS c ON c.oid = d.adrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute AS a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND NOT a.attisdropped`;

export type PostgresIndexRow = Readonly<{
  tableName: string;
  indexName: string;
  isPrimary: boolean;
  isUnique: boolean;
  /** A partial index (`WHERE ...`) is unique only over its predicate: not a key of the whole table. */
  isPartial: boolean;
  /** 1-based position of the column in the index key. */
  position: number;
  /** null for an expression part. */
  columnName: string | null;
}>;

/**
 * Key columns (not INCLUDE columns) of every index, the primary key's among them; a partitioned table's
 * own (partitioned) indexes, not its partitions'. Binds the schema name and the table names.
 */
export const DESCRIBE_INDEXES_SQL = `
SELECT c.relname AS "tableName", i.relname AS "indexName", x.indisprimary AS "isPrimary",
  x.indisunique AS "isUnique", x.indpred IS NOT NULL AS "isPartial", k.position::int4 AS position,
  a.attname AS "columnName"
FROM pg_catalog.pg_index AS x
JOIN pg_catalog.pg_class AS c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class AS i ON i.oid = x.indexrelid
CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND k.position <= x.indnkeyatts`;

export type PostgresForeignKeyRow = Readonly<{
  tableName: string;
  constraintName: string;
  position: number;
  columnName: string;
  referencedSchema: string;
  referencedTable: string;
  referencedColumn: string;
}>;

/**
 * Foreign keys column by column. A key referencing a partitioned table is cloned onto each of its
 * partitions (conparentid names the original): only the original is reported. Binds the schema name
 * and the table names.
 */
export const DESCRIBE_FOREIGN_KEYS_SQL = `
SELECT c.relname AS "tableName", con.conname AS "constraintName", k.position::int4 AS position,
  a.attname AS "columnName", rn.nspname AS "referencedSchema", rc.relname AS "referencedTable",
  ra.attname AS "referencedColumn"
FROM pg_catalog.pg_constraint AS con
JOIN pg_catalog.pg_class AS c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class AS rc ON rc.oid = con.confrelid
JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refattnum, position)
JOIN pg_catalog.pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
JOIN pg_catalog.pg_attribute AS ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refattnum
WHERE con.contype = 'f' AND con.conparentid = 0 AND n.nspname = $1 AND c.relname = ANY($2::text[])`;
