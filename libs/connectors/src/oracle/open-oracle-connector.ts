import { ConnectorError, type Connector } from '../spi';
import { createOracleConnector, type OracleDriver } from './oracle-connector';
import { resolveOracleOptions, type OracleConnectorOptions } from './oracle-options';
import { oracledbConnectionFactory } from './oracledb-driver';

/** An Oracle connection's stored details (see ConnectorDetails); the password travels apart. */
export type OracleConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  /** The service name (`FREEPDB1`): what Oracle's Easy Connect calls the database. */
  database?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

const ORACLE_OPTIONS = new Set(['tls', 'connectTimeoutMs', 'callTimeoutMs', 'poolSize']);

type OptionType = 'boolean' | 'number';
type OptionValue<T extends OptionType> = T extends 'boolean' ? boolean : number;

/**
 * Maps stored connection details, `database` being the service name and `options: { tls,
 * connectTimeoutMs, callTimeoutMs, poolSize }`, to an Oracle connector. An unknown option is refused,
 * not ignored.
 */
export function openOracleConnector(
  details: OracleConnectionDetails,
  password: string | undefined,
  driver: OracleDriver = oracledbConnectionFactory,
): Connector {
  return createOracleConnector(oracleOptionsOf(details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkOracleDetails(details: OracleConnectionDetails): void {
  resolveOracleOptions(oracleOptionsOf(details, undefined));
}

function oracleOptionsOf(
  details: OracleConnectionDetails,
  password: string | undefined,
): OracleConnectorOptions {
  if (!details.host || !details.username) throw invalid('An Oracle connection needs a host and a user name');
  if (!details.database)
    throw invalid('An Oracle connection needs the service name of its database (database)');
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !ORACLE_OPTIONS.has(key));
  if (unknown.length > 0) throw invalid(`Unknown Oracle option(s): ${unknown.join(', ')}`);
  const option = <T extends OptionType>(name: string, type: T): OptionValue<T> | undefined => {
    const value = options[name];
    if (value !== undefined && typeof value !== type) throw invalid(`${name} must be a ${type}`);
    return value as OptionValue<T> | undefined;
  };
  return {
    host: details.host,
    port: details.port,
    serviceName: details.database,
    user: details.username,
    password,
    tls: option('tls', 'boolean'),
    connectTimeoutMs: option('connectTimeoutMs', 'number'),
    callTimeoutMs: option('callTimeoutMs', 'number'),
    poolSize: option('poolSize', 'number'),
  };
}

const invalid = (message: string) => new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
