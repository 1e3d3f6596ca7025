import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import { parsePostgresAddress, postgresAddress } from './postgres-address';
import {
  DATABASES_SQL,
  DESCRIBE_DEFAULTS_SQL,
  DESCRIBE_FOREIGN_KEYS_SQL,
  DESCRIBE_INDEXES_SQL,
  DESCRIBE_TABLES_SQL,
  DESCRIBE_TYPES_SQL,
  LIST_TABLES_SQL,
  SCHEMA_EXISTS_SQL,
  SCHEMAS_SQL,
  type PostgresDefaultRow,
  type PostgresDescribedTableRow,
  type PostgresForeignKeyRow,
  type PostgresIndexRow,
  type PostgresNameRow,
  type PostgresTableRow,
  type PostgresTypeRow,
} from './postgres-catalog.sql';
import {
  assertTablesFound,
  mapPostgresTableSummaries,
  mapPostgresTables,
  parsePostgresColumns,
  postgresColumnRows,
  postgresTypeIds,
} from './map-postgres-tables';

/** Runs one catalog query in `database` with bound values; the row shape is its `*.sql.ts` constant's. */
export type PostgresQuery = <R>(database: string, sql: string, values: readonly unknown[]) => Promise<R[]>;

/** A database the user may not open is no target: it is left out of the list, not an error. */
const UNOPENABLE = new Set([
  'CONNECTOR.AUTH_FAILED',
  'CONNECTOR.PERMISSION_DENIED',
  'CONNECTOR.DATABASE_NOT_FOUND',
]);

/**
 * Reads pg_catalog. The wizard's databases are `<database>/<schema>` (see postgres-address.ts): the
 * schemas of the connection's database when it names one, else of every database the user may connect
 * to (one query per database: catalogs are per database). describe() runs five set-based queries
 * side by side (schema, tables with their columns, defaults, indexes, foreign keys), then the columns' types
 * by id, whatever the number of tables.
 */
export class PostgresIntrospector implements SchemaIntrospector {
  constructor(
    private readonly query: PostgresQuery,
    private readonly connection: Readonly<{ database: string; databaseNamed: boolean }>,
  ) {}

  async listDatabases(): Promise<string[]> {
    const { database, databaseNamed } = this.connection;
    const databases = databaseNamed
      ? [database]
      : (await this.query<PostgresNameRow>(database, DATABASES_SQL, [])).map((row) => row.name);
    const schemas = await Promise.all(
      databases.map((name) =>
        this.query<PostgresNameRow>(name, SCHEMAS_SQL, []).then(
          (rows) => rows.map((row) => postgresAddress({ database: name, schema: row.name })),
          (error: unknown) => {
            if (!databaseNamed && error instanceof ConnectorError && UNOPENABLE.has(error.code)) return [];
            throw error;
          },
        ),
      ),
    );
    return schemas.flat();
  }

  async listTables(address: string): Promise<TableSummary[]> {
    const schema = parsePostgresAddress(address);
    const [exists, rows] = await Promise.all([
      this.query<PostgresNameRow>(schema.database, SCHEMA_EXISTS_SQL, [schema.schema]),
      this.query<PostgresTableRow>(schema.database, LIST_TABLES_SQL, [schema.schema]),
    ]);
    if (exists.length === 0) throw schemaNotFound(address);
    return mapPostgresTableSummaries(postgresAddress(schema), rows);
  }

  /**
   * The schema check, the tables with their columns (then their types), defaults, indexes and foreign keys
   * all at once, each on a pooled connection of its own: a missing schema or table is known only when all
   * have answered.
   */
  async describe(address: string, tables: readonly string[]): Promise<TableInfo[]> {
    const schema = parsePostgresAddress(address);
    const values = [schema.schema, [...new Set(tables)]];
    const run = <R>(sql: string) => this.query<R>(schema.database, sql, values);
    const [exists, [found, columns, types], defaults, indexes, foreignKeys] = await Promise.all([
      this.query<PostgresNameRow>(schema.database, SCHEMA_EXISTS_SQL, [schema.schema]),
      tables.length === 0 ? [[], [], []] : this.tablesAndTypes(schema.database, values),
      tables.length === 0 ? [] : run<PostgresDefaultRow>(DESCRIBE_DEFAULTS_SQL),
      tables.length === 0 ? [] : run<PostgresIndexRow>(DESCRIBE_INDEXES_SQL),
      tables.length === 0 ? [] : run<PostgresForeignKeyRow>(DESCRIBE_FOREIGN_KEYS_SQL),
    ]);
    if (exists.length === 0) throw schemaNotFound(address);
    assertTablesFound(tables, found);
    return mapPostgresTables(postgresAddress(schema), tables, {
      tables: found,
      columns: postgresColumnRows(columns, types, defaults),
      indexes,
      foreignKeys,
    });
  }

  /** The tables with their columns, then the types of those columns (a few, asked by id). */
  private async tablesAndTypes(database: string, values: readonly unknown[]) {
    const found = await this.query<PostgresDescribedTableRow>(database, DESCRIBE_TABLES_SQL, values);
    const columns = parsePostgresColumns(found);
    const ids = postgresTypeIds(columns);
    const types =
      ids.length === 0 ? [] : await this.query<PostgresTypeRow>(database, DESCRIBE_TYPES_SQL, [ids]);
    return [found, columns, types] as const;
  }
}

/** A missing database fails to connect (3D000: DATABASE_NOT_FOUND); a missing schema is found here. */
const schemaNotFound = (address: string) =>
  new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Database "${address}" not found`);
