export { createMysqlConnector, MysqlSession } from './mysql-connector';
export {
  DEFAULT_MYSQL_CONNECT_TIMEOUT_MS,
  DEFAULT_MYSQL_POOL_SIZE,
  DEFAULT_MYSQL_PORT,
  DEFAULT_MYSQL_QUERY_TIMEOUT_MS,
  type MysqlConnectorOptions,
  type MysqlTls,
} from './mysql-options';
export { mysql2Driver, type MysqlDriver, type MysqlPool, type MysqlPoolConfig } from './mysql-pool';
export { MysqlIntrospector } from './mysql-introspector';
export { quoteIdentifier as quoteMysqlIdentifier } from './quote-identifier';
export { checkMysqlDetails, openMysqlConnector, type MysqlConnectionDetails } from './open-mysql-connector';
export { mysqlSqlDialect } from './mysql-sql-dialect';
export { MysqlDataAccess } from './mysql-data-access';
