import { hostNameProblem } from '../host-name';
import { ConnectorError } from '../spi';

export type MssqlConnectorOptions = Readonly<{
  /** Host name or address of the server. */
  server: string;
  /** TCP port (default 1433); not allowed together with `instanceName`. */
  port?: number;
  /** A named instance, found through the SQL Server Browser (UDP 1434); then no port. */
  instanceName?: string;
  /** The database connections open; introspection can still read other databases by name. */
  database?: string;
  user: string;
  /** A secret: never logged nor part of an error message. */
  password?: string;
  /** TLS for the whole session (default true). */
  encrypt?: boolean;
  /** Accept any server certificate (default false). Only ever on when the user asked for it. */
  trustServerCertificate?: boolean;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Most connections the pool opens (default 10). */
  poolSize?: number;
}>;

/** The options with every default applied; what the driver is configured from. */
export type ResolvedMssqlOptions = Readonly<{
  server: string;
  port?: number;
  instanceName?: string;
  database?: string;
  user: string;
  password: string;
  encrypt: boolean;
  trustServerCertificate: boolean;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  poolSize: number;
}>;

export const DEFAULT_MSSQL_PORT = 1433;
export const DEFAULT_MSSQL_CONNECT_TIMEOUT_MS = 15_000;
export const DEFAULT_MSSQL_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_MSSQL_POOL_SIZE = 10;
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Applies defaults and refuses contradictory or out-of-range options (INVALID_OPTIONS), never guessing. */
export function resolveMssqlOptions(options: MssqlConnectorOptions): ResolvedMssqlOptions {
  const invalid = (message: string) => new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
  if (typeof options.server !== 'string' || options.server.trim() === '') {
    throw invalid('A SQL Server connection needs the server host');
  }
  const hostProblem = hostNameProblem(options.server.trim());
  if (hostProblem !== undefined) throw invalid(`host ${hostProblem}`);
  if (typeof options.user !== 'string' || options.user === '') {
    throw invalid('A SQL Server connection needs a user name');
  }
  if (options.instanceName !== undefined && options.port !== undefined) {
    // The instance's port comes from the SQL Server Browser; a second port would contradict it.
    throw invalid('Give either a port or an instance name, not both');
  }
  if (options.instanceName !== undefined && options.instanceName.trim() === '') {
    throw invalid('instanceName cannot be empty');
  }
  const port = options.instanceName === undefined ? (options.port ?? DEFAULT_MSSQL_PORT) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
    throw invalid('port must be a whole number from 1 to 65535');
  }
  for (const [name, value] of [
    ['encrypt', options.encrypt],
    ['trustServerCertificate', options.trustServerCertificate],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
  }
  const connectTimeoutMs = timeout(
    'connectTimeoutMs',
    options.connectTimeoutMs,
    DEFAULT_MSSQL_CONNECT_TIMEOUT_MS,
  );
  const requestTimeoutMs = timeout(
    'requestTimeoutMs',
    options.requestTimeoutMs,
    DEFAULT_MSSQL_REQUEST_TIMEOUT_MS,
  );
  const poolSize = options.poolSize ?? DEFAULT_MSSQL_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1_000) {
    throw invalid('poolSize must be a whole number from 1 to 1000');
  }
  return {
    server: options.server.trim(),
    ...(port === undefined ? {} : { port }),
    ...(options.instanceName === undefined ? {} : { instanceName: options.instanceName.trim() }),
    ...(options.database === undefined || options.database === '' ? {} : { database: options.database }),
    user: options.user,
    password: options.password ?? '',
    encrypt: options.encrypt ?? true,
    trustServerCertificate: options.trustServerCertificate ?? false,
    connectTimeoutMs,
    requestTimeoutMs,
    poolSize,
  };

  function timeout(name: string, value: number | undefined, fallback: number): number {
    const ms = value ?? fallback;
    if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
      throw invalid(`${name} must be a whole, positive number of milliseconds`);
    }
    return ms;
  }
}

/** How the connection is named in messages: server, instance or port, database. Never the password. */
export function mssqlLabel(options: ResolvedMssqlOptions): string {
  const where = options.instanceName
    ? `${options.server}\\${options.instanceName}`
    : `${options.server}:${options.port ?? DEFAULT_MSSQL_PORT}`;
  return options.database ? `${where}/${options.database}` : where;
}
