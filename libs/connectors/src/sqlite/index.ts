export {
  createSqliteConnector,
  DEFAULT_SQLITE_TIMEOUT_MS,
  type SqliteConnectorOptions,
} from './sqlite-connector';
export {
  nodeSqliteDriver,
  type SqliteDatabase,
  type SqliteDriver,
  type SqliteOpenOptions,
  type SqliteParameters,
  type SqliteStatement,
} from './sqlite-database';
export { SqliteIntrospector } from './sqlite-introspector';
export { resolveDatabasePath } from './resolve-database-path';
export { quoteIdentifier as quoteSqliteIdentifier } from './quote-identifier';
export { SqliteDataAccess, type SqliteDataAccessOptions } from './sqlite-data-access';
export { sqliteSqlDialect } from './sqlite-sql-dialect';
