import { ConnectorError } from './spi';

/** A database server connection's stored details (see ConnectorDetails); the password travels apart. */
export type ServerConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

/** 'verify' checks the server's certificate (against `ca` when given); nothing is ever downgraded. */
export type ServerTls = 'off' | 'required' | Readonly<{ mode: 'verify'; ca?: string }>;

/** What MySQL's and PostgreSQL's connectors are opened with, from the details and the password. */
export type ServerConnectorOptions = Readonly<{
  host: string;
  port?: number;
  user: string;
  /** A secret: never logged, never part of an error message. */
  password?: string;
  database?: string;
  tls: ServerTls;
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
  poolSize?: number;
}>;

const SERVER_OPTIONS = new Set(['tls', 'ca', 'connectTimeoutMs', 'queryTimeoutMs', 'poolSize']);
const TLS_MODES = new Set(['off', 'required', 'verify']);

/**
 * Maps stored details, `options: { tls: 'off'|'required'|'verify', ca, connectTimeoutMs, queryTimeoutMs,
 * poolSize }`, to a server connector's options. An option it does not know is refused rather than
 * ignored (a user who set one believes in it); tls defaults to 'off'. `product` names the server in
 * the messages (MySQL, PostgreSQL).
 */
export function serverOptionsOf(
  product: string,
  details: ServerConnectionDetails,
  password: string | undefined,
): ServerConnectorOptions {
  if (!details.host || !details.username) invalid(`A ${product} connection needs a host and a user name`);
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !SERVER_OPTIONS.has(key));
  if (unknown.length > 0) invalid(`Unknown ${product} option(s): ${unknown.join(', ')}`);
  const { tls = 'off', ca } = options;
  if (typeof tls !== 'string' || !TLS_MODES.has(tls)) invalid("tls must be 'off', 'required' or 'verify'");
  if (ca !== undefined && (typeof ca !== 'string' || tls !== 'verify')) {
    invalid("ca must be a PEM certificate, used with tls 'verify'");
  }
  return {
    host: details.host,
    port: details.port,
    user: details.username,
    password,
    database: details.database,
    tls: tls === 'verify' ? { mode: 'verify', ca } : (tls as 'off' | 'required'),
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
