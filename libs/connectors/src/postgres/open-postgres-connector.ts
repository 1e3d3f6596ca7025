import { ConnectorError, type Connector } from '../spi';
import { createPostgresConnector } from './postgres-connector';
import { type PostgresConnectorOptions, type PostgresTls, resolvePostgresOptions } from './postgres-options';
import { pgDriver, type PostgresDriver } from './postgres-pool';

/** A PostgreSQL connection's stored details (see ConnectorDetails); the password travels apart. */
export type PostgresConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

const POSTGRES_OPTIONS = new Set(['tls', 'ca', 'connectTimeoutMs', 'queryTimeoutMs', 'poolSize']);
const TLS_MODES = new Set(['off', 'required', 'verify']);

/**
 * Maps stored connection details, `options: { tls: 'off'|'required'|'verify', ca, connectTimeoutMs,
 * queryTimeoutMs, poolSize }`, to a PostgreSQL connector. An option it does not know is refused rather
 * than ignored (a user who set one believes in it); tls defaults to 'off'.
 */
export function openPostgresConnector(
  details: PostgresConnectionDetails,
  password: string | undefined,
  driver: PostgresDriver = pgDriver,
): Connector {
  return createPostgresConnector(postgresOptionsOf(details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkPostgresDetails(details: PostgresConnectionDetails): void {
  resolvePostgresOptions(postgresOptionsOf(details, undefined));
}

function postgresOptionsOf(
  details: PostgresConnectionDetails,
  password: string | undefined,
): PostgresConnectorOptions {
  if (!details.host || !details.username) invalid('A PostgreSQL connection needs a host and a user name');
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !POSTGRES_OPTIONS.has(key));
  if (unknown.length > 0) invalid(`Unknown PostgreSQL option(s): ${unknown.join(', ')}`);
  const { tls = 'off', ca } = options;
  if (typeof tls !== 'string' || !TLS_MODES.has(tls)) invalid("tls must be 'off', 'required' or 'verify'");
  if (ca !== undefined && (typeof ca !== 'string' || tls !== 'verify')) {
    invalid("ca must be a PEM certificate, used with tls 'verify'");
  }
  const postgresTls: PostgresTls = tls === 'verify' ? { mode: 'verify', ca } : (tls as 'off' | 'required');
  return {
    host: details.host,
    port: details.port,
    user: details.username,
    password,
    database: details.database,
    tls: postgresTls,
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
