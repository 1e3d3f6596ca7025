import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import { parsePostgresAddress, postgresAddress, type PostgresAddress } from './postgres-address';
import {
  DATABASES_SQL,
  DESCRIBE_COLUMNS_SQL,
  DESCRIBE_FOREIGN_KEYS_SQL,
  DESCRIBE_INDEXES_SQL,
  FIND_TABLES_SQL,
  LIST_TABLES_SQL,
  SCHEMA_EXISTS_SQL,
  SCHEMAS_SQL,
  type PostgresColumnRow,
  type PostgresForeignKeyRow,
  type PostgresIndexRow,
  type PostgresNameRow,
  type PostgresTableRow,
} from './postgres-catalog.sql';
import { assertTablesFound, mapPostgresTableSummaries, mapPostgresTables } from './map-postgres-tables';

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
 * to (one query per database: catalogs are per database). describe() runs four set-based queries
 * (tables, columns, indexes, foreign keys) whatever the number of tables.
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
    const schema = await this.assertSchema(address);
    const rows = await this.query<PostgresTableRow>(schema.database, LIST_TABLES_SQL, [schema.schema]);
    return mapPostgresTableSummaries(postgresAddress(schema), rows);
  }

  async describe(address: string, tables: readonly string[]): Promise<TableInfo[]> {
    const schema = await this.assertSchema(address);
    if (tables.length === 0) return [];
    const values = [schema.schema, [...new Set(tables)]];
    const run = <R>(sql: string) => this.query<R>(schema.database, sql, values);
    const found = await run<PostgresTableRow>(FIND_TABLES_SQL);
    assertTablesFound(tables, found);
    const [columns, indexes, foreignKeys] = await Promise.all([
      run<PostgresColumnRow>(DESCRIBE_COLUMNS_SQL),
      run<PostgresIndexRow>(DESCRIBE_INDEXES_SQL),
      run<PostgresForeignKeyRow>(DESCRIBE_FOREIGN_KEYS_SQL),
    ]);
    return mapPostgresTables(postgresAddress(schema), tables, {
      tables: found,
      columns,
      indexes,
      foreignKeys,
    });
  }

  /** A missing database fails to connect (3D000: DATABASE_NOT_FOUND); a missing schema is checked here. */
  private async assertSchema(address: string): Promise<PostgresAddress> {
    const schema = parsePostgresAddress(address);
    const rows = await this.query<PostgresNameRow>(schema.database, SCHEMA_EXISTS_SQL, [schema.schema]);
    if (rows.length === 0) {
      throw new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Database "${address}" not found`);
    }
    return schema;
  }
}
