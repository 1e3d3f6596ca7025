import { type AddressInfo } from 'node:net';
import { type BaseRecord } from '@refinedev/core';
import { dataProvider } from '../../apps/console/src/providers/data-provider';
import { SAMPLE_CONNECTION_ID } from '../support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

type Integration = BaseRecord & { id: string; applicationName: string };

/**
 * The console's data provider against the real API, outside a browser: its fetch goes to the test
 * app's port and its session holds a real token. What it asks the API for is recorded.
 */
describe('the console data provider, against the API', () => {
  let t: TestApp;
  let newestFirst: Integration[];
  const asked: URL[] = [];
  const realFetch = globalThis.fetch;

  const getList = (
    params: Omit<Parameters<typeof dataProvider.getList>[0], 'resource'> & { resource?: string },
  ) => dataProvider.getList<Integration>({ resource: 'integrations', ...params });
  const names = (records: readonly Integration[]) => records.map(({ applicationName }) => applicationName);
  /** What the provider asked for since `from`, as path and query. */
  const requestsSince = (from: number) => asked.slice(from).map(({ pathname, search }) => pathname + search);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = await t.login(ADMIN.username, ADMIN.password);
    const session = JSON.stringify({ accessToken: token });
    Object.assign(globalThis, {
      localStorage: { getItem: () => session, removeItem: () => undefined },
      fetch: (input: string, init?: RequestInit) => {
        const url = new URL(input, `http://127.0.0.1:${port}`);
        asked.push(url);
        return realFetch(url, init);
      },
    });
    // Given more integrations than the API answers by default (50)
    for (let n = 1; n <= 60; n++)
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .send({ provider: 'sqlite', applicationName: `Item ${String(n).padStart(2, '0')}` })
        .expect(201);
    newestFirst = (await t.http().get('/api/integrations?limit=500').set(bearer(token)).expect(200)).body
      .items;
  });
  afterAll(async () => {
    Object.assign(globalThis, { fetch: realFetch, localStorage: undefined });
    await t.close();
  });

  it('reads the page asked for from the API, in the order asked for, with the total of the list', async () => {
    const from = asked.length;

    const page = await getList({
      pagination: { currentPage: 2, pageSize: 25 },
      sorters: [{ field: 'updatedAt', order: 'desc' }],
    });

    expect(page.total).toBe(60);
    expect(names(page.data)).toEqual(names(newestFirst.slice(25, 50)));
    expect(requestsSince(from)).toEqual(['/api/integrations?sort=-updatedAt&offset=25&limit=25']);
    const byName = await getList({
      pagination: { currentPage: 6, pageSize: 10 },
      sorters: [{ field: 'applicationName', order: 'asc' }],
    });
    expect(names(byName.data)).toEqual([
      'Item 51',
      'Item 52',
      'Item 53',
      'Item 54',
      'Item 55',
      'Item 56',
      'Item 57',
      'Item 58',
      'Item 59',
      'Item 60',
    ]);
  });

  it('reads every page of a list when pagination is off, as far as its total says', async () => {
    const from = asked.length;

    const all = await getList({ pagination: { mode: 'off' } });

    expect({ total: all.total, names: names(all.data) }).toEqual({ total: 60, names: names(newestFirst) });
    expect(requestsSince(from)).toEqual(['/api/integrations', '/api/integrations?offset=50&limit=500']);
  });

  it('passes the filters a list takes as its query parameters', async () => {
    const from = asked.length;

    const connections = await getList({
      resource: 'connections',
      pagination: { mode: 'off' },
      filters: [
        { field: 'environment', operator: 'eq', value: 'development' },
        { field: 'provider', operator: 'eq', value: 'sqlite' },
      ],
    });

    expect(connections.data.map(({ id }) => id)).toEqual([SAMPLE_CONNECTION_ID]);
    expect(requestsSince(from)).toEqual(['/api/connections?environment=development&provider=sqlite']);
  });

  it('refuses a filter the API has no parameter for, without asking it', async () => {
    const from = asked.length;

    await expect(
      getList({ filters: [{ field: 'applicationName', operator: 'contains', value: 'Item' }] }),
    ).rejects.toThrow('The API lists cannot filter applicationName with contains "Item"');
    expect(requestsSince(from)).toEqual([]);
  });

  it('reads many records by their ids, one request each', async () => {
    const wanted = [newestFirst[59], newestFirst[0], newestFirst[30]];
    const from = asked.length;

    const many = await dataProvider.getMany!<Integration>({
      resource: 'integrations',
      ids: wanted.map(({ id }) => id),
    });

    expect(names(many.data)).toEqual(names(wanted));
    expect(requestsSince(from).sort()).toEqual(wanted.map(({ id }) => `/api/integrations/${id}`).sort());
  });
});
