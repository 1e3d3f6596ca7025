import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Named = { name?: string; applicationName?: string; username?: string };
type Page = { items: Named[]; total: number };

/**
 * Every list the console shows is read a page at a time: `offset` and `limit` pick the rows, `total`
 * counts them all, and the filters and order the console offers are applied by the server, before
 * the page is cut.
 */
describe('lists, a page at a time, filtered and ordered by the server', () => {
  let t: TestApp;
  let owner: string;
  let dana: string;
  let eli: string;
  let qaAdmin: string;

  const list = async (path: string, token: string = owner) =>
    (await t.http().get(path).set(bearer(token)).expect(200)).body as Page;
  const names = ({ items }: Page) => items.map((item) => item.applicationName ?? item.name ?? item.username);
  const user = async (username: string, environment: string, role: 'developer' | 'admin') => {
    const password = `${username}-password-1`;
    await t
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({ username, password, roles: [{ environment, role }] })
      .expect(201);
    return t.login(username, password, environment);
  };
  const requestConnection = async (token: string, name: string) =>
    (
      await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(token))
        .send({ name, provider: 'sqlite', details: { path: 'sample.sqlite' } })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(owner)).send({ name: 'qa', kind: 'qa' }).expect(201);
    dana = await user('dana', 'development', 'developer');
    eli = await user('eli', 'development', 'developer');
    qaAdmin = await user('quinn', 'qa', 'admin');
  });
  afterAll(() => t.close());

  it('pages integrations, most recently changed first, or by application name whatever its case', async () => {
    // Given five integrations, created in this order
    for (const applicationName of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(owner))
        .send({ provider: 'sqlite', applicationName })
        .expect(201);

    // Then a page is cut from the whole list in the order asked for, and the total counts them all
    const newest = await list('/api/integrations?offset=1&limit=2');
    expect({ names: names(newest), total: newest.total }).toEqual({ names: ['Bravo', 'charlie'], total: 5 });
    expect(names(await list('/api/integrations?sort=updatedAt&limit=2'))).toEqual(['delta', 'Alpha']);
    const byName = await list('/api/integrations?sort=applicationName&offset=1&limit=3');
    expect({ names: names(byName), total: byName.total }).toEqual({
      names: ['Bravo', 'charlie', 'delta'],
      total: 5,
    });
    expect(names(await list('/api/integrations?sort=-applicationName&limit=2'))).toEqual(['echo', 'delta']);
    // And a page past the end is empty, still with the total
    expect(await list('/api/integrations?offset=5')).toEqual({ items: [], total: 5 });
  });

  it('pages the connections of one provider', async () => {
    // Given two more sqlite connections next to the sample one
    for (const name of ['Archive', 'Warehouse'])
      await t
        .http()
        .post('/api/connections')
        .set(bearer(owner))
        .send({ name, provider: 'sqlite', details: { path: 'sample.sqlite' } })
        .expect(201);

    const all = await list('/api/connections?provider=sqlite');
    const second = await list('/api/connections?provider=sqlite&offset=1&limit=1');
    expect(all.total).toBe(3);
    expect({ names: names(second), total: second.total }).toEqual({ names: [names(all)[1]], total: 3 });
    expect(await list('/api/connections?provider=mysql')).toEqual({ items: [], total: 0 });
  });

  it('pages connection requests in one status, counting only those the caller may see', async () => {
    // Given three requests of Dana (one rejected since) and one of Eli
    const first = await requestConnection(dana, 'Dana 1');
    await requestConnection(dana, 'Dana 2');
    await requestConnection(dana, 'Dana 3');
    await requestConnection(eli, 'Eli 1');
    await t
      .http()
      .post(`/api/connection-requests/${first.id}/reject`)
      .set(bearer(owner))
      .send({ reason: 'Use the replica' })
      .expect(200);

    // Then Dana pages through her own requests only, newest first
    const mine = await list('/api/connection-requests?limit=2', dana);
    expect({ names: names(mine), total: mine.total }).toEqual({ names: ['Dana 3', 'Dana 2'], total: 3 });
    const pending = await list('/api/connection-requests?status=pending', dana);
    expect({ names: names(pending), total: pending.total }).toEqual({
      names: ['Dana 3', 'Dana 2'],
      total: 2,
    });
    // And an administrator of the environment sees everyone's
    const everyone = await list('/api/connection-requests?status=pending&offset=1&limit=1');
    expect({ names: names(everyone), total: everyone.total }).toEqual({ names: ['Dana 3'], total: 3 });
  });

  it('pages environments and users, counting only those the caller may see', async () => {
    expect(await list('/api/environments?limit=1')).toMatchObject({
      items: [{ name: 'development' }],
      total: 2,
    });
    expect(await list('/api/environments?offset=1')).toMatchObject({ items: [{ name: 'qa' }], total: 2 });
    expect(await list('/api/environments', dana)).toMatchObject({
      items: [{ name: 'development' }],
      total: 1,
    });

    const users = await list('/api/users?offset=1&limit=2');
    expect({ names: names(users), total: users.total }).toEqual({ names: ['dana', 'eli'], total: 4 });
    // An administrator of qa sees themselves and who holds a role in qa (its creator), nobody else
    const seenInQa = await list('/api/users', qaAdmin);
    expect({ names: names(seenInQa), total: seenInQa.total }).toEqual({
      names: [ADMIN.username, 'quinn'],
      total: 2,
    });
  });

  it.each([
    '/api/integrations?sort=name',
    '/api/integrations?limit=501',
    '/api/connections?offset=-1',
    '/api/connection-requests?limit=0',
    '/api/environments?limit=x',
    // An integer past 2^63: SQLite's OFFSET would fail with it
    '/api/environments?offset=25678556823289929728',
    '/api/users?offset=1.5',
  ])('refuses %s with 400 problem details', async (path) => {
    const refused = await t.http().get(path).set(bearer(owner)).expect(400);
    expect(refused.body.code).toBe('REQUEST.INVALID');
  });
});
