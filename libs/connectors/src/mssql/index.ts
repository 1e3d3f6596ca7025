export { createMssqlConnector, type MssqlDriver } from './mssql-connector';
export { checkMssqlDetails, openMssqlConnector, type MssqlConnectionDetails } from './open-mssql-connector';
export {
  DEFAULT_MSSQL_CONNECT_TIMEOUT_MS,
  DEFAULT_MSSQL_POOL_SIZE,
  DEFAULT_MSSQL_PORT,
  DEFAULT_MSSQL_REQUEST_TIMEOUT_MS,
  resolveMssqlOptions,
  type MssqlConnectorOptions,
  type ResolvedMssqlOptions,
} from './mssql-options';
export {
  type MssqlConnection,
  type MssqlConnectionFactory,
  type MssqlParameter,
  type MssqlParameterType,
  type MssqlResult,
  type MssqlRow,
} from './mssql-driver';
export { tediousConnectionFactory } from './tedious-driver';
export { MssqlIntrospector } from './mssql-introspector';
export { mssqlDialect } from './mssql-dialect';
export { mssqlTableName } from './mssql-table-name';
export { quoteMssqlIdentifier } from './quote-identifier';
