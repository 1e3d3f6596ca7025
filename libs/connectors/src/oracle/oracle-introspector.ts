import { ConnectorError, type SchemaIntrospector, type TableInfo, type TableSummary } from '../spi';
import {
  columnsSql,
  constraintsSql,
  indexesSql,
  SCHEMA_EXISTS_SQL,
  SCHEMAS_SQL,
  tableNameList,
  TABLES_SQL,
  type OracleColumnRow,
  type OracleConstraintRow,
  type OracleIndexRow,
  type OracleSchemaExistsRow,
  type OracleSchemaRow,
  type OracleTableRow,
} from './oracle-catalog.sql';
import { type OracleConnection } from './oracle-driver';
import { type OraclePool } from './oracle-pool';
import { mapOracleTableSummaries, mapOracleTables, resolveOracleTables } from './map-oracle-tables';

/**
 * Reads the ALL_* catalog views in a few set-based queries: listTables is two (the schema, then its
 * tables), describe five, whatever the number of tables. Each call holds one pooled connection.
 */
export class OracleIntrospector implements SchemaIntrospector {
  constructor(private readonly pool: OraclePool) {}

  listDatabases(): Promise<string[]> {
    return this.pool.withConnection(async (connection) => {
      const { rows } = await connection.execute(SCHEMAS_SQL);
      return (rows as OracleSchemaRow[]).map((row) => row.name);
    });
  }

  listTables(database: string): Promise<TableSummary[]> {
    return this.pool.withConnection(async (connection) => {
      await assertSchemaExists(connection, database);
      return mapOracleTableSummaries(database, await tableRows(connection, database));
    });
  }

  describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    return this.pool.withConnection(async (connection) => {
      await assertSchemaExists(connection, database);
      const resolved = resolveOracleTables(tables, await tableRows(connection, database));
      if (resolved.length === 0) return [];
      const names = tableNameList(resolved.map((table) => table.tableName));
      const filtered = names !== undefined;
      const binds = filtered ? { owner: database, tables: names } : { owner: database };
      const columns = await connection.execute(columnsSql(filtered), binds);
      const constraints = await connection.execute(constraintsSql(filtered), binds);
      const indexes = await connection.execute(indexesSql(filtered), binds);
      return mapOracleTables(database, resolved, {
        columns: columns.rows as OracleColumnRow[],
        constraints: constraints.rows as OracleConstraintRow[],
        indexes: indexes.rows as OracleIndexRow[],
      });
    });
  }
}

async function assertSchemaExists(connection: OracleConnection, owner: string): Promise<void> {
  const { rows } = await connection.execute(SCHEMA_EXISTS_SQL, { owner });
  if (Number((rows as OracleSchemaExistsRow[])[0]?.found ?? 0) === 0) {
    throw new ConnectorError('CONNECTOR.DATABASE_NOT_FOUND', `Schema "${owner}" not found`);
  }
}

async function tableRows(connection: OracleConnection, owner: string): Promise<OracleTableRow[]> {
  return (await connection.execute(TABLES_SQL, { owner })).rows as OracleTableRow[];
}
