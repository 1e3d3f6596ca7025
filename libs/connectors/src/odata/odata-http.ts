import { mapFetchFailure, mapODataError, type ODataRequestKind } from './map-odata-error';
import { DEFAULT_ODATA_TIMEOUT_MS, type ODataConnectorOptions } from './odata-options';

/** The part of `fetch` the connector uses; a spec injects a recorded service. */
export type ODataFetch = (url: string, init: RequestInit) => Promise<Response>;

export type ODataRequest = Readonly<{
  method: 'GET' | 'POST' | 'PATCH' | 'MERGE' | 'PUT' | 'DELETE';
  /** Relative to the service root, or an absolute URL the service gave (`@odata.nextLink`). */
  path: string;
  kind: ODataRequestKind;
  entitySet?: string;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** Statuses the caller handles itself (404 of an entity read by key); others are mapped to errors. */
  accept?: readonly number[];
}>;

export type ODataResponse = Readonly<{ status: number; headers: Headers; text: string }>;

/**
 * The language the connector asks for (labels of `$metadata`, the service's messages): the product's.
 * Without it `fetch` sends `Accept-Language: *`, which CAP's v2 adapter answers with a 500 on `$metadata`
 * (it reads the wildcard as "every language" and fails to write the result).
 */
const ACCEPT_LANGUAGE = 'en';

/** Refresh a token this long before the expiry it was given with. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * HTTP to one OData service: the service root, authentication (basic, OAuth 2.0 client credentials
 * with the token kept until shortly before it expires, an API-key header), SAP's CSRF handshake (a
 * write answered `403` with `x-csrf-token: Required` fetches a token with a GET and is sent again once,
 * with the session cookies the token belongs to), a time limit per request and errors mapped
 * (map-odata-error.ts). Secrets are only ever in request headers.
 */
export class ODataHttp {
  readonly label: string;
  private csrfToken?: string;
  private readonly cookies = new Map<string, string>();
  private token?: Readonly<{ value: string; expiresAt: number }>;

  constructor(
    private readonly options: ODataConnectorOptions,
    private readonly fetcher: ODataFetch = (url, init) => fetch(url, init),
    private readonly now: () => number = Date.now,
  ) {
    const url = new URL(options.serviceUrl);
    this.label = `${url.host}${url.pathname}`;
  }

  get serviceUrl(): string {
    return this.options.serviceUrl;
  }

  async request(request: ODataRequest): Promise<ODataResponse> {
    const write = request.method !== 'GET';
    let response = await this.send(request);
    if (response.status === 401 && this.options.auth.kind === 'oauth2') {
      this.token = undefined;
      response = await this.send(request);
    }
    if (write && response.status === 403 && /required/i.test(response.headers.get('x-csrf-token') ?? '')) {
      await this.fetchCsrfToken();
      response = await this.send(request);
    }
    if (response.status >= 400 && !(request.accept ?? []).includes(response.status)) {
      throw mapODataError(response.status, response.text, request.kind, this.label, request.entitySet);
    }
    return response;
  }

  /** GET, then the body as JSON (an answer that is not JSON is the service misbehaving). */
  async json<T>(
    request: Omit<ODataRequest, 'method'>,
  ): Promise<{ status: number; body?: T; headers: Headers }> {
    const response = await this.request({ ...request, method: 'GET' });
    return { status: response.status, headers: response.headers, body: parseJson<T>(response.text) };
  }

  private async send(request: ODataRequest): Promise<ODataResponse> {
    const url = onServiceOrigin(request.path, this.options.serviceUrl);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': ACCEPT_LANGUAGE,
      ...(await this.authHeaders()),
      ...request.headers,
    };
    if (request.method !== 'GET' && this.csrfToken !== undefined) headers['x-csrf-token'] = this.csrfToken;
    if (this.cookies.size > 0)
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await this.fetch(url, { method: request.method, headers, body });
    this.keepCookies(response.headers);
    return { status: response.status, headers: response.headers, text: await this.readText(response) };
  }

  private async fetchCsrfToken(): Promise<void> {
    const headers = {
      Accept: 'application/json',
      'Accept-Language': ACCEPT_LANGUAGE,
      'x-csrf-token': 'fetch',
      ...(await this.authHeaders()),
    };
    const response = await this.fetch(this.options.serviceUrl, { method: 'GET', headers });
    this.keepCookies(response.headers);
    await this.readText(response);
    if (response.status >= 400) {
      throw mapODataError(response.status, '', 'metadata', this.label);
    }
    const token = response.headers.get('x-csrf-token');
    if (token !== null && token !== '' && !/required|fetch/i.test(token)) this.csrfToken = token;
  }

  private async authHeaders(): Promise<Record<string, string>> {
    const { auth } = this.options;
    switch (auth.kind) {
      case 'none':
        return {};
      case 'basic':
        return {
          Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`,
        };
      case 'apiKey':
        return { [auth.header]: auth.key };
      case 'oauth2':
        return { Authorization: `Bearer ${await this.accessToken(auth)}` };
    }
  }

  private async accessToken(
    auth: Extract<ODataConnectorOptions['auth'], { kind: 'oauth2' }>,
  ): Promise<string> {
    if (this.token !== undefined && this.token.expiresAt > this.now()) return this.token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
      ...(auth.scope === undefined ? {} : { scope: auth.scope }),
    });
    const response = await this.fetch(auth.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
    });
    const text = await this.readText(response);
    if (response.status >= 400) {
      // A token endpoint answers a wrong secret with 400 invalid_client as often as with 401.
      throw mapODataError(response.status === 400 ? 401 : response.status, text, 'token', this.label);
    }
    const body = parseJson<{ access_token?: unknown; expires_in?: unknown }>(text);
    if (typeof body?.access_token !== 'string') {
      throw mapODataError(401, '', 'token', this.label);
    }
    const lifetimeMs =
      (typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600)) * 1000;
    this.token = {
      value: body.access_token,
      expiresAt: this.now() + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS),
    };
    return this.token.value;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetcher(url, {
        ...init,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_ODATA_TIMEOUT_MS),
      });
    } catch (error) {
      throw mapFetchFailure(error, this.label);
    }
  }

  private async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw mapFetchFailure(error, this.label);
    }
  }

  private keepCookies(headers: Headers): void {
    for (const cookie of headers.getSetCookie?.() ?? []) {
      const pair = cookie.split(';', 1)[0];
      const equals = pair.indexOf('=');
      if (equals > 0) this.cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
    }
  }
}

/**
 * A path relative to the service root, or a link the service gave (`@odata.nextLink`, `__next`), as a
 * URL on the service's own origin. Services name themselves as they see themselves: CAP's v2 adapter
 * writes `localhost`, SAP Gateway behind a Web Dispatcher its internal host; the connector keeps the
 * path and query and sends them where it was told to, so the credentials never go to another host.
 */
export function onServiceOrigin(path: string, serviceUrl: string): string {
  const url = new URL(path, serviceUrl);
  const { origin } = new URL(serviceUrl);
  return url.origin === origin ? url.toString() : `${origin}${url.pathname}${url.search}`;
}

export function parseJson<T>(text: string): T | undefined {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
