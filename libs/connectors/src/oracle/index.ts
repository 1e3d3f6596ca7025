export { createOracleConnector, type OracleDriver } from './oracle-connector';
export {
  checkOracleDetails,
  openOracleConnector,
  type OracleConnectionDetails,
} from './open-oracle-connector';
export {
  DEFAULT_ORACLE_CALL_TIMEOUT_MS,
  DEFAULT_ORACLE_CONNECT_TIMEOUT_MS,
  DEFAULT_ORACLE_POOL_SIZE,
  DEFAULT_ORACLE_PORT,
  oracleConnectString,
  resolveOracleOptions,
  type OracleConnectorOptions,
  type ResolvedOracleOptions,
} from './oracle-options';
export {
  type OracleBind,
  type OracleBinds,
  type OracleConnection,
  type OracleConnectionFactory,
  type OracleOutBind,
  type OracleResult,
  type OracleRow,
} from './oracle-driver';
export { oracledbConnectionFactory } from './oracledb-driver';
export { OracleIntrospector } from './oracle-introspector';
export { oracleDialect } from './oracle-dialect';
export { quoteOracleIdentifier } from './quote-identifier';
