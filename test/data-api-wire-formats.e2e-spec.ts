import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * The data API answers and accepts each attribute type in the one wire format its published document
 * declares (see libs/connectors/src/data/wire-format.ts), on the sample shop (SQLite).
 */
describe('the data API speaks the wire formats its document declares', () => {
  let t: TestApp;
  let token: string;
  let integrationId: string;

  const data = (entity: string, rest = '') => `/api/data/development/${integrationId}/${entity}${rest}`;
  const get = (path: string, query: Record<string, string> = {}) =>
    t.http().get(path).query(query).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'products', 'orders', 'order_items'],
    });
    await publishedOrFail(t, token, integrationId);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers decimals as exact text with their scale, date-times in RFC 3339 UTC and times of day', async () => {
    const product = await get(data('products', '/1')).expect(200);
    expect(product.body).toMatchObject({
      unit_price: '34.90',
      weight_kg: '0.450',
      created_at: '2023-11-02T10:00:00Z',
    });
    const order = await get(data('orders', '/1')).expect(200);
    expect(order.body).toMatchObject({
      order_date: '2024-05-02',
      delivery_slot_start: '09:00:00',
      shipped_at: '2024-05-03T14:10:00Z',
      shipping_fee: '4.90',
      created_at: '2024-05-02T08:12:00Z',
    });
  });

  it('filters on a date-time given in RFC 3339, whatever its offset, against what SQLite stores', async () => {
    const count = async (value: string) =>
      (await get(data('orders'), { 'created_at[gte]': value, count: 'true', fields: 'order_id' }).expect(200))
        .body.count as number;
    expect(await count('2024-05-02T00:00:00Z')).toBe(9);
    expect(await count('2024-05-02T10:12:00+02:00')).toBe(9);
    expect(await count('2024-05-02T08:12:00.001Z')).toBe(8);
    const refused = await get(data('orders'), { 'created_at[gte]': '2024-05-02 00:00:00' }).expect(400);
    expect(refused.body.errors[0].field).toBe('created_at');
  });

  it('accepts decimal text or a JSON number (rounded to the scale), an offset date-time and a time of day', async () => {
    const created = await t
      .http()
      .post(data('orders'))
      .set(bearer(token))
      .send({
        customer_id: 2,
        order_date: '2024-07-01',
        delivery_slot_start: '18:30:00.000',
        shipped_at: '2024-07-02T01:00:00+02:00',
        shipping_fee: 3.456,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      delivery_slot_start: '18:30:00',
      shipped_at: '2024-07-01T23:00:00Z',
      shipping_fee: '3.46',
    });
    expect(created.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const patched = await t
      .http()
      .patch(data('orders', `/${created.body.order_id}`))
      .set(bearer(token))
      .send({ shipping_fee: '0010.500' })
      .expect(200);
    expect(patched.body.shipping_fee).toBe('10.50');
  });

  it.each([
    ['a date-time without a zone', { shipped_at: '2024-07-02T01:00:00' }, 'shipped_at'],
    ['a decimal with an exponent', { shipping_fee: '1e2' }, 'shipping_fee'],
  ])('refuses %s, naming the attribute', async (_what, body, field) => {
    const refused = await t.http().patch(data('orders', '/1')).set(bearer(token)).send(body).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('reads a composite key in primary-key order, with its delimiters literal or percent-encoded', async () => {
    const expected = { order_id: 1, line_number: 2, unit_price: '24.50', discount_percent: '10.00' };
    expect((await get(data('order_items', '/order_id=1;line_number=2')).expect(200)).body).toMatchObject(
      expected,
    );
    expect(
      (await get(data('order_items', '/order_id%3D1%3Bline_number%3D2')).expect(200)).body,
    ).toMatchObject(expected);
    await get(data('order_items', '/line_number=2;order_id=1')).expect(400);
  });

  it('reads sort and fields lists exactly as written: no empty item, no spaces', async () => {
    await get(data('customers'), { sort: 'customer_id,,email' }).expect(400);
    await get(data('customers'), { fields: '' }).expect(400);
    await get(data('customers'), { fields: 'email, city' }).expect(400);
    const { body } = await get(data('customers'), {
      sort: '-customer_id',
      fields: 'customer_id',
      limit: '1',
    }).expect(200);
    expect(body.items).toEqual([{ customer_id: expect.any(Number) }]);
  });

  it('keeps explicit auto-increment keys 2^32 below 2^53, so the keys SQLite generates after them stay exact', async () => {
    const refused = await t
      .http()
      .post(data('customers'))
      .set(bearer(token))
      .send({
        customer_id: Number.MAX_SAFE_INTEGER,
        email: 'far@example.com',
        first_name: 'F',
        last_name: 'L',
      })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('customer_id');
  });
});
