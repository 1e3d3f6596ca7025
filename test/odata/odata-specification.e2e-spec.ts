import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createIntegration, eventually, publishedOrFail } from '../support/publishing';
import { ODATA_USER, startODataServer, type ODataServer } from '../support/odata-server';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a-developer-password-1';

/**
 * As in the vendor's wizard for SAP OData: a developer uploads the service's `$metadata` and builds the
 * integration before any connection exists; once an administrator creates one and it is selected, the
 * published version serves the real service's data.
 */
describe('an OData integration built from an uploaded specification', () => {
  let service: ODataServer;
  let t: TestApp;
  let admin: string;
  let dev: string;
  let outsider: string;
  let edmx: string;
  let integrationId: string;

  const specification = (id: string, token: string, body: object) =>
    t.http().put(`/api/integrations/${id}/specification`).set(bearer(token)).send(body);
  const newIntegration = async (provider = 'odata') =>
    (
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(dev))
        .send({ provider, applicationName: `Shop ${provider} ${Math.random()}` })
        .expect(201)
    ).body.id as string;
  const eventsOf = async (streamId: string) => (await t.store.readStream(streamId)).events;
  const user = async (username: string, roles: object[], environment = 'development') => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ username, password: PASSWORD, roles })
      .expect(201);
    return t.login(username, PASSWORD, environment);
  };

  beforeAll(async () => {
    service = await startODataServer();
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    dev = await user('devon', [{ environment: 'development', role: 'developer' }]);
    outsider = await user('quentin', [{ environment: 'qa', role: 'developer' }], 'qa');
    const answer = await fetch(`${service.serviceUrl}$metadata`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${ODATA_USER.username}:${ODATA_USER.password}`).toString('base64')}`,
      },
    });
    edmx = await answer.text();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await service?.stop();
  });

  it('given a draft OData integration, when a developer uploads the $metadata, then it is recorded by its SHA-256 and its entity sets are browsed like tables', async () => {
    integrationId = await newIntegration();

    const { body, headers } = await specification(integrationId, dev, { document: edmx }).expect(200);

    const specificationId = createHash('sha256').update(edmx).digest('hex');
    expect(body).toMatchObject({ id: integrationId, specificationId });
    expect(body.connectionId).toBeUndefined();
    expect(headers.etag).toBe('"1"');
    const recorded = await eventsOf(`integration-${integrationId}`);
    expect(recorded.at(-1)).toMatchObject({
      type: 'IntegrationSpecificationUploaded',
      data: { integrationId, specificationId, entitySets: expect.any(Number) },
    });
    const [stored] = await eventsOf(`specification-${specificationId}`);
    expect(stored).toMatchObject({
      type: 'ServiceSpecificationUploaded',
      data: { specificationId, provider: 'odata', encoding: 'gzip-base64', bytes: Buffer.byteLength(edmx) },
    });

    const base = `/api/integrations/${integrationId}/specification/databases`;
    const databases = await t.http().get(base).set(bearer(dev)).expect(200);
    expect(databases.body.items).toEqual([{ name: 'ShopService' }]);
    const tables = await t.http().get(`${base}/ShopService/tables`).set(bearer(dev)).expect(200);
    expect(tables.body.items.map(({ name }: { name: string }) => name)).toEqual(
      expect.arrayContaining(['Products', 'Customers', 'Currencies']),
    );
    const products = await t.http().get(`${base}/ShopService/tables/Products`).set(bearer(dev)).expect(200);
    expect(products.body).toMatchObject({ name: 'Products', primaryKey: ['code'] });
    await t.http().get(`${base}/ShopService/tables/Nothing`).set(bearer(dev)).expect(404);
  });

  it('given the uploaded specification, when the developer picks the service and tables, then the entities are described from it and the version publishes with no connection', async () => {
    await t
      .http()
      .put(`/api/integrations/${integrationId}/database`)
      .set(bearer(dev))
      .send({ database: 'ShopService' })
      .expect(200);
    const added = await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(dev))
      .send({ tables: ['Customers'] })
      .expect(200);
    const [customers] = added.body.entities as {
      name: string;
      primaryKey: string[];
      attributes: unknown[];
    }[];
    expect(customers).toMatchObject({ table: 'Customers', primaryKey: ['ID'] });
    expect(customers!.attributes).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'name', type: 'Text' })]),
    );

    const review = await t
      .http()
      .get(`/api/integrations/${integrationId}/review`)
      .set(bearer(dev))
      .expect(200);
    expect(review.body).toMatchObject({ readyToPublish: true, problems: [], connection: null });
    const publication = await publishedOrFail(t, dev, integrationId);
    expect(publication).toMatchObject({ status: 'published', version: 1 });

    // Then the data API says what is missing rather than failing
    const key = (
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName: 'Shop app' })
        .expect(201)
    ).body.key as string;
    const customersUrl = `/api/data/development/${integrationId}/${encodeURIComponent(customers!.name)}`;
    const unserved = await eventually(async () => {
      const answer = await t.http().get(customersUrl).set('X-API-Key', key);
      return answer.status === 409 ? answer : undefined;
    }, 'the data API to know the deployment');
    expect(unserved.body.code).toBe('INTEGRATION.NO_CONNECTION');

    // When an administrator creates a connection to the service and the developer selects it
    const connection = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send({
        name: 'Shop service',
        provider: 'odata',
        environment: 'development',
        details: { url: service.serviceUrl, username: ODATA_USER.username, options: { auth: 'basic' } },
        password: ODATA_USER.password,
      })
      .expect(201);
    await t
      .http()
      .put(`/api/integrations/${integrationId}/connection`)
      .set(bearer(dev))
      .send({ connectionId: connection.body.id })
      .expect(200);

    // Then the published version serves the real service's rows
    const served = await eventually(async () => {
      const answer = await t.http().get(customersUrl).query({ sort: 'ID', limit: 2 }).set('X-API-Key', key);
      return answer.status === 200 ? answer : undefined;
    }, 'the data API to serve through the new connection');
    expect(served.body.items).toEqual([
      expect.objectContaining({ ID: 1, name: 'Ada Lovelace' }),
      expect.objectContaining({ ID: 2, name: 'Alan Turing' }),
    ]);
  });

  it('given a large document, when it is sent gzip-compressed and base64-encoded with the version seen, then it is the same specification, stored', async () => {
    const id = await newIntegration();
    // (another document than the first test's, so that this one is stored now)
    const copy = `${edmx}\n`;
    const document = gzipSync(Buffer.from(copy)).toString('base64');

    const { body } = await specification(id, dev, { document, encoding: 'gzip-base64' })
      .set('If-Match', '"0"')
      .expect(200);

    expect(body.specificationId).toBe(createHash('sha256').update(copy).digest('hex'));
    await t.http().get(`/api/integrations/${id}/specification/databases`).set(bearer(dev)).expect(200);
  });

  it('given bad documents, when uploaded, then each is refused with the reason and nothing is recorded', async () => {
    const id = await newIntegration();
    const before = JSON.stringify(await t.store.readAll({ fromPosition: 0, limit: 100_000 }));

    const notEdmx = await specification(id, dev, { document: '<html><body>Login</body></html>' }).expect(400);
    expect(notEdmx.body).toMatchObject({ code: 'INTEGRATION.SPECIFICATION_INVALID' });
    expect(notEdmx.body.detail).toMatch(/not an OData service/);
    const notGzip = await specification(id, dev, {
      document: 'bm90IGd6aXA=',
      encoding: 'gzip-base64',
    }).expect(400);
    expect(notGzip.body.code).toBe('INTEGRATION.SPECIFICATION_INVALID');
    await specification(id, dev, { document: edmx, encoding: 'zip' }).expect(400);
    await specification(id, dev, {}).expect(400);

    expect(JSON.stringify(await t.store.readAll({ fromPosition: 0, limit: 100_000 }))).toBe(before);
    const { body } = await t.http().get(`/api/integrations/${id}`).set(bearer(dev)).expect(200);
    expect(body.specificationId).toBeUndefined();
  });

  it('given an integration of a database provider, when a specification is uploaded, then it is refused and the document is not stored', async () => {
    const id = await newIntegration('mysql');

    const refused = await specification(id, dev, { document: edmx }).expect(409);

    expect(refused.body.code).toBe('INTEGRATION.SPECIFICATION_NOT_SUPPORTED');
    expect((await eventsOf(`integration-${id}`)).map(({ type }) => type)).toEqual(['IntegrationCreated']);
  });

  it('given someone without a role in the integration environment, then they can neither upload nor browse its specification', async () => {
    await specification(integrationId, outsider, { document: edmx }).expect(404);
    await t
      .http()
      .get(`/api/integrations/${integrationId}/specification/databases`)
      .set(bearer(outsider))
      .expect(404);
  });

  it('given an integration without a specification, when its specification is browsed, then the answer says none was uploaded', async () => {
    const id = await createIntegration(t, dev, { applicationName: 'Plain', provider: 'odata' });

    const { body } = await t
      .http()
      .get(`/api/integrations/${id}/specification/databases`)
      .set(bearer(dev))
      .expect(404);

    expect(body.code).toBe('INTEGRATION.SPECIFICATION_NOT_FOUND');
  });
});
