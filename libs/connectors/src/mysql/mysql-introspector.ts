import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import {
  DATABASE_EXISTS_SQL,
  DATABASES_SQL,
  DESCRIBE_CHECKS_SQL,
  DESCRIBE_COLUMNS_SQL,
  DESCRIBE_FOREIGN_KEYS_SQL,
  DESCRIBE_INDEXES_SQL,
  FIND_TABLES_SQL,
  LIST_TABLES_SQL,
  SYSTEM_DATABASES,
  type MysqlCheckRow,
  type MysqlColumnRow,
  type MysqlDatabaseRow,
  type MysqlForeignKeyRow,
  type MysqlIndexRow,
  type MysqlTableRow,
} from './mysql-catalog.sql';
import { type MysqlFlavour } from './map-mysql-default';
import { assertTablesFound, mapMysqlTableSummaries, mapMysqlTables } from './map-mysql-tables';

/** Runs one catalog query with bound values; the row shape is the one its `*.sql.ts` constant declares. */
export type MysqlQuery = <R>(sql: string, values: readonly unknown[]) => Promise<R[]>;

/**
 * Reads information_schema: the databases are its schemas. describe() runs five set-based queries
 * (tables, columns, indexes, foreign keys and, on MariaDB, JSON checks) whatever the number of tables.
 */
export class MysqlIntrospector implements SchemaIntrospector {
  constructor(
    private readonly query: MysqlQuery,
    private readonly flavour: () => Promise<MysqlFlavour>,
  ) {}

  async listDatabases(): Promise<string[]> {
    const rows = await this.query<MysqlDatabaseRow>(DATABASES_SQL, [SYSTEM_DATABASES]);
    return rows.map((row) => row.name);
  }

  async listTables(database: string): Promise<TableSummary[]> {
    await this.assertDatabase(database);
    const rows = await this.query<MysqlTableRow>(LIST_TABLES_SQL, [database]);
    return mapMysqlTableSummaries(database, rows);
  }

  async describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    await this.assertDatabase(database);
    if (tables.length === 0) return [];
    const values = [database, [...new Set(tables)]];
    const found = await this.query<MysqlTableRow>(FIND_TABLES_SQL, values);
    assertTablesFound(tables, found);
    const flavour = await this.flavour();
    const [columns, indexes, foreignKeys, checks] = await Promise.all([
      this.query<MysqlColumnRow>(DESCRIBE_COLUMNS_SQL, values),
      this.query<MysqlIndexRow>(DESCRIBE_INDEXES_SQL, values),
      this.query<MysqlForeignKeyRow>(DESCRIBE_FOREIGN_KEYS_SQL, values),
      flavour === 'mariadb' ? this.query<MysqlCheckRow>(DESCRIBE_CHECKS_SQL, values) : Promise.resolve([]),
    ]);
    return mapMysqlTables(
      database,
      tables,
      { tables: found, columns, indexes, foreignKeys, checks },
      flavour,
    );
  }

  /** information_schema names compare case-insensitively on some servers: match exactly here. */
  private async assertDatabase(database: string): Promise<void> {
    const rows = await this.query<MysqlDatabaseRow>(DATABASE_EXISTS_SQL, [database]);
    if (!rows.some((row) => row.name === database)) {
      throw new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Database "${database}" not found`);
    }
  }
}
