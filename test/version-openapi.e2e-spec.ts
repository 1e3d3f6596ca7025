import { binary, tarEntries } from './support/package-files';
import { SAMPLE_CONNECTION_ID, createIntegration, entityNames, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const AUDITOR = { username: 'dev-auditor', password: 'auditor-password-for-tests' };
const OUTSIDER = { username: 'qa-only', password: 'outsider-password-for-tests' };

describe("The OpenAPI document of a published version's data API", () => {
  let t: TestApp;
  let admin: string;
  let integrationId: string;
  let otherIntegrationId: string;
  let customers: string;
  let products: string;

  const openApi = (token: string, version: number | string, id = integrationId) =>
    t.http().get(`/api/integrations/${id}/versions/${version}/openapi.json`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'products'],
    });
    otherIntegrationId = await createIntegration(t, admin, {
      applicationName: 'Sales',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['orders'],
    });
    ({ customers, products } = await entityNames(t, admin, integrationId));
    await publishedOrFail(t, admin, integrationId);
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    for (const [user, role, environment] of [
      [AUDITOR, 'auditor', 'development'],
      [OUTSIDER, 'developer', 'qa'],
    ] as const)
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({ ...user, roles: [{ environment, role }] })
        .expect(201);
  });

  afterAll(() => t.close());

  it('given a published version, when its document is asked for, then it is the openapi.json of its package, as JSON', async () => {
    const served = await openApi(admin, 1).expect(200);

    expect(served.headers['content-type']).toMatch(/^application\/json/);
    const pkg = await t
      .http()
      .get(`/api/integrations/${integrationId}/versions/1/package`)
      .set(bearer(admin))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(served.text).toBe(tarEntries(pkg.body as Buffer).get('openapi.json'));
    expect(served.headers.etag).toBe(pkg.headers.etag);
    expect(served.body.openapi).toMatch(/^3\.1/);
    expect(served.body.components.securitySchemes.apiKeyAuth).toMatchObject({
      in: 'header',
      name: 'X-API-Key',
    });
    expect(Object.keys(served.body.paths).some((path) => path.includes(integrationId))).toBe(true);
  });

  it('given a reader of the environment who changes nothing, when they ask, then they get it too', async () => {
    const auditor = await t.login(AUDITOR.username, AUDITOR.password);

    const served = await openApi(auditor, 1).expect(200);

    expect(served.body.openapi).toMatch(/^3\.1/);
  });

  it('given a version never published, when its document is asked for, then 404 problem details name it', async () => {
    const missing = await openApi(admin, 2).expect(404);

    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, code: 'INTEGRATION.VERSION_NOT_FOUND' });
  });

  it('given a caller with no role in its environment or an unknown integration, then the integration does not exist for them', async () => {
    const outsider = await t.login(OUTSIDER.username, OUTSIDER.password, 'qa');

    expect((await openApi(outsider, 1).expect(404)).body.code).toBe('INTEGRATION.NOT_FOUND');
    expect((await openApi(admin, 1, '0190a000-0000-7000-8000-0000000000ff').expect(404)).body.code).toBe(
      'INTEGRATION.NOT_FOUND',
    );
  });

  it('refuses a version that is not a number and a caller without credentials', async () => {
    await openApi(admin, 'latest').expect(400);
    await t.http().get(`/api/integrations/${integrationId}/versions/1/openapi.json`).expect(401);
  });
  describe("with an app's API key", () => {
    type Key = Readonly<{ id: string; key: string }>;
    const createKey = async (environment: string, scope?: object): Promise<Key> =>
      (
        await t
          .http()
          .post(`/api/environments/${environment}/api-keys`)
          .set(bearer(admin))
          .send({ appName: 'Explorer app', ...(scope === undefined ? {} : { scope }) })
          .expect(201)
      ).body as Key;
    const withKey = (key: string, version: number | string = 1, id = integrationId) =>
      t.http().get(`/api/integrations/${id}/versions/${version}/openapi.json`).set('X-API-Key', key);

    it('given an unscoped key of an environment that serves the version, then it gets the very document a console user gets, counted in its usage', async () => {
      const { id, key } = await createKey('development');

      const served = await withKey(key).expect(200);

      const asUser = await openApi(admin, 1).expect(200);
      expect(served.headers['content-type']).toMatch(/^application\/json/);
      expect(served.text).toBe(asUser.text);
      expect(served.headers.etag).toBe(asUser.headers.etag);
      const listed = await t
        .http()
        .get('/api/environments/development/api-keys')
        .set(bearer(admin))
        .expect(200);
      const usage = (listed.body.items as { id: string; usage: { callsPerDay: { calls: number }[] } }[]).find(
        (item) => item.id === id,
      )?.usage;
      expect(usage?.callsPerDay.map(({ calls }) => calls)).toEqual([1]);
    });

    it('given a key limited to another integration, then 403 API_KEY.OUT_OF_SCOPE, as its data calls get', async () => {
      const { key } = await createKey('development', { integrations: [otherIntegrationId] });

      const refused = await withKey(key).expect(403);

      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, code: 'API_KEY.OUT_OF_SCOPE' });
      expect(refused.body.detail).toContain(integrationId);
      const dataCall = await t
        .http()
        .get(`/api/data/development/${integrationId}/${customers}`)
        .set('X-API-Key', key)
        .expect(403);
      expect(dataCall.body.code).toBe('API_KEY.OUT_OF_SCOPE');
    });

    it('given a key limited to some entities of the integration, then the document describes only those', async () => {
      const { key } = await createKey('development', {
        integrations: [integrationId],
        entities: [{ integrationId, entity: customers }],
      });

      const served = await withKey(key).expect(200);

      const whole = (await openApi(admin, 1).expect(200)).body;
      const paths = Object.keys(served.body.paths as object);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.every((path) => path.includes(`/${customers}`))).toBe(true);
      expect(Object.keys(whole.paths as object).some((path) => path.includes(`/${products}`))).toBe(true);
      expect(served.text).not.toContain(`/${products}`);
      expect(served.body.tags).toEqual([{ name: customers }]);
      expect(served.body.openapi).toBe(whole.openapi);
      expect(served.body.components.securitySchemes).toEqual(whole.components.securitySchemes);
      expect(served.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(served.headers.etag).not.toBe((await openApi(admin, 1).expect(200)).headers.etag);
    });

    it('given a read-only key, then the document describes the reads only, as its writes are refused', async () => {
      const { key } = await createKey('development', { readOnly: true });

      const served = await withKey(key).expect(200);

      const whole = (await openApi(admin, 1).expect(200)).body;
      const methodsOf = (document: { paths: Record<string, object> }) =>
        Object.values(document.paths).flatMap((item) => Object.keys(item));
      expect(methodsOf(whole)).toEqual(expect.arrayContaining(['post', 'patch', 'delete']));
      expect(methodsOf(served.body)).toContain('get');
      expect(methodsOf(served.body).filter((key) => !['get', 'parameters'].includes(key))).toEqual([]);
      expect(Object.keys(served.body.paths as object).sort()).toEqual(
        Object.keys(whole.paths as object).sort(),
      );
      expect(served.headers.etag).not.toBe((await openApi(admin, 1).expect(200)).headers.etag);
    });

    it('given a revoked key, then 403 API_KEY.REVOKED', async () => {
      const { id, key } = await createKey('development');
      await withKey(key).expect(200);
      await t.http().delete(`/api/environments/development/api-keys/${id}`).set(bearer(admin)).expect(204);

      const refused = await withKey(key).expect(403);

      expect(refused.body).toMatchObject({ status: 403, code: 'API_KEY.REVOKED' });
    });

    it('given both a key and a bearer token, then 401 AUTH.AMBIGUOUS_CREDENTIALS', async () => {
      const { key } = await createKey('development');

      const refused = await withKey(key).set(bearer(admin)).expect(401);

      expect(refused.body.code).toBe('AUTH.AMBIGUOUS_CREDENTIALS');
    });

    it('given a version its environment does not serve, then 404 INTEGRATION.NOT_DEPLOYED, as its data calls get; once promoted there, the document', async () => {
      const qa = await createKey('qa');
      const development = await createKey('development');

      const notInQa = await withKey(qa.key).expect(404);
      const otherVersion = await withKey(development.key, 2).expect(404);
      const unknown = await withKey(development.key, 1, '0190a000-0000-7000-8000-0000000000ff').expect(404);

      for (const refused of [notInQa, otherVersion, unknown])
        expect(refused.body).toMatchObject({ status: 404, code: 'INTEGRATION.NOT_DEPLOYED' });
      expect(notInQa.body.detail).toContain("environment 'qa'");
      expect(otherVersion.body.detail).toContain('version 1 is');
      const dataCall = await t
        .http()
        .get(`/api/data/qa/${integrationId}/${customers}`)
        .set('X-API-Key', qa.key)
        .expect(404);
      expect(dataCall.body.code).toBe('INTEGRATION.NOT_DEPLOYED');

      await t
        .http()
        .post(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(admin))
        .send({ version: 1, environment: 'qa' })
        .expect(200);
      const promoted = await withKey(qa.key).expect(200);
      expect(promoted.text).toBe((await openApi(admin, 1).expect(200)).text);
    });
  });
});
