import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SAMPLE_CONNECTION_ID, createIntegration, entityNames, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Scope = Readonly<{
  integrations?: readonly string[];
  entities?: readonly Readonly<{ integrationId: string; entity: string }>[];
  readOnly?: boolean;
}>;
type ListedKey = Readonly<{
  id: string;
  scope?: Scope;
  usage: Readonly<{ lastUsedAt?: string; callsPerDay: readonly Readonly<{ day: string; calls: number }>[] }>;
}>;

const apiKey = (key: string) => ({ 'X-API-Key': key });

describe('Scoped API keys and their usage', () => {
  let dataDir: string;
  let t: TestApp;
  let admin: string;
  let shop: string;
  let sales: string;
  let customers: string;
  let products: string;
  let orders: string;

  const path = (integrationId: string, entity: string, rest = '') =>
    `/api/data/development/${integrationId}/${encodeURIComponent(entity)}${rest}`;
  const createKey = async (scope?: object, appName = 'Warehouse app') =>
    (
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName, ...(scope === undefined ? {} : { scope }) })
        .expect(201)
    ).body as { id: string; key: string; scope?: Scope };
  const listed = async (): Promise<ListedKey[]> =>
    (await t.http().get('/api/environments/development/api-keys').set(bearer(admin)).expect(200)).body.items;
  /** Rows of a table of the sample database, read beside the API: a refused call must leave them. */
  const count = (table: string): number => {
    const db = new DatabaseSync(join(t.config.sqliteDatabasesDir, 'sample.sqlite'), { readOnly: true });
    try {
      return Number((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  };
  /** Each refusal leaves the log and the database as they were. */
  const refusedWithoutWriting = async (
    call: () => Promise<{ status: number; body: { code: string } }>,
    code: string,
  ) => {
    const head = await t.store.headPosition();
    const before = [count('customers'), count('products'), count('orders')];
    const refused = await call();
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code });
    expect([count('customers'), count('products'), count('orders')]).toEqual(before);
    expect(await t.store.headPosition()).toBe(head);
    return refused;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-key-scopes-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await t.login(ADMIN.username, ADMIN.password);
    shop = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'products'],
    });
    sales = await createIntegration(t, admin, {
      applicationName: 'Sales',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['orders'],
    });
    ({ customers, products } = await entityNames(t, admin, shop));
    ({ orders } = await entityNames(t, admin, sales));
    await publishedOrFail(t, admin, shop);
    await publishedOrFail(t, admin, sales);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a scope, when a key is created, then the answer, the event and the list show it as recorded', async () => {
    const created = await createKey({
      integrations: [shop, shop],
      entities: [{ integrationId: shop, entity: customers }],
      readOnly: true,
    });

    const scope = {
      integrations: [shop],
      entities: [{ integrationId: shop, entity: customers }],
      readOnly: true,
    };
    expect(created.scope).toEqual(scope);
    const events = await t.store.readStream(`api-key-${created.id}`);
    expect(events.events[0]).toMatchObject({ type: 'ApiKeyCreated', data: { scope } });
    expect((await listed()).find(({ id }) => id === created.id)?.scope).toEqual(scope);
  });

  it('given no scope, when a key is created, then its event has none, as before scopes existed', async () => {
    const created = await createKey();

    expect(created.scope).toBeUndefined();
    const events = await t.store.readStream(`api-key-${created.id}`);
    expect(events.events[0].data).not.toHaveProperty('scope');
  });

  it('refuses a scope that cannot be recorded with 400, recording nothing', async () => {
    const head = await t.store.headPosition();
    for (const scope of [
      { integrations: [] },
      { integrations: ['not-a-uuid'] },
      { entities: [{ integrationId: shop, entity: customers }] },
      { integrations: [shop], entities: [{ integrationId: sales, entity: orders }] },
      { readOnly: 'yes' },
      { everything: true },
    ]) {
      const refused = await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName: 'Too clever', scope })
        .expect(400);
      expect(refused.body.errors.some(({ field }: { field: string }) => field.startsWith('scope'))).toBe(
        true,
      );
    }
    expect(await t.store.headPosition()).toBe(head);
  });

  it('given a key limited to one integration, then it reads and writes that one and is refused the other with 403 API_KEY.OUT_OF_SCOPE', async () => {
    const { key } = await createKey({ integrations: [shop] });
    await t.http().get(path(shop, customers)).query({ limit: '1' }).set(apiKey(key)).expect(200);
    await t.http().get(path(shop, products)).query({ limit: '1' }).set(apiKey(key)).expect(200);

    const refused = await refusedWithoutWriting(
      () => t.http().get(path(sales, orders)).set(apiKey(key)),
      'API_KEY.OUT_OF_SCOPE',
    );
    expect(refused.body).toMatchObject({ status: 403, title: expect.any(String) });
    expect((refused.body as unknown as { detail: string }).detail).toContain(sales);
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .post(path(sales, orders))
          .set(apiKey(key))
          .send({ customer_id: 1, order_date: '2025-01-01' }),
      'API_KEY.OUT_OF_SCOPE',
    );
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .delete(path(sales, orders, '/1'))
          .set(apiKey(key)),
      'API_KEY.OUT_OF_SCOPE',
    );
  });

  it('given a key limited to one entity of an integration, then the other entities of it are refused, writes included', async () => {
    const { key } = await createKey({
      integrations: [shop],
      entities: [{ integrationId: shop, entity: customers }],
    });
    await t.http().get(path(shop, customers)).query({ limit: '1' }).set(apiKey(key)).expect(200);

    await refusedWithoutWriting(
      () => t.http().get(path(shop, products)).set(apiKey(key)),
      'API_KEY.OUT_OF_SCOPE',
    );
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .get(path(shop, products, '/1'))
          .set(apiKey(key)),
      'API_KEY.OUT_OF_SCOPE',
    );
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .patch(path(shop, products, '/1'))
          .set(apiKey(key))
          .send({ stock_quantity: 0 }),
      'API_KEY.OUT_OF_SCOPE',
    );
    // An entity that does not exist is as closed as one outside the scope: the key learns nothing of it.
    await refusedWithoutWriting(
      () => t.http().get(path(shop, 'NoSuchEntity')).set(apiKey(key)),
      'API_KEY.OUT_OF_SCOPE',
    );
  });

  it('given a read-only key, then it lists and gets rows and every write is refused with 403 API_KEY.READ_ONLY, writing nothing', async () => {
    const { key } = await createKey({ readOnly: true });
    const page = await t.http().get(path(shop, customers)).query({ limit: '1' }).set(apiKey(key)).expect(200);
    const id = page.body.items[0].customer_id as number;
    await t
      .http()
      .get(path(shop, customers, `/${id}`))
      .set(apiKey(key))
      .expect(200);

    await refusedWithoutWriting(
      () =>
        t
          .http()
          .post(path(shop, customers))
          .set(apiKey(key))
          .set('Idempotency-Key', 'read-only-create')
          .send({ email: 'ro@example.com', first_name: 'Read', last_name: 'Only' }),
      'API_KEY.READ_ONLY',
    );
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .patch(path(shop, customers, `/${id}`))
          .set(apiKey(key))
          .send({ city: 'Nowhere' }),
      'API_KEY.READ_ONLY',
    );
    await refusedWithoutWriting(
      () =>
        t
          .http()
          .delete(path(shop, customers, `/${id}`))
          .set(apiKey(key)),
      'API_KEY.READ_ONLY',
    );
    expect(
      (
        await t
          .http()
          .get(path(shop, customers, `/${id}`))
          .set(apiKey(key))
          .expect(200)
      ).body,
    ).toEqual(
      (
        await t
          .http()
          .get(path(shop, customers, `/${id}`))
          .set(bearer(admin))
          .expect(200)
      ).body,
    );
  });

  it('given an unscoped key, then it still opens every integration and entity, reads and writes', async () => {
    const { key } = await createKey();
    await t.http().get(path(sales, orders)).query({ limit: '1' }).set(apiKey(key)).expect(200);
    const created = await t
      .http()
      .post(path(shop, customers))
      .set(apiKey(key))
      .send({ email: 'unscoped@example.com', first_name: 'Un', last_name: 'Scoped' })
      .expect(201);
    await t
      .http()
      .delete(path(shop, customers, `/${created.body.customer_id}`))
      .set(apiKey(key))
      .expect(204);
  });

  it('given calls made with keys, when the keys are listed, then each shows its calls per day and its last call', async () => {
    const used = await createKey(undefined, 'Counted app');
    const unused = await createKey(undefined, 'Idle app');
    const refusedToo = await createKey({ readOnly: true }, 'Refused app');
    for (let call = 0; call < 5; call++)
      await t.http().get(path(shop, customers)).query({ limit: '1' }).set(apiKey(used.key)).expect(200);
    await t
      .http()
      .delete(path(shop, customers, '/1'))
      .set(apiKey(refusedToo.key))
      .expect(403);

    const keys = await listed();

    const usageOf = (id: string) => keys.find((key) => key.id === id)!.usage;
    const counted = usageOf(used.id);
    expect(counted.callsPerDay).toEqual([{ day: counted.lastUsedAt!.slice(0, 10), calls: 5 }]);
    expect(Date.parse(counted.lastUsedAt!)).not.toBeNaN();
    expect(usageOf(unused.id)).toEqual({ callsPerDay: [] });
    // A call the key made counts, refused or not: the list says what the app tried.
    expect(usageOf(refusedToo.id).callsPerDay.map(({ calls }) => calls)).toEqual([1]);
    // Usage is operational data: no event records it.
    const events = await t.store.readAll({ fromPosition: 0, limit: 100_000 });
    expect(events.some(({ type }) => /usage|used/i.test(type))).toBe(false);
  });

  it('given calls not yet written, when the API stops, then they are kept and shown after a restart', async () => {
    const { id, key } = await createKey(undefined, 'Restarted app');
    for (let call = 0; call < 3; call++)
      await t.http().get(path(shop, customers)).query({ limit: '1' }).set(apiKey(key)).expect(200);

    await t.close();
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await t.login(ADMIN.username, ADMIN.password);

    const usage = (await listed()).find((listedKey) => listedKey.id === id)!.usage;
    expect(usage.callsPerDay.map(({ calls }) => calls)).toEqual([3]);
    expect(usage.lastUsedAt).toEqual(expect.any(String));
  });
});
