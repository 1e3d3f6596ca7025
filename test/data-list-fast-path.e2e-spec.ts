import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * Under Fastify, successful lists are answered before Nest's pipeline (data-list-fast-path.ts). The
 * same calls through Express, where every list goes through the controller, must answer the same.
 */
describe('the data API list, with and without the Fastify fast path', () => {
  let fastify: TestApp;
  let express: TestApp;
  const paths = new Map<TestApp, { token: string; base: string }>();

  const setUp = async (t: TestApp) => {
    const token = await t.login(ADMIN.username, ADMIN.password);
    const id = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, token, id);
    paths.set(t, { token, base: `/api/data/development/${id}/customers` });
  };

  beforeAll(async () => {
    fastify = await startTestApp({ HTTP_ADAPTER: 'fastify' });
    express = await startTestApp({ HTTP_ADAPTER: 'express' });
    await Promise.all([setUp(fastify), setUp(express)]);
  });
  afterAll(async () => {
    await fastify?.close();
    await express?.close();
  });

  const call = async (t: TestApp, query: string, authorization?: string) => {
    const { token, base } = paths.get(t)!;
    const response = await t
      .http()
      .get(`${base}${query}`)
      .set(authorization === undefined ? bearer(token) : { Authorization: authorization });
    const { instance: _instance, ...body } = response.body as Record<string, unknown>;
    return { status: response.status, type: response.headers['content-type'], body };
  };

  it.each([
    ['a page', '?limit=3&sort=-customer_id&count=true'],
    ['a filter with selected fields', '?customer_id[lte]=2&fields=customer_id,email'],
    ['an unknown field (400)', '?nope=1'],
    ['a limit out of range (400)', '?limit=5000'],
  ])('answers %s the same way', async (_case, query) => {
    expect(await call(fastify, query)).toEqual(await call(express, query));
  });

  it('refuses a caller without a valid token the same way (401)', async () => {
    const [viaFastify, viaExpress] = [
      await call(fastify, '', 'Bearer nope'),
      await call(express, '', 'Bearer nope'),
    ];
    expect(viaFastify.status).toBe(401);
    expect(viaFastify).toEqual(viaExpress);
  });
});
