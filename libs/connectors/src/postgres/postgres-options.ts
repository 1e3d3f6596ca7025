import { hostNameProblem } from '../host-name';
import { ConnectorError } from '../spi';
import { type PostgresPoolConfig } from './postgres-pool';

/**
 * - 'off': plain TCP.
 * - 'required': TLS or no connection (the server's certificate is not checked, like sslmode=require).
 * - verify: TLS with the certificate checked against `ca` (PEM; Node's trusted roots when absent)
 *   and the host name (sslmode=verify-full).
 * Never downgraded: a server without TLS fails the connection rather than talking in clear.
 */
export type PostgresTls = 'off' | 'required' | Readonly<{ mode: 'verify'; ca?: string }>;

export type PostgresConnectorOptions = Readonly<{
  host: string;
  port?: number;
  user: string;
  /** A secret: never logged, never part of an error message. */
  password?: string;
  /** The database connected to first (the server's list of databases is read there); default `postgres`. */
  database?: string;
  tls?: PostgresTls;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  /** Connections per database. */
  poolSize?: number;
}>;

export const DEFAULT_POSTGRES_PORT = 5432;
export const DEFAULT_POSTGRES_DATABASE = 'postgres';
export const DEFAULT_POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_POSTGRES_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_POSTGRES_POOL_SIZE = 5;
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_POOL_SIZE = 100;

export type ResolvedPostgresOptions = Readonly<{
  /** The pool config of any database: the connector sets `database` per pool. */
  pool: Omit<PostgresPoolConfig, 'database'>;
  /** The database the connection names (listing databases and testing the connection happen there). */
  database: string;
  /** Whether the connection names its database: the wizard then lists only that database's schemas. */
  databaseNamed: boolean;
  /** `host:port`, what error messages name. */
  label: string;
}>;

/** Validates the options (INVALID_OPTIONS naming the bad one, never echoing the password) and builds the pool config. */
export function resolvePostgresOptions(options: PostgresConnectorOptions): ResolvedPostgresOptions {
  const host = options.host?.trim();
  if (!host) invalid('A PostgreSQL connection needs a host');
  const hostProblem = hostNameProblem(host);
  if (hostProblem !== undefined) invalid(`host ${hostProblem}`);
  if (!options.user) invalid('A PostgreSQL connection needs a user name');
  const port = options.port ?? DEFAULT_POSTGRES_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    invalid('port must be a whole number from 1 to 65535');
  const connectTimeoutMs = wholeNumber(
    'connectTimeoutMs',
    options.connectTimeoutMs,
    DEFAULT_POSTGRES_CONNECT_TIMEOUT_MS,
    MAX_TIMEOUT_MS,
  );
  const queryTimeoutMs = wholeNumber(
    'queryTimeoutMs',
    options.queryTimeoutMs,
    DEFAULT_POSTGRES_QUERY_TIMEOUT_MS,
    MAX_TIMEOUT_MS,
  );
  const poolSize = wholeNumber('poolSize', options.poolSize, DEFAULT_POSTGRES_POOL_SIZE, MAX_POOL_SIZE);
  const named = options.database?.trim();
  // A connection may name `<database>/<schema>` like an integration does: it connects to the database.
  const database = named ? named.split('/')[0] : DEFAULT_POSTGRES_DATABASE;
  if (database === '') invalid('database must name a database before any /');

  const pool: Omit<PostgresPoolConfig, 'database'> = {
    host,
    port,
    user: options.user,
    password: options.password ?? '',
    ssl: tlsConfig(options.tls ?? 'off'),
    connectionTimeoutMillis: connectTimeoutMs,
    // The server ends a statement past the limit (57014) and the session stays usable; the client's
    // own limit, a little later, covers a server that no longer answers at all.
    statement_timeout: queryTimeoutMs,
    query_timeout: Math.min(queryTimeoutMs + 5_000, MAX_TIMEOUT_MS),
    max: poolSize,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'integration-builder',
    // Every session in UTC: timestamptz values are read in UTC, and a zone-less timestamp holds UTC like
    // every zone-less date-time of the data API (see wire-format.ts).
    options: '-c TimeZone=UTC',
  };
  return { pool, database, databaseNamed: Boolean(named), label: `${host}:${port}` };
}

function tlsConfig(tls: PostgresTls): PostgresPoolConfig['ssl'] {
  if (tls === 'off') return false;
  if (tls === 'required') return { rejectUnauthorized: false };
  if (typeof tls === 'object' && tls !== null && tls.mode === 'verify') {
    if (
      tls.ca !== undefined &&
      (typeof tls.ca !== 'string' || !tls.ca.includes('-----BEGIN CERTIFICATE-----'))
    ) {
      invalid('ca must be a PEM certificate');
    }
    return { rejectUnauthorized: true, ...(tls.ca ? { ca: tls.ca } : {}) };
  }
  return invalid("tls must be 'off', 'required' or verify");
}

function wholeNumber(name: string, value: number | undefined, fallback: number, max: number): number {
  const number = value ?? fallback;
  if (!Number.isInteger(number) || number < 1 || number > max) {
    invalid(`${name} must be a whole number from 1 to ${max}`);
  }
  return number;
}

function invalid(message: string): never {
  throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
}
