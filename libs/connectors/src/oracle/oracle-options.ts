import { hostNameProblem } from '../host-name';
import { ConnectorError } from '../spi';

export type OracleConnectorOptions = Readonly<{
  /** Host name or address of the listener. */
  host: string;
  /** Listener port (default 1521). */
  port?: number;
  /** The database service name (`FREEPDB1`, `ORCLPDB1`, `orders.example.com`). */
  serviceName: string;
  user: string;
  /** A secret: never logged nor part of an error message. */
  password?: string;
  /**
   * TLS (`tcps`) for the whole session, the certificate verified against this machine's CAs and the
   * host name (default false). Never downgraded: a listener without TLS fails the connection.
   */
  tls?: boolean;
  connectTimeoutMs?: number;
  /** Longest a single round trip (statement, fetch) may take (oracledb's callTimeout). */
  callTimeoutMs?: number;
  /** Most connections the pool opens (default 10). */
  poolSize?: number;
}>;

/** The options with every default applied; what the driver is configured from. */
export type ResolvedOracleOptions = Readonly<{
  host: string;
  port: number;
  serviceName: string;
  user: string;
  password: string;
  tls: boolean;
  connectTimeoutMs: number;
  callTimeoutMs: number;
  poolSize: number;
}>;

export const DEFAULT_ORACLE_PORT = 1521;
export const DEFAULT_ORACLE_CONNECT_TIMEOUT_MS = 15_000;
export const DEFAULT_ORACLE_CALL_TIMEOUT_MS = 30_000;
export const DEFAULT_ORACLE_POOL_SIZE = 10;
const MAX_TIMEOUT_MS = 2_147_483_647;
/** What an Easy Connect service name may hold: no `/`, `:`, `?`, `(`, `)`, `=`, quotes or spaces. */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.$#-]*$/;

/** Applies defaults and refuses contradictory or out-of-range options (INVALID_OPTIONS), never guessing. */
export function resolveOracleOptions(options: OracleConnectorOptions): ResolvedOracleOptions {
  if (typeof options.host !== 'string' || options.host.trim() === '') {
    throw invalid('An Oracle connection needs the listener host');
  }
  const hostProblem = hostNameProblem(options.host.trim());
  if (hostProblem !== undefined) throw invalid(`host ${hostProblem}`);
  if (typeof options.user !== 'string' || options.user === '') {
    throw invalid('An Oracle connection needs a user name');
  }
  if (typeof options.serviceName !== 'string' || options.serviceName.trim() === '') {
    throw invalid('An Oracle connection needs the service name of its database (as database)');
  }
  const serviceName = options.serviceName.trim();
  // The service name is spliced into the connect string: anything that could add a parameter is refused.
  if (serviceName.length > 255 || !SERVICE_NAME.test(serviceName)) {
    throw invalid('database must be a service name: letters, digits, _ . $ # - (no spaces, / or :)');
  }
  const port = options.port ?? DEFAULT_ORACLE_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw invalid('port must be a whole number from 1 to 65535');
  }
  if (options.tls !== undefined && typeof options.tls !== 'boolean')
    throw invalid('tls must be true or false');
  const poolSize = options.poolSize ?? DEFAULT_ORACLE_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1_000) {
    throw invalid('poolSize must be a whole number from 1 to 1000');
  }
  return {
    host: options.host.trim(),
    port,
    serviceName,
    user: options.user,
    password: options.password ?? '',
    tls: options.tls ?? false,
    connectTimeoutMs: timeout(
      'connectTimeoutMs',
      options.connectTimeoutMs,
      DEFAULT_ORACLE_CONNECT_TIMEOUT_MS,
    ),
    callTimeoutMs: timeout('callTimeoutMs', options.callTimeoutMs, DEFAULT_ORACLE_CALL_TIMEOUT_MS),
    poolSize,
  };
}

/**
 * The Easy Connect string: `host:port/service`, or `tcps://host:port/service` with TLS. An IPv6
 * address is bracketed.
 */
export function oracleConnectString(options: ResolvedOracleOptions): string {
  const host =
    options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return `${options.tls ? 'tcps://' : ''}${host}:${options.port}/${options.serviceName}`;
}

/** How the connection is named in messages: host, port and service. Never the password. */
export function oracleLabel(options: ResolvedOracleOptions): string {
  return `${options.host}:${options.port}/${options.serviceName}`;
}

function timeout(name: string, value: number | undefined, fallback: number): number {
  const ms = value ?? fallback;
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw invalid(`${name} must be a whole, positive number of milliseconds`);
  }
  return ms;
}

const invalid = (message: string) => new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
