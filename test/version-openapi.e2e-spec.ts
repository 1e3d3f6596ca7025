import { binary, tarEntries } from './support/package-files';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const AUDITOR = { username: 'dev-auditor', password: 'auditor-password-for-tests' };
const OUTSIDER = { username: 'qa-only', password: 'outsider-password-for-tests' };

describe("The OpenAPI document of a published version's data API", () => {
  let t: TestApp;
  let admin: string;
  let integrationId: string;

  const openApi = (token: string, version: number | string, id = integrationId) =>
    t.http().get(`/api/integrations/${id}/versions/${version}/openapi.json`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
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
});
