import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import {
  DATABASE_ID_SQL,
  DATABASES_SQL,
  describeColumnsSql,
  describeForeignKeysSql,
  describeIndexesSql,
  listTablesSql,
  objectIdList,
  type MssqlColumnRow,
  type MssqlDatabaseIdRow,
  type MssqlDatabaseRow,
  type MssqlForeignKeyRow,
  type MssqlIndexRow,
  type MssqlTableRow,
} from './mssql-catalog.sql';
import { type MssqlConnection } from './mssql-driver';
import { type MssqlPool } from './mssql-pool';
import { mapMssqlTableSummaries, mapMssqlTables, resolveMssqlTables } from './map-mssql-tables';

/**
 * Reads sys.* catalog views in a few set-based queries: listTables is one query, describe four,
 * whatever the number of tables. Each call holds one pooled connection for its queries in turn.
 */
export class MssqlIntrospector implements SchemaIntrospector {
  constructor(private readonly pool: MssqlPool) {}

  listDatabases(): Promise<string[]> {
    return this.pool.withConnection(async (connection) => {
      const { rows } = await connection.execute(DATABASES_SQL);
      return (rows as MssqlDatabaseRow[]).map((row) => row.name);
    });
  }

  listTables(database: string): Promise<TableSummary[]> {
    return this.pool.withConnection(async (connection) => {
      await assertDatabaseExists(connection, database);
      return mapMssqlTableSummaries(await tableRows(connection, database));
    });
  }

  describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    return this.pool.withConnection(async (connection) => {
      await assertDatabaseExists(connection, database);
      const resolved = resolveMssqlTables(tables, await tableRows(connection, database));
      if (resolved.length === 0) return [];
      const ids = [
        {
          name: 'objectIds',
          type: 'NVarChar',
          length: 'max',
          value: objectIdList(resolved.map((t) => t.objectId)),
        },
      ] as const;
      const columns = await connection.execute(describeColumnsSql(database), ids);
      const indexes = await connection.execute(describeIndexesSql(database), ids);
      const foreignKeys = await connection.execute(describeForeignKeysSql(database), ids);
      return mapMssqlTables(resolved, {
        columns: columns.rows as MssqlColumnRow[],
        indexes: indexes.rows as MssqlIndexRow[],
        foreignKeys: foreignKeys.rows as MssqlForeignKeyRow[],
      });
    });
  }
}

async function assertDatabaseExists(connection: MssqlConnection, database: string): Promise<void> {
  const { rows } = await connection.execute(DATABASE_ID_SQL, [
    { name: 'database', type: 'NVarChar', length: 128, value: database },
  ]);
  if ((rows as MssqlDatabaseIdRow[])[0]?.databaseId == null) {
    throw new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Database "${database}" not found`);
  }
}

async function tableRows(connection: MssqlConnection, database: string): Promise<MssqlTableRow[]> {
  return (await connection.execute(listTablesSql(database))).rows as MssqlTableRow[];
}
