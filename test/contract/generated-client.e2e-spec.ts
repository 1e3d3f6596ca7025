import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from '../support/publishing';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { apiKey, downloadPackage, listening } from './published-package';

/** The project's Node 24, which runs a .ts file by stripping its types (no compiler involved). */
const NODE = resolve(__dirname, '../../node_modules/.bin/node');

/** An app written against the generated client, as its developer would: plain TypeScript, run as is. */
const APP = `
import { createClient, DataApiError, type CustomersCreate, type Orders } from './client.ts';

const [baseUrl, apiKey] = process.argv.slice(2);
const api = createClient({ baseUrl, apiKey, environment: 'development' });

const paid: Orders[] = (
  await api.orders.list({ filter: { created_at: { gte: '2024-06-01T00:00:00Z' }, status: { eq: 'paid' } }, count: true })
).items;
const page = await api.order_items.list({ fields: ['order_id', 'unit_price'], limit: 2 });
const line = await api.order_items.get({ order_id: 1, line_number: 2 });
const ada: CustomersCreate = { email: 'ada@client.example', first_name: 'Ada', last_name: 'Lovelace', created_at: '2024-05-02T10:00:00+02:00' };
const created = await api.customers.create(ada);
const updated = await api.customers.update({ customer_id: created.customer_id }, { city: 'London' });
await api.customers.remove({ customer_id: created.customer_id });
const gone = await api.customers.get({ customer_id: created.customer_id }).catch((error: unknown) => error);

console.log(JSON.stringify({
  paid: paid.map((order) => [order.order_id, order.shipping_fee, order.created_at]),
  page: page.items,
  line: [line.unit_price, line.discount_percent],
  created: created.created_at,
  updated: updated.city,
  gone: gone instanceof DataApiError ? [gone.status, gone.problem?.code] : String(gone),
}));
`;

describe('the generated TypeScript client', () => {
  let t: TestApp;
  let baseUrl: string;
  let key: string;
  let client: string;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'orders', 'order_items'],
    });
    const { version } = await publishedOrFail(t, admin, integrationId);
    client = (await downloadPackage(t, admin, integrationId, version as number)).get('client.ts')!;
    key = await apiKey(t, admin, 'client-spec');
    baseUrl = await listening(t);
    dir = mkdtempSync(join(tmpdir(), 'ib-generated-client-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it("runs under Node's type stripping against the live data API, typed as the document says", async () => {
    // Given the package's client.ts next to an app that imports it, outside any build
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'client.ts'), client);
    writeFileSync(join(dir, 'app.ts'), APP);

    // When Node runs the app as it is
    const { stdout, stderr } = await promisify(execFile)(NODE, ['app.ts', baseUrl, key], { cwd: dir });

    // Then every call went through, with exact decimals, RFC 3339 date-times and composite keys
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      paid: [
        [5, '4.90', '2024-06-11T07:58:00Z'],
        [8, '12.00', '2024-06-21T09:09:09Z'],
      ],
      page: [
        { order_id: 1, unit_price: '34.90' },
        { order_id: 1, unit_price: '24.50' },
      ],
      line: ['24.50', '10.00'],
      created: '2024-05-02T08:00:00Z',
      updated: 'London',
      gone: [404, 'DATA.ROW_NOT_FOUND'],
    });
  });
});
