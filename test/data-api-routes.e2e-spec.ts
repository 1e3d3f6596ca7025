import { ConnectorError } from '@ib/connectors';
import { type AuthenticatedUser } from '../apps/api/src/identity';
import { PublishedEntities } from '../apps/api/src/data-api';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Adapter = 'fastify' | 'express';

const DEVELOPMENT: AuthenticatedUser = {
  id: 'data-api-routes-spec',
  username: 'spec',
  roles: [{ environment: 'development', role: 'developer' }],
  owner: false,
  environment: 'development',
};

/** A published sample shop under each adapter, with an admin token and a development API key. */
type Served = Readonly<{ t: TestApp; token: string; key: string; integrationId: string; base: string }>;

async function serve(adapter: Adapter): Promise<Served> {
  const t = await startTestApp({ HTTP_ADAPTER: adapter });
  const token = await t.login(ADMIN.username, ADMIN.password);
  const integrationId = await createIntegration(t, token, {
    applicationName: 'Shop',
    connectionId: SAMPLE_CONNECTION_ID,
    tables: ['customers'],
  });
  await publishedOrFail(t, token, integrationId);
  const { body } = await t
    .http()
    .post('/api/environments/development/api-keys')
    .set(bearer(token))
    .send({ appName: 'Routes spec' })
    .expect(201);
  return {
    t,
    token,
    key: body.key as string,
    integrationId,
    base: `/api/data/development/${integrationId}/customers`,
  };
}

/** An answer without what differs between two apps: its `instance`, a path naming the integration. */
const comparable = ({
  status,
  headers,
  body,
}: {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}) => {
  const { instance: _instance, ...rest } = (body ?? {}) as Record<string, unknown>;
  return {
    status,
    type: headers['content-type'],
    retryAfter: headers['retry-after'],
    challenge: headers['www-authenticate'],
    body: rest,
  };
};

/**
 * The data routes are registered with the HTTP adapter itself, not as a Nest controller: one route
 * per operation, under Fastify and Express alike, with the checks and the error answers of the rest
 * of the API.
 */
describe('the data API routes', () => {
  const apps = new Map<Adapter, Served>();

  beforeAll(async () => {
    const [fastify, express] = await Promise.all([serve('fastify'), serve('express')]);
    apps.set('fastify', fastify);
    apps.set('express', express);
  }, 60_000);
  afterAll(async () => {
    for (const { t } of apps.values()) await t.close();
  });
  afterEach(() => jest.restoreAllMocks());

  describe('under Fastify and Express alike', () => {
    const call = async (adapter: Adapter, rest: string, authorization?: string) => {
      const { t, token, base } = apps.get(adapter)!;
      return comparable(
        await t
          .http()
          .get(`${base}${rest}`)
          .set({ Authorization: authorization ?? `Bearer ${token}` }),
      );
    };

    // First, before the calls below create rows.
    it.each([
      ['a page', '?limit=3&sort=-customer_id&count=true'],
      ['a filter with selected fields', '?customer_id[lte]=2&fields=customer_id,email'],
      ['a row', '/1'],
      ['an unknown field (400)', '?nope=1'],
      ['a limit out of range (400)', '?limit=5000'],
      ['a row that does not exist (404)', '/999999'],
    ])('answers %s the same way', async (_case, rest) => {
      expect(await call('fastify', rest)).toEqual(await call('express', rest));
    });

    it('refuses a caller without a valid token the same way (401)', async () => {
      const [fastify, express] = [
        await call('fastify', '', 'Bearer nope'),
        await call('express', '', 'Bearer nope'),
      ];

      expect(fastify.status).toBe(401);
      expect(fastify).toEqual(express);
    });
  });

  describe.each(['fastify', 'express'] as const)('under %s', (adapter) => {
    const app = () => apps.get(adapter)!;

    /** The data access the route of `customers` is served by, as the routes resolve it. */
    const dataAccess = async () => {
      const { t, integrationId } = app();
      const served = await t.app
        .get(PublishedEntities)
        .resolve(
          DEVELOPMENT,
          { env: 'development', integrationId, entity: 'customers' },
          await t.store.headPosition(),
        );
      return served.data;
    };

    it('given a database that does not answer, when an app lists, then it is told 503 once and the query ran once', async () => {
      const { t, base, key } = app();
      const data = await dataAccess();
      const find = jest
        .spyOn(data, 'find')
        .mockRejectedValue(new ConnectorError('CONNECTOR.UNREACHABLE', 'The database does not answer', true));

      const response = await t.http().get(`${base}?limit=5`).set('X-API-Key', key);

      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ status: 503, code: 'CONNECTOR.UNREACHABLE', instance: base });
      expect(find).toHaveBeenCalledTimes(1);
    });

    it('given a database that fails unexpectedly, when an app gets a row, then it is a 500 problem that leaks nothing', async () => {
      const { t, base, token } = app();
      const data = await dataAccess();
      jest.spyOn(data, 'get').mockRejectedValue(new Error('secret internals at /var/lib/x'));

      const response = await t.http().get(`${base}/1`).set(bearer(token));

      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL', instance: `${base}/1` });
      expect(JSON.stringify(response.body)).not.toContain('secret internals');
    });

    it.each([
      ['an unknown query parameter', 'get', '?nope=1', {}, 400, /^DATA\./],
      ['a limit out of range', 'get', '?limit=5000', {}, 400, /^DATA\./],
      ['a key of the wrong type', 'get', '/not-a-number', {}, 400, /^DATA\./],
      ['a row that does not exist', 'get', '/999999', {}, 404, /^DATA\.ROW_NOT_FOUND$/],
      [
        'a malformed If-Match',
        'get',
        '/1',
        { 'If-Match': 'not an etag' },
        400,
        /^REQUEST\.INVALID_IF_MATCH$/,
      ],
      ['an update of nothing', 'patch', '/1', {}, 400, /^DATA\./],
    ] as const)('answers %s with problem details', async (_case, method, rest, headers, status, code) => {
      const { t, base, token } = app();
      const request = t.http()[method](`${base}${rest}`).set(bearer(token)).set(headers);

      const response = await (method === 'patch' ? request.send({}) : request);

      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status, instance: `${base}${rest}`.split('?')[0] });
      expect(response.body.code).toMatch(code);
    });

    it('refuses a path that is not a data route: an integration id that is not a UUID (400)', async () => {
      const { t, token } = app();

      const response = await t.http().get('/api/data/development/not-a-uuid/customers').set(bearer(token));

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
    });

    it('refuses a caller without credentials, with both credentials, or with a bad token (401), before anything else', async () => {
      const { t, base, token, key } = app();

      const none = await t.http().get(`${base}?nope=1`);
      const both = await t.http().get(base).set(bearer(token)).set('X-API-Key', key);
      const bad = await t.http().get(base).set(bearer('not.a.token'));

      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toContain('Bearer');
      expect(none.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
      expect(both.status).toBe(401);
      expect(both.body).toMatchObject({ code: 'AUTH.AMBIGUOUS_CREDENTIALS' });
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    });

    it.each([
      ['no credentials', {}],
      ['the key as a bearer token', { Authorization: 'Bearer 0123456789abcdef' }],
      ['the key as the Authorization header', { Authorization: '0123456789abcdef' }],
    ])(
      'given %s, when the data API is called, then the 401 says to send the API key in the X-API-Key header and challenges for it',
      async (_case, headers: Record<string, string>) => {
        const { t, base } = app();

        const refused = await t.http().get(base).set(headers);

        expect(refused.status).toBe(401);
        expect(refused.body.detail).toContain("send the app's API key in the X-API-Key header");
        expect(refused.headers['www-authenticate']).toMatch(/^ApiKey header="X-API-Key", Bearer/);
      },
    );

    it('given a key revoked before a burst of calls began, when they arrive together, then every one is refused', async () => {
      const { t, base, token } = app();
      const { body } = await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(token))
        .send({ appName: 'Short-lived' })
        .expect(201);
      await t.http().get(base).set('X-API-Key', body.key).expect(200);
      await t
        .http()
        .delete(`/api/environments/development/api-keys/${body.id}`)
        .set(bearer(token))
        .expect(204);

      const burst = await Promise.all(
        Array.from({ length: 5 }, () => t.http().get(base).set('X-API-Key', body.key)),
      );

      expect(burst.map(({ status, body }) => [status, body.code])).toEqual(
        Array.from({ length: 5 }, () => [403, 'API_KEY.REVOKED']),
      );
    });

    it('given a POST with an Idempotency-Key, when it is repeated, then the row is created once and the answer replayed', async () => {
      const { t, base, key } = app();
      const post = (email: string) =>
        t
          .http()
          .post(base)
          .set('X-API-Key', key)
          .set('Idempotency-Key', `create-${adapter}`)
          .send({ email, first_name: 'Idem', last_name: 'Potent' });

      const created = await post(`idem-${adapter}@example.com`);
      const repeated = await post(`idem-${adapter}@example.com`);
      const other = await post(`other-${adapter}@example.com`);

      expect(created.status).toBe(201);
      expect(repeated.status).toBe(201);
      expect(repeated.body).toEqual(created.body);
      expect(repeated.headers.location).toBe(created.headers.location);
      expect(repeated.headers['idempotent-replayed']).toBe('true');
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
      const { body } = await t
        .http()
        .get(`${base}?email=idem-${adapter}@example.com&count=true`)
        .set('X-API-Key', key)
        .expect(200);
      expect(body.count).toBe(1);
    });
  });
});
