export { createPostgresConnector } from './postgres-connector';
export {
  DEFAULT_POSTGRES_CONNECT_TIMEOUT_MS,
  DEFAULT_POSTGRES_DATABASE,
  DEFAULT_POSTGRES_POOL_SIZE,
  DEFAULT_POSTGRES_PORT,
  DEFAULT_POSTGRES_QUERY_TIMEOUT_MS,
  type PostgresConnectorOptions,
  type PostgresTls,
} from './postgres-options';
export { pgDriver, type PostgresDriver, type PostgresPool, type PostgresPoolConfig } from './postgres-pool';
export { PostgresIntrospector } from './postgres-introspector';
export { parsePostgresAddress, postgresAddress, type PostgresAddress } from './postgres-address';
export { quoteIdentifier as quotePostgresIdentifier } from './quote-identifier';
export {
  checkPostgresDetails,
  openPostgresConnector,
  type PostgresConnectionDetails,
} from './open-postgres-connector';
export { postgresSqlDialect } from './postgres-sql-dialect';
export { PostgresDataAccess } from './postgres-data-access';
