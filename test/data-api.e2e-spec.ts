import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  entityNames,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const DEVELOPER = { username: 'dev-only', password: 'developer-password-for-tests' };

describe('the data API of a deployed integration', () => {
  let t: TestApp;
  let token: string;
  let integrationId: string;
  let customers: string;
  let orders: string;

  const data = (env: string, entity: string, rest = '') =>
    `/api/data/${env}/${integrationId}/${encodeURIComponent(entity)}${rest}`;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'orders'],
    });
    ({ customers, orders } = await entityNames(t, token, integrationId));
    await publishedOrFail(t, token, integrationId);
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists rows with a filter, a sort, fields and a count', async () => {
    const { body } = await t
      .http()
      .get(data('development', customers))
      .query({
        'country_code[eq]': 'US',
        sort: '-customer_id',
        fields: 'customer_id,email',
        count: 'true',
        limit: '2',
      })
      .set(bearer(token))
      .expect(200);
    expect(body.items.length).toBeLessThanOrEqual(2);
    expect(body.count).toBeGreaterThanOrEqual(body.items.length);
    expect(body).toMatchObject({ offset: 0, limit: 2 });
    for (const row of body.items) expect(Object.keys(row).sort()).toEqual(['customer_id', 'email']);
    const ids = body.items.map((row: { customer_id: number }) => row.customer_id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const long = await t
      .http()
      .get(data('development', customers))
      .query({ 'filter[customer_id][in]': ids.join(','), sort: 'customer_id' })
      .set(bearer(token))
      .expect(200);
    expect(long.body.items.map((row: { customer_id: number }) => row.customer_id)).toEqual([...ids].sort());
  });

  it('creates, reads, updates and deletes a customer by key', async () => {
    const created = await t
      .http()
      .post(data('development', customers))
      .set(bearer(token))
      .send({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', city: 'London' })
      .expect(201);
    const id = created.body.customer_id as number;
    expect(id).toEqual(expect.any(Number));
    expect(created.headers.location).toBe(data('development', customers, `/${id}`));

    const read = await t
      .http()
      .get(data('development', customers, `/${id}`))
      .set(bearer(token))
      .expect(200);
    expect(read.body).toMatchObject({ customer_id: id, email: 'ada@example.com', city: 'London' });
    await t
      .http()
      .get(data('development', customers, `/customer_id=${id}`))
      .set(bearer(token))
      .expect(200);

    const updated = await t
      .http()
      .patch(data('development', customers, `/${id}`))
      .set(bearer(token))
      .send({ city: 'Cambridge' })
      .expect(200);
    expect(updated.body).toMatchObject({ customer_id: id, city: 'Cambridge' });

    await t
      .http()
      .delete(data('development', customers, `/${id}`))
      .set(bearer(token))
      .expect(204);
    await t
      .http()
      .get(data('development', customers, `/${id}`))
      .set(bearer(token))
      .expect(404);
    await t
      .http()
      .delete(data('development', customers, `/${id}`))
      .set(bearer(token))
      .expect(404);
  });

  it('reads the other entity too', async () => {
    const { body } = await t
      .http()
      .get(data('development', orders))
      .query({ limit: '1' })
      .set(bearer(token))
      .expect(200);
    expect(body.items.length).toBeLessThanOrEqual(1);
  });

  it('rejects an unknown entity, an unknown field and a value of the wrong type', async () => {
    const unknownEntity = await t.http().get(data('development', 'nosuch')).set(bearer(token)).expect(404);
    expect(unknownEntity.body.code).toBe('DATA.ENTITY_NOT_FOUND');

    const unknownFilter = await t
      .http()
      .get(data('development', customers))
      .query({ 'nosuch[eq]': '1' })
      .set(bearer(token))
      .expect(400);
    expect(JSON.stringify(unknownFilter.body)).toContain('nosuch');
    await t
      .http()
      .get(data('development', customers))
      .query({ sort: 'nosuch' })
      .set(bearer(token))
      .expect(400);

    const wrongType = await t
      .http()
      .post(data('development', customers))
      .set(bearer(token))
      .send({ email: 'x@example.com', first_name: 'X', last_name: 'Y', marketing_opt_in: 'yes' })
      .expect(400);
    expect(wrongType.body.errors ?? wrongType.body.fieldErrors ?? wrongType.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'marketing_opt_in' })]),
    );
    const unknownColumn = await t
      .http()
      .post(data('development', customers))
      .set(bearer(token))
      .send({ email: 'z@example.com', first_name: 'Z', last_name: 'Z', nosuch: 1 })
      .expect(400);
    expect(JSON.stringify(unknownColumn.body)).toContain('nosuch');
  });

  describe('answers a write the database refuses for a constraint with 409, naming it, never a value', () => {
    const TAKEN = 'maya.okafor@example.com';
    const expectConflict = (body: Record<string, unknown>, code: string) => {
      expect(body).toMatchObject({ status: 409, code, type: expect.stringMatching(/^\/problems\//) });
      expect(JSON.stringify(body)).not.toContain(TAKEN);
    };
    const customer = { email: TAKEN, first_name: 'Maya', last_name: 'Again' };

    it('refuses a new customer whose unique email is taken (DATA.DUPLICATE_KEY, naming email)', async () => {
      const { body } = await t
        .http()
        .post(data('development', customers))
        .set(bearer(token))
        .send(customer)
        .expect(409);
      expectConflict(body, 'DATA.DUPLICATE_KEY');
      expect(body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
    });

    it('refuses a new customer whose primary key is taken (DATA.DUPLICATE_KEY, naming customer_id)', async () => {
      const { body } = await t
        .http()
        .post(data('development', customers))
        .set(bearer(token))
        .send({ ...customer, customer_id: 2, email: 'new.one@example.com' })
        .expect(409);
      expectConflict(body, 'DATA.DUPLICATE_KEY');
      expect(body.errors).toEqual([{ field: 'customer_id', message: expect.any(String) }]);
    });

    it('refuses an update of a customer to an email another has (DATA.DUPLICATE_KEY)', async () => {
      const { body } = await t
        .http()
        .patch(data('development', customers, '/2'))
        .set(bearer(token))
        .send({ email: TAKEN })
        .expect(409);
      expectConflict(body, 'DATA.DUPLICATE_KEY');
      expect(body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
      const unchanged = await t
        .http()
        .get(data('development', customers, '/2'))
        .set(bearer(token))
        .expect(200);
      expect(unchanged.body.email).toBe('lukas.brenner@example.com');
    });

    it('refuses an order of a customer that does not exist (DATA.FOREIGN_KEY_VIOLATION, naming customer_id)', async () => {
      const { body } = await t
        .http()
        .post(data('development', orders))
        .set(bearer(token))
        .send({ customer_id: 999_999, order_date: '2024-06-01' })
        .expect(409);
      expectConflict(body, 'DATA.FOREIGN_KEY_VIOLATION');
      expect(body.errors).toEqual([{ field: 'customer_id', message: expect.any(String) }]);
    });

    it('refuses to delete a customer its orders still refer to (DATA.ROW_REFERENCED, naming orders)', async () => {
      const { body: someOrders } = await t
        .http()
        .get(data('development', orders))
        .query({ limit: '1' })
        .set(bearer(token))
        .expect(200);
      const customerId = someOrders.items[0].customer_id as number;
      const { body } = await t
        .http()
        .delete(data('development', customers, `/${customerId}`))
        .set(bearer(token))
        .expect(409);
      expectConflict(body, 'DATA.ROW_REFERENCED');
      expect(body.detail).toContain('orders');
      await t
        .http()
        .get(data('development', customers, `/${customerId}`))
        .set(bearer(token))
        .expect(200);
    });
  });

  it('promotes version 1 to qa, where calls answer 409 until a qa connection is bound', async () => {
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    // Its creator administers it from their next login on
    const operator = await t.login(ADMIN.username, ADMIN.password, 'qa');

    // A developer of development only cannot promote to qa nor read qa data
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
    const developer = await t.login(DEVELOPER.username, DEVELOPER.password);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(developer))
      .send({ version: 1, environment: 'qa' })
      .expect(403);
    // Promotion goes to qa/production only, and only published versions
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'development' })
      .expect(409);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 2, environment: 'qa' })
      .expect(409);

    const deployed = await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    expect(deployed.body).toMatchObject({ integrationId, environment: 'qa', version: 1 });

    const noConnection = await t.http().get(data('qa', customers)).set(bearer(operator)).expect(409);
    expect(noConnection.body.code).toBe('INTEGRATION.NO_CONNECTION');
    await t.http().get(data('qa', customers)).set(bearer(developer)).expect(403);

    // A development connection cannot serve qa
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: SAMPLE_CONNECTION_ID })
      .expect(409);

    const { connectionId: qaConnectionId } = await sampleCopy(t, operator, {
      file: 'qa.sqlite',
      name: 'Shop QA',
      environment: 'qa',
    });
    const bound = await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnectionId })
      .expect(200);
    expect(bound.body).toMatchObject({ version: 1, connectionId: qaConnectionId });

    // Calls in qa now work, on the qa database only
    const created = await t
      .http()
      .post(data('qa', customers))
      .set(bearer(operator))
      .send({ email: 'qa-only@example.com', first_name: 'Q', last_name: 'A' })
      .expect(201);
    const inQa = await t
      .http()
      .get(data('qa', customers))
      .query({ email: 'qa-only@example.com' })
      .set(bearer(operator))
      .expect(200);
    expect(inQa.body.items).toEqual([expect.objectContaining({ customer_id: created.body.customer_id })]);
    const inDevelopment = await t
      .http()
      .get(data('development', customers))
      .query({ email: 'qa-only@example.com' })
      .set(bearer(operator))
      .expect(200);
    expect(inDevelopment.body.items).toEqual([]);
  });
});
