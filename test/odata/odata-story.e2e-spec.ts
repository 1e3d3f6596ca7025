import { createIntegration, entityNames, eventually, publishedOrFail } from '../support/publishing';
import { ODATA_USER, startODataServer, type ODataServer } from '../support/odata-server';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/**
 * The whole story on a real OData service (SAP CAP, OData v4): a connection, the wizard on the
 * service, publication, the data API through an API key, then promotion to qa bound to a second service.
 */
describe('an integration of an OData service, from the wizard to the data API', () => {
  let development: ODataServer;
  let qa: ODataServer;
  let t: TestApp;
  let admin: string;
  let integrationId: string;
  let products: string;
  let customers: string;
  let devKey: string;

  const connection = (
    name: string,
    environment: string,
    serviceUrl: string,
    password: string = ODATA_USER.password,
  ) => ({
    name,
    provider: 'odata',
    environment,
    details: { url: serviceUrl, username: ODATA_USER.username, options: { auth: 'basic' } },
    password,
  });
  const data = (env: string, entity: string, rest = '') =>
    `/api/data/${env}/${integrationId}/${encodeURIComponent(entity)}${rest}`;
  const apiKey = (key: string) => ({ 'X-API-Key': key });
  const createKey = async (environment: string, token: string) =>
    (
      await t
        .http()
        .post(`/api/environments/${environment}/api-keys`)
        .set(bearer(token))
        .send({ appName: 'Shop app' })
        .expect(201)
    ).body.key as string;

  beforeAll(async () => {
    [development, qa] = await Promise.all([startODataServer(), startODataServer()]);
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await development?.stop();
    await qa?.stop();
  });

  it('given the providers, when the console asks for them, then OData asks for its service URL and offers its authentication kinds as a choice', async () => {
    const { body } = await t.http().get('/api/providers').set(bearer(admin)).expect(200);
    const odata = (
      body.items as {
        id: string;
        specification: boolean;
        fields: { name: string; type: string; choices?: string[] }[];
      }[]
    ).find(({ id }) => id === 'odata');
    // (only OData integrations may be built from an uploaded $metadata)
    expect(
      (body.items as { id: string; specification: boolean }[])
        .filter(({ specification }) => specification)
        .map(({ id }) => id),
    ).toEqual(['odata']);

    expect(odata?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'url', type: 'string' }),
        {
          name: 'options.auth',
          label: 'Authentication',
          type: 'choice',
          required: false,
          choices: ['basic', 'oauth2', 'apiKey', 'none'],
        },
      ]),
    );
  });

  it('given an OData connection, when the wizard browses it, then the service is its one database and entity sets its tables', async () => {
    const created = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send(connection('Shop service (dev)', 'development', development.serviceUrl))
      .expect(201);
    const connectionId = created.body.id as string;
    expect(JSON.stringify(created.body)).not.toContain(ODATA_USER.password);

    const tested = await t.http().post(`/api/connections/${connectionId}/test`).set(bearer(admin));
    expect(tested.body).toMatchObject({ ok: true, serverVersion: 'OData 4.0 ShopService' });
    const databases = await t
      .http()
      .get(`/api/connections/${connectionId}/databases`)
      .set(bearer(admin))
      .expect(200);
    expect(databases.body.items).toEqual([{ name: 'ShopService' }]);
    const tables = await t
      .http()
      .get(`/api/connections/${connectionId}/databases/ShopService/tables`)
      .set(bearer(admin))
      .expect(200);
    expect(tables.body.items).toContainEqual(expect.objectContaining({ name: 'Currencies', kind: 'view' }));

    integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      provider: 'odata',
      connectionId,
      database: 'ShopService',
      tables: ['Products', 'Customers', 'Currencies'],
    });
    ({ Products: products, Customers: customers } = await entityNames(t, admin, integrationId));
    await publishedOrFail(t, admin, integrationId);
    devKey = await createKey('development', admin);
  });

  it('given the published integration, when an app lists with a filter, a sort, fields and a count, then OData answers the page', async () => {
    const { body } = await eventually(async () => {
      const answer = await t
        .http()
        .get(data('development', customers))
        .query({ 'vip[eq]': 'false', sort: '-name', fields: 'ID,name', count: 'true', limit: '2' })
        .set(apiKey(devKey));
      return answer.status === 200 ? answer : undefined;
    }, 'the data API to serve the deployment');
    expect(body).toMatchObject({
      items: [
        { ID: 4, name: 'Edsger Dijkstra' },
        { ID: 5, name: 'Barbara Liskov' },
      ],
      count: 3,
      offset: 0,
      limit: 2,
    });
  });

  it('given the published integration, when an app creates, reads, updates and deletes a product, then the service holds each change', async () => {
    const created = await t
      .http()
      .post(data('development', products))
      .set(apiKey(devKey))
      .send({
        code: 'P-777',
        name: 'Ruler',
        price: '1.25',
        stock: 7,
        active: true,
        releaseDate: '2025-05-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'P-777' });

    const read = await t
      .http()
      .get(data('development', products, '/P-777'))
      .set(apiKey(devKey))
      .expect(200);
    expect(read.body).toMatchObject({
      code: 'P-777',
      name: 'Ruler',
      price: '1.25',
      stock: 7,
      releaseDate: '2025-05-01',
    });

    await t
      .http()
      .patch(data('development', products, '/P-777'))
      .set(apiKey(devKey))
      .send({ name: 'Long ruler', price: 2 })
      .expect(200);
    const raw = await fetch(`${development.serviceUrl}Products('P-777')`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${ODATA_USER.username}:${ODATA_USER.password}`).toString('base64')}`,
      },
    });
    expect(await raw.json()).toMatchObject({ name: 'Long ruler', price: '2.00' });

    await t
      .http()
      .delete(data('development', products, '/P-777'))
      .set(apiKey(devKey))
      .expect(204);
    await t
      .http()
      .get(data('development', products, '/P-777'))
      .set(apiKey(devKey))
      .expect(404);
  });

  it('given the read-only entity set, when an app writes to it, then 409 DATA.READ_ONLY', async () => {
    const { Currencies: currencies } = await entityNames(t, admin, integrationId);
    const refused = await t
      .http()
      .post(data('development', currencies))
      .set(apiKey(devKey))
      .send({ code: 'CHF', name: 'Franc' })
      .expect(409);
    expect(refused.body.code).toBe('DATA.READ_ONLY');
  });

  it('given a duplicate key, when an app creates it, then 409 DATA.DUPLICATE_KEY', async () => {
    const refused = await t
      .http()
      .post(data('development', customers))
      .set(apiKey(devKey))
      .send({ ID: 1, name: 'Ada again' })
      .expect(409);
    expect(refused.body.code).toBe('DATA.DUPLICATE_KEY');
  });

  it('given the version promoted to qa and bound to a second service, when an app writes there, then only that service changes', async () => {
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    const operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    const qaConnection = await t
      .http()
      .post('/api/connections')
      .set(bearer(operator))
      .send(connection('Shop service (qa)', 'qa', qa.serviceUrl))
      .expect(201);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnection.body.id })
      .expect(200);
    const qaKey = await createKey('qa', operator);

    await eventually(async () => {
      const answer = await t
        .http()
        .post(data('qa', customers))
        .set(apiKey(qaKey))
        .send({ ID: 42, name: 'Katherine Johnson' });
      return answer.status === 201 ? answer : undefined;
    }, 'the qa deployment to serve');
    await t
      .http()
      .get(data('qa', customers, '/42'))
      .set(apiKey(qaKey))
      .expect(200);
    await t
      .http()
      .get(data('development', customers, '/42'))
      .set(apiKey(devKey))
      .expect(404);
  });

  it('given wrong credentials on a connection, when it is tested, then the problem says so and never shows the password', async () => {
    const created = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send(connection('Wrong password', 'development', development.serviceUrl, 'not-the-password'))
      .expect(201);
    const tested = await t.http().post(`/api/connections/${created.body.id}/test`).set(bearer(admin));
    expect(JSON.stringify(tested.body)).toContain('CONNECTOR.AUTH_FAILED');
    expect(JSON.stringify(tested.body)).not.toContain('not-the-password');
  });

  it('given a service URL that is not a URL, when the connection is created, then 400 and nothing is stored', async () => {
    const refused = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send({ ...connection('Bad URL', 'development', 'ftp://example.com/odata') })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('http(s) URL');
  });
});
