import { ConnectorError, DataConstraintError, DataValidationError } from '../spi';
import { mapODataError } from './map-odata-error';
import { fakeODataService, type FakeAnswer } from './odata-fake-service';
import { ODataHttp, onServiceOrigin } from './odata-http';
import { type ODataAuth } from './odata-options';

const SERVICE = 'https://gw.example.com/sap/opu/odata/sap/GWSAMPLE_BASIC/';

const http = (auth: ODataAuth, answer: Parameters<typeof fakeODataService>[1], now = () => 0) => {
  const service = fakeODataService(SERVICE, answer);
  return { ...service, client: new ODataHttp({ serviceUrl: SERVICE, auth }, service.fetch, now) };
};

describe('OData HTTP: authentication and SAP CSRF tokens', () => {
  it('given SAP asks for a CSRF token, when a write is sent, then a token is fetched with its cookies and the write sent again once', async () => {
    const { client, requests } = http(
      { kind: 'basic', username: 'u', password: 'p' },
      ({ method, headers }): FakeAnswer => {
        if (method === 'GET' && headers['x-csrf-token'] === 'fetch')
          return {
            status: 200,
            headers: { 'x-csrf-token': 'T0KEN', 'set-cookie': 'SAP_SESSIONID=abc; path=/' },
          };
        if (headers['x-csrf-token'] !== 'T0KEN')
          return {
            status: 403,
            headers: { 'x-csrf-token': 'Required' },
            body: 'CSRF token validation failed',
          };
        return { status: 201, body: { d: { SalesOrderID: '1' } } };
      },
    );
    const answer = await client.request({ method: 'POST', path: 'SalesOrderSet', kind: 'create', body: {} });
    expect(answer.status).toBe(201);
    expect(requests.map((r) => `${r.method} ${r.headers['x-csrf-token'] ?? '-'}`)).toEqual([
      'POST -',
      'GET fetch',
      'POST T0KEN',
    ]);
    expect(requests[2].headers.cookie).toBe('SAP_SESSIONID=abc');

    await client.request({ method: 'DELETE', path: "SalesOrderSet('1')", kind: 'change' });
    expect(requests).toHaveLength(4);
    expect(requests[3].headers['x-csrf-token']).toBe('T0KEN');
  });

  it('given any request, when sent, then it names its language, never the wildcard fetch would send', async () => {
    const { client, requests } = http({ kind: 'none' }, () => ({ body: '<edmx:Edmx/>' }));
    await client.request({ method: 'GET', path: '$metadata', kind: 'metadata' });
    expect(requests[0].headers['accept-language']).toBe('en');
  });

  it("given a next link naming another host, when followed, then its path and query go to the service's own origin with the credentials", async () => {
    const { client, requests } = http({ kind: 'basic', username: 'u', password: 'p' }, () => ({
      body: { d: { results: [] } },
    }));
    await client.request({
      method: 'GET',
      path: 'http://localhost:4004/sap/opu/odata/sap/GWSAMPLE_BASIC/SalesOrderSet?$skiptoken=2',
      kind: 'collection',
    });
    expect(requests[0].url).toBe(`${SERVICE}SalesOrderSet?$skiptoken=2`);
  });

  it('given OAuth client credentials, when two requests are sent, then one token is fetched and sent as bearer', async () => {
    let clock = 0;
    const { client, requests } = http(
      {
        kind: 'oauth2',
        tokenUrl: 'https://login.example.com/token',
        clientId: 'app',
        clientSecret: 's3cret',
        scope: 'https://org.crm.dynamics.com/.default',
      },
      ({ url }) =>
        url.startsWith('https://login.example.com')
          ? { body: { access_token: 'AT', expires_in: 3600, token_type: 'Bearer' } }
          : { body: { value: [] } },
      () => clock,
    );
    await client.json({ path: 'accounts', kind: 'collection' });
    await client.json({ path: 'contacts', kind: 'collection' });
    expect(requests.map((r) => r.url)).toEqual([
      'https://login.example.com/token',
      `${SERVICE}accounts`,
      `${SERVICE}contacts`,
    ]);
    expect(new URLSearchParams(requests[0].body)).toEqual(
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'app',
        client_secret: 's3cret',
        scope: 'https://org.crm.dynamics.com/.default',
      }),
    );
    expect(requests[1].headers.authorization).toBe('Bearer AT');
    clock = 3_600_000;
    await client.json({ path: 'accounts', kind: 'collection' });
    expect(requests.filter((r) => r.url.startsWith('https://login'))).toHaveLength(2);
  });

  it('given a wrong client secret, when the token is asked for, then AUTH_FAILED without the secret', async () => {
    const { client } = http(
      {
        kind: 'oauth2',
        tokenUrl: 'https://login.example.com/token',
        clientId: 'app',
        clientSecret: 's3cret',
      },
      () => ({ status: 400, body: { error: 'invalid_client', error_description: 'bad secret s3cret' } }),
    );
    const error = await client
      .json({ path: 'accounts', kind: 'collection' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED' });
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('given an API key, when a request is sent, then the key travels in its header', async () => {
    const { client, requests } = http({ kind: 'apiKey', header: 'APIKey', key: 'k-123' }, () => ({
      body: { value: [] },
    }));
    await client.json({ path: 'A_BusinessPartner', kind: 'collection' });
    expect(requests[0].headers.apikey).toBe('k-123');
    expect(requests[0].headers.authorization).toBeUndefined();
  });

  it('given the service cannot be reached, when a request is sent, then UNREACHABLE and transient', async () => {
    const client = new ODataHttp({ serviceUrl: SERVICE, auth: { kind: 'none' } }, () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
        }),
      ),
    );
    await expect(client.json({ path: '$metadata', kind: 'metadata' })).rejects.toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
  });
});

describe('OData errors mapped to our codes', () => {
  const v4 = (code: string, message: string) => JSON.stringify({ error: { code, message } });
  const v2 = (code: string, message: string) =>
    JSON.stringify({ error: { code, message: { lang: 'en', value: message } } });

  it.each([
    [401, 'collection', ConnectorError, 'CONNECTOR.AUTH_FAILED', false],
    [403, 'collection', ConnectorError, 'CONNECTOR.PERMISSION_DENIED', false],
    [404, 'collection', ConnectorError, 'CONNECTOR.TABLE_NOT_FOUND', false],
    [404, 'metadata', ConnectorError, 'CONNECTOR.DATABASE_NOT_FOUND', false],
    [400, 'create', DataValidationError, 'DATA.INVALID', undefined],
    [405, 'change', DataValidationError, 'DATA.READ_ONLY', undefined],
    [409, 'create', DataConstraintError, 'DATA.DUPLICATE_KEY', undefined],
    [412, 'change', DataConstraintError, 'DATA.ROW_CHANGED', undefined],
    [428, 'change', DataConstraintError, 'DATA.CONSTRAINT_VIOLATION', undefined],
    [429, 'collection', ConnectorError, 'CONNECTOR.UNREACHABLE', true],
    [503, 'collection', ConnectorError, 'CONNECTOR.UNREACHABLE', true],
    [504, 'collection', ConnectorError, 'CONNECTOR.TIMEOUT', true],
  ] as const)('given %i on a %s request, then %p %s', (status, kind, type, code, transient) => {
    const error = mapODataError(status, v4('X', 'said'), kind, 'svc', 'Products');
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code });
    if (transient !== undefined) expect((error as ConnectorError).transient).toBe(transient);
  });

  it('given a v2 error body, when a bad request is mapped, then the service message is the field message', () => {
    const error = mapODataError(
      400,
      v2('/IWBEP/CM_MGW_RT/020', 'Property CompanyName is invalid'),
      'create',
      'svc',
      'BusinessPartnerSet',
    );
    expect(error).toMatchObject({
      fieldErrors: [{ field: 'BusinessPartnerSet', message: 'Property CompanyName is invalid' }],
    });
  });

  it('given CAP answers a duplicate with 500 and Dataverse with 412 0x80040237, then both are DATA.DUPLICATE_KEY without the text', () => {
    const cap = mapODataError(
      500,
      v4('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: shop_Customers.ID'),
      'create',
      'svc',
    );
    const dataverse = mapODataError(
      412,
      v4('0x80040237', 'A record with matching key values already exists.'),
      'create',
      'svc',
    );
    for (const error of [cap, dataverse]) {
      expect(error).toMatchObject({ code: 'DATA.DUPLICATE_KEY' });
      expect(error.message).not.toMatch(/shop_Customers|record with/);
    }
  });
});

describe('OData HTTP: the URLs a request goes to', () => {
  it('given paths and links, when resolved, then each is on the service origin', () => {
    const root = 'https://gw.example.com:8443/odata/v2/shop/';
    expect(onServiceOrigin('Customers?$top=2', root)).toBe(`${root}Customers?$top=2`);
    expect(onServiceOrigin(`${root}Customers?$skiptoken=2`, root)).toBe(`${root}Customers?$skiptoken=2`);
    expect(onServiceOrigin('http://localhost:4004/odata/v2/shop/Customers?$skiptoken=2', root)).toBe(
      `${root}Customers?$skiptoken=2`,
    );
    expect(onServiceOrigin('https://evil.example.com/steal?x=1', root)).toBe(
      'https://gw.example.com:8443/steal?x=1',
    );
  });
});
