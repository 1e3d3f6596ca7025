import { ConnectorError, type Connector } from '../spi';
import { createMssqlConnector, type MssqlDriver } from './mssql-connector';
import { type MssqlConnectorOptions, resolveMssqlOptions } from './mssql-options';
import { tediousConnectionFactory } from './tedious-driver';

/** A SQL Server connection's stored details (see ConnectorDetails); the password travels apart. */
export type MssqlConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

const MSSQL_OPTIONS = new Set([
  'instanceName',
  'encrypt',
  'trustServerCertificate',
  'connectTimeoutMs',
  'requestTimeoutMs',
  'poolSize',
]);

type OptionType = 'string' | 'boolean' | 'number';
type OptionValue<T extends OptionType> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;

/**
 * Maps stored connection details, `options: { instanceName, encrypt, trustServerCertificate,
 * connectTimeoutMs, requestTimeoutMs, poolSize }`, to a SQL Server connector. TLS is on and the
 * certificate verified unless the user said otherwise; an unknown option is refused, not ignored.
 */
export function openMssqlConnector(
  details: MssqlConnectionDetails,
  password: string | undefined,
  driver: MssqlDriver = tediousConnectionFactory,
): Connector {
  return createMssqlConnector(mssqlOptionsOf(details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkMssqlDetails(details: MssqlConnectionDetails): void {
  resolveMssqlOptions(mssqlOptionsOf(details, undefined));
}

function mssqlOptionsOf(
  details: MssqlConnectionDetails,
  password: string | undefined,
): MssqlConnectorOptions {
  if (!details.host || !details.username) {
    throw invalid('A SQL Server connection needs a host and a user name');
  }
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !MSSQL_OPTIONS.has(key));
  if (unknown.length > 0) throw invalid(`Unknown SQL Server option(s): ${unknown.join(', ')}`);
  const option = <T extends OptionType>(name: string, type: T): OptionValue<T> | undefined => {
    const value = options[name];
    if (value !== undefined && typeof value !== type) throw invalid(`${name} must be a ${type}`);
    return value as OptionValue<T> | undefined;
  };
  return {
    server: details.host,
    port: details.port,
    instanceName: option('instanceName', 'string'),
    database: details.database,
    user: details.username,
    password,
    encrypt: option('encrypt', 'boolean'),
    trustServerCertificate: option('trustServerCertificate', 'boolean'),
    connectTimeoutMs: option('connectTimeoutMs', 'number'),
    requestTimeoutMs: option('requestTimeoutMs', 'number'),
    poolSize: option('poolSize', 'number'),
  };
}

const invalid = (message: string) => new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
