import { hostNameProblem } from '../host-name';
import { ConnectorError } from '../spi';
import { type MysqlPoolConfig } from './mysql-pool';

/**
 * - 'off': plain TCP.
 * - 'required': TLS or no connection (the server's certificate is not checked, like ssl-mode=REQUIRED).
 * - verify: TLS with the certificate checked against `ca` (PEM; Node's trusted roots when absent)
 *   and the host name (ssl-mode=VERIFY_IDENTITY).
 * Never downgraded: a server without TLS fails the connection rather than talking in clear.
 */
export type MysqlTls = 'off' | 'required' | Readonly<{ mode: 'verify'; ca?: string }>;

export type MysqlConnectorOptions = Readonly<{
  host: string;
  port?: number;
  user: string;
  /** A secret: never logged, never part of an error message. */
  password?: string;
  /** The default database of the pool's connections (catalog queries name theirs explicitly). */
  database?: string;
  tls?: MysqlTls;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  poolSize?: number;
}>;

export const DEFAULT_MYSQL_PORT = 3306;
export const DEFAULT_MYSQL_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MYSQL_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_MYSQL_POOL_SIZE = 5;
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_POOL_SIZE = 100;

export type ResolvedMysqlOptions = Readonly<{
  pool: MysqlPoolConfig;
  queryTimeoutMs: number;
  /** `host:port`, what error messages name. */
  label: string;
}>;

/** Validates the options (INVALID_OPTIONS naming the bad one, never echoing the password) and builds the pool config. */
export function resolveMysqlOptions(options: MysqlConnectorOptions): ResolvedMysqlOptions {
  const host = options.host?.trim();
  if (!host) invalid('A MySQL connection needs a host');
  const hostProblem = hostNameProblem(host);
  if (hostProblem !== undefined) invalid(`host ${hostProblem}`);
  if (!options.user) invalid('A MySQL connection needs a user name');
  const port = options.port ?? DEFAULT_MYSQL_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    invalid('port must be a whole number from 1 to 65535');
  const connectTimeoutMs = wholeNumber(
    'connectTimeoutMs',
    options.connectTimeoutMs,
    DEFAULT_MYSQL_CONNECT_TIMEOUT_MS,
    MAX_TIMEOUT_MS,
  );
  const queryTimeoutMs = wholeNumber(
    'queryTimeoutMs',
    options.queryTimeoutMs,
    DEFAULT_MYSQL_QUERY_TIMEOUT_MS,
    MAX_TIMEOUT_MS,
  );
  const poolSize = wholeNumber('poolSize', options.poolSize, DEFAULT_MYSQL_POOL_SIZE, MAX_POOL_SIZE);

  const pool: MysqlPoolConfig = {
    host,
    port,
    user: options.user,
    password: options.password ?? '',
    ...(options.database ? { database: options.database } : {}),
    ...tlsConfig(options.tls ?? 'off'),
    connectTimeout: connectTimeoutMs,
    connectionLimit: poolSize,
    maxIdle: poolSize,
    waitForConnections: true,
    queueLimit: 0,
    enableKeepAlive: true,
    // Values keep their precision: DECIMAL as text, BIGINT as a number only while it is exact,
    // DATE/DATETIME/TIMESTAMP as the server's text (no time zone guessed).
    // MysqlDataAccess.find relies on these to pass such rows through undecoded (readAsIs there).
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: false,
    dateStrings: true,
    // MySQL's JSON type as text, like MariaDB's (a LONGTEXT there).
    jsonStrings: true,
    multipleStatements: false,
    // Data statements are prepared and cached per connection; the server caps them for all sessions
    // together (max_prepared_stmt_count, 16382 by default), so each connection keeps a few hundred.
    maxPreparedStatements: 256,
    charset: 'utf8mb4',
    // No caller stack captured into every call (mysql2/promise does it by default, a few % of a
    // 100-row page): errors keep their code and message, which is all the error mapping reads.
    trace: false,
  };
  return { pool, queryTimeoutMs, label: `${host}:${port}` };
}

function tlsConfig(tls: MysqlTls): Pick<MysqlPoolConfig, 'ssl'> {
  if (tls === 'off') return {};
  if (tls === 'required') return { ssl: { rejectUnauthorized: false } };
  if (typeof tls === 'object' && tls !== null && tls.mode === 'verify') {
    if (
      tls.ca !== undefined &&
      (typeof tls.ca !== 'string' || !tls.ca.includes('-----BEGIN CERTIFICATE-----'))
    ) {
      invalid('ca must be a PEM certificate');
    }
    return { ssl: { rejectUnauthorized: true, ...(tls.ca ? { ca: tls.ca } : {}) } };
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
