import { ConnectorError, type Connector } from '../spi';
import { createMysqlConnector } from './mysql-connector';
import { type MysqlConnectorOptions, type MysqlTls, resolveMysqlOptions } from './mysql-options';
import { mysql2Driver, type MysqlDriver } from './mysql-pool';

/** A MySQL connection's stored details (see ConnectorDetails); the password travels apart. */
export type MysqlConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

const MYSQL_OPTIONS = new Set(['tls', 'ca', 'connectTimeoutMs', 'queryTimeoutMs', 'poolSize']);
const TLS_MODES = new Set(['off', 'required', 'verify']);

/**
 * Maps stored connection details, `options: { tls: 'off'|'required'|'verify', ca, connectTimeoutMs,
 * queryTimeoutMs, poolSize }`, to a MySQL connector. An option it does not know is refused rather than
 * ignored (a user who set one believes in it); tls defaults to 'off'.
 */
export function openMysqlConnector(
  details: MysqlConnectionDetails,
  password: string | undefined,
  driver: MysqlDriver = mysql2Driver,
): Connector {
  return createMysqlConnector(mysqlOptionsOf(details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkMysqlDetails(details: MysqlConnectionDetails): void {
  resolveMysqlOptions(mysqlOptionsOf(details, undefined));
}

function mysqlOptionsOf(
  details: MysqlConnectionDetails,
  password: string | undefined,
): MysqlConnectorOptions {
  if (!details.host || !details.username) invalid('A MySQL connection needs a host and a user name');
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !MYSQL_OPTIONS.has(key));
  if (unknown.length > 0) invalid(`Unknown MySQL option(s): ${unknown.join(', ')}`);
  const { tls = 'off', ca } = options;
  if (typeof tls !== 'string' || !TLS_MODES.has(tls)) invalid("tls must be 'off', 'required' or 'verify'");
  if (ca !== undefined && (typeof ca !== 'string' || tls !== 'verify')) {
    invalid("ca must be a PEM certificate, used with tls 'verify'");
  }
  const mysqlTls: MysqlTls = tls === 'verify' ? { mode: 'verify', ca } : (tls as 'off' | 'required');
  return {
    host: details.host,
    port: details.port,
    user: details.username,
    password,
    database: details.database,
    tls: mysqlTls,
    connectTimeoutMs: numberOption(options, 'connectTimeoutMs'),
    queryTimeoutMs: numberOption(options, 'queryTimeoutMs'),
    poolSize: numberOption(options, 'poolSize'),
  };
}

function numberOption(options: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = options[name];
  if (value !== undefined && typeof value !== 'number') invalid(`${name} must be a whole number`);
  return value as number | undefined;
}

function invalid(message: string): never {
  throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
}
