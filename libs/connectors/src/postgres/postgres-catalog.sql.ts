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
 * materialized views, with the planner's row estimate and the table comment (joined: obj_description
 * runs a query of its own per table).
 */
const TABLES = `
SELECT c.relname AS name, c.relkind::text AS kind,
  CASE WHEN c.relkind IN ('r', 'm') THEN c.reltuples::int8 END AS "rowEstimate",
  d.description AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition`;

/** Binds the schema name. */
export const LIST_TABLES_SQL = `${TABLES}
ORDER BY c.relname`;

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

/**
 * The columns of one table as DESCRIBE_TABLES_SQL aggregates them: one array per fact, index by index
 * the same column, in no particular order. Their types are DESCRIBE_TYPES_SQL's rows.
 */
export type PostgresColumnArrays = Readonly<{
  name: string[];
  position: number[];
  nativeType: string[];
  /** pg_attribute.atttypid (an oid, which json_agg would write as a string: cast to int8). */
  typeId: number[];
  /** pg_attribute.atttypmod. */
  typeModifier: number[];
  notNull: boolean[];
  identity: string[];
  generated: string[];
}>;

export type PostgresDescribedTableRow = PostgresTableRow &
  Readonly<{
    /**
     * PostgresColumnArrays as JSON text (the pool reads json as text; one JSON.parse costs far less than
     * a row per column); null, or arrays of null, for a table without columns.
     */
    columns: string | null;
  }>;

/**
 * The requested tables (TABLES' columns) with their columns, one row per table. Aggregating each fact
 * into a JSON array (json_agg caches its output function; json_build_array per column looks up every
 * argument's) spares the driver a row per column, which cost more than the whole query on the server.
 * Binds the schema name and the array of requested table names.
 */
export const DESCRIBE_TABLES_SQL = `
SELECT c.relname AS name, c.relkind::text AS kind,
  CASE WHEN c.relkind IN ('r', 'm') THEN c.reltuples::int8 END AS "rowEstimate",
  d.description AS comment, cols.columns
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description AS d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
CROSS JOIN LATERAL (
  SELECT json_build_object(
    'name', json_agg(a.attname), 'position', json_agg(a.attnum),
    'nativeType', json_agg(pg_catalog.format_type(a.atttypid, a.atttypmod)),
    'typeId', json_agg(a.atttypid::int8), 'typeModifier', json_agg(a.atttypmod),
    'notNull', json_agg(a.attnotnull), 'identity', json_agg(a.attidentity),
    'generated', json_agg(a.attgenerated)) AS columns
  FROM pg_catalog.pg_attribute AS a
  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
) AS cols
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition
  AND c.relname = ANY($2::text[])`;

export type PostgresTypeRow = Readonly<{
  typeId: number;
  /** pg_type.typname, a domain resolved to its base type: `varchar`, `int4`, `_int4`. */
  typeName: string;
  /** pg_type.typtype of that type: b base, e enum, c composite, r range, m multirange, d domain. */
  typeType: string;
  /** pg_type.typcategory of that type: `A` for an array. */
  category: string;
  /** A domain's typtypmod (its base type's length, precision and scale); null for any other type. */
  domainModifier: number | null;
  /** A domain's NOT NULL. */
  notNull: boolean;
  /** The members of an enum (or of a domain over one) in their order. */
  enumValues: string[] | null;
}>;

/**
 * The types of the described columns, once each: a few against thousands of columns. Asked once the
 * columns are in, by their ids (`$1::oid[]`), rather than by scanning the columns a second time. Binds
 * the array of type ids.
 */
export const DESCRIBE_TYPES_SQL = `
SELECT t.oid AS "typeId", coalesce(b.typname, t.typname)::text AS "typeName",
  coalesce(b.typtype, t.typtype)::text AS "typeType",
  coalesce(b.typcategory, t.typcategory)::text AS category,
  CASE WHEN t.typtype = 'd' THEN t.typtypmod END AS "domainModifier", t.typnotnull AS "notNull",
  (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
   FROM pg_catalog.pg_enum AS e WHERE e.enumtypid = coalesce(b.oid, t.oid)) AS "enumValues"
FROM pg_catalog.pg_type AS t
LEFT JOIN pg_catalog.pg_type AS b ON b.oid = t.typbasetype AND t.typtype = 'd'
WHERE t.oid = ANY($1::oid[])`;

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
  /** The key's column numbers (pg_attribute.attnum, a column's position) in key order; 0 for an expression. */
  columns: number[];
}>;

/**
 * Every index with the column numbers of its key (not its INCLUDE columns), the primary key among them;
 * a partitioned table's own (partitioned) indexes, not its partitions'. The numbers are the columns'
 * positions: the mapper names them from the described columns, the catalog looking up none. Binds the
 * schema name and the table names.
 */
export const DESCRIBE_INDEXES_SQL = `
SELECT c.relname AS "tableName", i.relname AS "indexName", x.indisprimary AS "isPrimary",
  x.indisunique AS "isUnique", x.indpred IS NOT NULL AS "isPartial",
  (x.indkey::int2[])[0:x.indnkeyatts - 1] AS columns
FROM pg_catalog.pg_index AS x
JOIN pg_catalog.pg_class AS c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class AS i ON i.oid = x.indexrelid
WHERE n.nspname = $1 AND c.relname = ANY($2::text[])`;

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
 * partitions (conparentid names the original): only the original is reported. Column names are
 * lookups of their own: joined to the unnested key, pg_attribute was hashed whole once per key. Binds the schema name and the table names.
 */
export const DESCRIBE_FOREIGN_KEYS_SQL = `
SELECT c.relname AS "tableName", con.conname AS "constraintName", k.position::int4 AS position,
  (SELECT a.attname FROM pg_catalog.pg_attribute AS a
   WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum) AS "columnName",
  rn.nspname AS "referencedSchema", rc.relname AS "referencedTable",
  (SELECT ra.attname FROM pg_catalog.pg_attribute AS ra
   WHERE ra.attrelid = con.confrelid AND ra.attnum = k.refattnum) AS "referencedColumn"
FROM pg_catalog.pg_constraint AS con
JOIN pg_catalog.pg_class AS c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class AS rc ON rc.oid = con.confrelid
JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refattnum, position)
WHERE con.contype = 'f' AND con.conparentid = 0 AND n.nspname = $1 AND c.relname = ANY($2::text[])`;
