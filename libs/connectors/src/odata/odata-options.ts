import { ConnectorError } from '../spi';

export type ODataAuth =
  | Readonly<{ kind: 'none' }>
  | Readonly<{ kind: 'basic'; username: string; password: string }>
  | Readonly<{ kind: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string }>
  | Readonly<{ kind: 'apiKey'; header: string; key: string }>;

export type ODataConnectorOptions = Readonly<{
  /** The service root, ending with `/` (`https://host/odata/v4/shop/`). */
  serviceUrl: string;
  auth: ODataAuth;
  /** Per HTTP request; a service that does not answer in time is a transient fault. */
  timeoutMs?: number;
}>;

export const DEFAULT_ODATA_TIMEOUT_MS = 30_000;
export const ODATA_AUTH_KINDS = ['basic', 'oauth2', 'apiKey', 'none'] as const;
export const DEFAULT_API_KEY_HEADER = 'APIKey';

/** A connection's stored OData details; the password (basic), client secret (oauth2) or API key travels apart. */
export type ODataConnectionDetails = Readonly<{
  url?: string;
  username?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

const ODATA_OPTIONS = new Set(['auth', 'tokenUrl', 'scope', 'apiKeyHeader', 'timeoutMs']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Maps stored details, `url` (the service root) and `options: { auth: 'basic'|'oauth2'|'apiKey'|'none',
 * tokenUrl, scope, apiKeyHeader, timeoutMs }`, to the connector's options. `username` is the basic user
 * or the OAuth client id. Refuses (INVALID_OPTIONS) what the connector could not use; `secret` may be
 * undefined when only checking.
 */
export function resolveODataOptions(
  details: ODataConnectionDetails,
  secret: string | undefined,
): ODataConnectorOptions {
  const options = details.options ?? {};
  const unknown = Object.keys(options).filter((key) => !ODATA_OPTIONS.has(key));
  if (unknown.length > 0) invalid(`Unknown OData option(s): ${unknown.join(', ')}`);
  const serviceUrl = serviceUrlOf(details.url);
  const { auth = 'basic', tokenUrl, scope, apiKeyHeader = DEFAULT_API_KEY_HEADER, timeoutMs } = options;
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && Number.isInteger(timeoutMs) && timeoutMs > 0)
  ) {
    invalid('timeoutMs must be a whole number of milliseconds');
  }
  const username = details.username ?? '';
  const common = { serviceUrl, ...(timeoutMs === undefined ? {} : { timeoutMs: timeoutMs as number }) };
  switch (auth) {
    case 'none':
      return { ...common, auth: { kind: 'none' } };
    case 'basic':
      if (username === '') invalid('Basic authentication needs a user name');
      return { ...common, auth: { kind: 'basic', username, password: secret ?? '' } };
    case 'oauth2':
      if (username === '') invalid('OAuth 2.0 client credentials need the client id (username)');
      if (scope !== undefined && typeof scope !== 'string') invalid('scope must be text');
      return {
        ...common,
        auth: {
          kind: 'oauth2',
          tokenUrl: httpUrl(tokenUrl, 'tokenUrl'),
          clientId: username,
          clientSecret: secret ?? '',
          ...(scope === undefined || scope === '' ? {} : { scope: scope as string }),
        },
      };
    case 'apiKey':
      if (typeof apiKeyHeader !== 'string' || !HEADER_NAME.test(apiKeyHeader)) {
        invalid('apiKeyHeader must be an HTTP header name');
      }
      return { ...common, auth: { kind: 'apiKey', header: apiKeyHeader as string, key: secret ?? '' } };
    default:
      return invalid(`auth must be one of ${ODATA_AUTH_KINDS.join(', ')}`);
  }
}

function serviceUrlOf(url: string | undefined): string {
  const parsed = new URL(httpUrl(url, 'url'));
  parsed.search = '';
  parsed.hash = '';
  // `$metadata` and entity sets are resolved against the root: it must end with a slash.
  if (parsed.pathname.endsWith('/$metadata')) parsed.pathname = parsed.pathname.slice(0, -'$metadata'.length);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}

function httpUrl(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    invalid(`An OData connection needs ${name} (an http(s) URL)`);
  let parsed: URL;
  try {
    parsed = new URL(value as string);
  } catch {
    return invalid(`${name} must be an http(s) URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') invalid(`${name} must be an http(s) URL`);
  // Credentials in the URL would be stored and shown as details: they belong in the secret.
  if (parsed.username !== '' || parsed.password !== '') invalid(`${name} must not hold credentials`);
  return parsed.toString();
}

function invalid(message: string): never {
  throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', message);
}
