import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import {
  DATABASES_SQL,
  describeColumnsSql,
  describeForeignKeysSql,
  describeIndexesSql,
  findTablesSql,
  listTablesSql,
  rowEstimatesSql,
  statisticsPresentSql,
  type SqliteColumnRow,
  type SqliteDatabaseRow,
  type SqliteForeignKeyRow,
  type SqliteIndexRow,
  type SqliteRowEstimateRow,
  type SqliteStatisticsPresenceRow,
  type SqliteTableRow,
} from './sqlite-catalog.sql';
import { queryRows, type SqliteDatabase } from './sqlite-database';
import { assertTablesFound, mapSqliteTableSummaries, mapSqliteTables } from './map-sqlite-tables';

/**
 * Reads SQLite's catalog: the schemas of `pragma_database_list` are the "databases" (normally just
 * `main`). Queries are synchronous (node:sqlite); the SPI's promises only keep the dialects alike.
 */
export class SqliteIntrospector implements SchemaIntrospector {
  constructor(private readonly db: SqliteDatabase) {}

  async listDatabases(): Promise<string[]> {
    return this.databases();
  }

  async listTables(database: string): Promise<TableSummary[]> {
    this.assertDatabase(database);
    const tables = queryRows<SqliteTableRow>(this.db, listTablesSql(database), { $schema: database });
    return mapSqliteTableSummaries(database, tables, this.rowEstimates(database));
  }

  async describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    this.assertDatabase(database);
    if (tables.length === 0) return [];
    const $tables = JSON.stringify(tables);
    const found = queryRows<SqliteTableRow>(this.db, findTablesSql(database), { $tables });
    assertTablesFound(tables, found);

    const parameters = { $schema: database, $tables };
    return mapSqliteTables(database, tables, {
      tables: found,
      columns: queryRows<SqliteColumnRow>(this.db, describeColumnsSql(database), parameters),
      foreignKeys: queryRows<SqliteForeignKeyRow>(this.db, describeForeignKeysSql(database), parameters),
      indexes: queryRows<SqliteIndexRow>(this.db, describeIndexesSql(database), parameters),
      rowEstimates: this.rowEstimates(database),
    });
  }

  private databases(): string[] {
    return queryRows<SqliteDatabaseRow>(this.db, DATABASES_SQL).map((row) => row.name);
  }

  /** Also what makes splicing the quoted schema name into catalog SQL safe: it must be a known schema. */
  private assertDatabase(database: string): void {
    if (!this.databases().includes(database)) {
      throw new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Database "${database}" not found`);
    }
  }

  private rowEstimates(database: string): SqliteRowEstimateRow[] {
    const [{ present }] = queryRows<SqliteStatisticsPresenceRow>(this.db, statisticsPresentSql(database));
    return present > 0 ? queryRows<SqliteRowEstimateRow>(this.db, rowEstimatesSql(database)) : [];
  }
}
