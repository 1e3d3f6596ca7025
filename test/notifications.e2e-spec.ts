import { type AddressInfo } from 'node:net';
import { eventually } from './support/publishing';
import { SseReader } from './support/sse-reader';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Notification = Readonly<{
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  environment?: string;
  createdAt: string;
  readAt?: string;
}>;
type Page = Readonly<{ items: Notification[]; next: string | null; unread: number }>;
type Approval = Readonly<{
  kind: string;
  id: string;
  environment: string;
  title: string;
  requestedBy: Readonly<{ id: string; username: string }>;
  link: string;
}>;

describe('notifications: people are told what needs them, and read only their own', () => {
  let t: TestApp;
  let root: string;
  let ada: string;
  let dana: string;
  let otto: string;

  const user = async (username: string, role: 'admin' | 'developer') => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ username, password: `${username}-password-1`, roles: [{ environment: 'development', role }] })
      .expect(201);
    return t.login(username, `${username}-password-1`);
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
  const page = async (token: string, query = '') =>
    (await t.http().get(`/api/notifications${query}`).set(bearer(token)).expect(200)).body as Page;
  /** The caller's notifications once the notifier has told them `what`. */
  const toldOf = (token: string, what: (notification: Notification) => boolean, description: string) =>
    eventually(async () => (await page(token, '?limit=100')).items.find(what), description);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    root = await t.login(ADMIN.username, ADMIN.password);
    ada = await user('ada', 'admin');
    dana = await user('dana', 'developer');
    otto = await user('otto', 'developer');
  });
  afterAll(() => t.close());

  it('given a developer requests a connection, then the environment’s administrators are told and see it in their approvals; approved, the developer is told', async () => {
    const { id } = await requestConnection(dana, 'Orders DB');

    // Then every administrator of development is told, the requester not
    const told = await toldOf(ada, ({ link }) => link.endsWith(id), 'ada to be told of the request');
    expect(told).toMatchObject({
      kind: 'connection-requested',
      title: 'Connection requested: Orders DB',
      link: `/connection-requests/show/${id}`,
      environment: 'development',
    });
    expect(told.body).toContain('dana requested');
    expect(told.readAt).toBeUndefined();
    await toldOf(root, ({ link }) => link.endsWith(id), 'the bootstrap administrator to be told');
    expect((await page(dana)).items).toEqual([]);

    // And it waits in the administrators' approvals, not in the developer's
    const approvals = (await t.http().get('/api/approvals').set(bearer(ada)).expect(200)).body as {
      items: Approval[];
    };
    expect(approvals.items).toContainEqual(
      expect.objectContaining({
        kind: 'connection-request',
        id,
        environment: 'development',
        title: 'Orders DB',
        requestedBy: expect.objectContaining({ username: 'dana' }),
        link: `/connection-requests/show/${id}`,
      }),
    );
    expect((await t.http().get('/api/approvals').set(bearer(dana)).expect(200)).body).toEqual({ items: [] });

    // When an administrator approves, then the requester is told, and it no longer waits
    await t.http().post(`/api/connection-requests/${id}/approve`).set(bearer(ada)).expect(200);
    const approved = await toldOf(dana, ({ kind }) => kind === 'request-approved', 'dana to be told');
    expect(approved).toMatchObject({
      title: 'Connection request approved: Orders DB',
      link: `/connection-requests/show/${id}`,
    });
    const after = (await t.http().get('/api/approvals').set(bearer(ada)).expect(200)).body as {
      items: Approval[];
    };
    expect(after.items.map((approval) => approval.id)).not.toContain(id);
  });

  it('given an administrator’s console is open on the live stream, when a developer requests a connection, then the notification arrives on that stream, not on the developer’s', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const streamOf = async (token: string) => {
      const { ticket } = (await t.http().post('/api/stream/tickets').set(bearer(token)).expect(200)).body as {
        ticket: string;
      };
      const reader = await SseReader.open(`http://127.0.0.1:${port}/api/stream?ticket=${ticket}`, {});
      await reader.waitFor((frame) => frame.comment === 'connected', 'the opening');
      return reader;
    };
    const [adas, danas] = [await streamOf(ada), await streamOf(dana)];
    try {
      const { id } = await requestConnection(dana, 'Live one');

      const frame = await adas.waitFor(
        (f) => f.event === 'notification' && (f.data ?? '').includes(id),
        'the notification on ada’s stream',
        5_000,
      );
      expect(JSON.parse(frame.data!)).toEqual({
        id: expect.any(String),
        kind: 'connection-requested',
        title: 'Connection requested: Live one',
        link: `/connection-requests/show/${id}`,
      });
      // dana's stream carries the change itself, never the administrators' notification
      await danas.waitFor((f) => f.event === 'change' && (f.data ?? '').includes(id), 'dana’s change');
      expect(danas.frames.filter((f) => f.event === 'notification')).toEqual([]);
    } finally {
      adas.close();
      danas.close();
    }
  });

  it('given a request cancelled by its requester, then nobody is told of the cancellation', async () => {
    const { id } = await requestConnection(otto, 'Cancelled one');
    await toldOf(ada, ({ link }) => link.endsWith(id), 'ada to be told of the request');
    await t.http().post(`/api/connection-requests/${id}/cancel`).set(bearer(otto)).expect(200);
    // A later notification of otto's shows the notifier has passed the cancellation
    const { id: rejectedId } = await requestConnection(otto, 'Rejected one');
    await t
      .http()
      .post(`/api/connection-requests/${rejectedId}/reject`)
      .set(bearer(ada))
      .send({ reason: 'Use the replica' })
      .expect(200);
    const rejected = await toldOf(otto, ({ kind }) => kind === 'request-rejected', 'otto to be told');
    expect(rejected.body).toContain('Reason: Use the replica');
    expect((await page(otto)).items.map(({ kind }) => kind)).toEqual(['request-rejected']);
  });

  it('marks one read, then all, and counts the unread', async () => {
    await requestConnection(dana, 'Unread one');
    const before = await eventually(async () => {
      const current = await page(ada);
      return current.unread >= 2 ? current : undefined;
    }, 'ada to have two unread');
    const [newest] = before.items;

    const read = await t.http().post(`/api/notifications/${newest!.id}/read`).set(bearer(ada)).expect(200);
    expect(read.body).toMatchObject({ id: newest!.id, readAt: expect.any(String) });
    const once = await page(ada);
    expect(once.unread).toBe(before.unread - 1);
    expect(once.items[0]).toMatchObject({ id: newest!.id, readAt: read.body.readAt });
    // Reading it again changes nothing
    const again = await t.http().post(`/api/notifications/${newest!.id}/read`).set(bearer(ada)).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    await t.http().post('/api/notifications/read-all').set(bearer(ada)).expect(204);
    const all = await page(ada, '?limit=100');
    expect(all.unread).toBe(0);
    expect(all.items.every(({ readAt }) => readAt !== undefined)).toBe(true);
  });

  it('pages newest first through `next` to the end, each one once', async () => {
    for (const name of ['Paged 1', 'Paged 2', 'Paged 3']) await requestConnection(otto, name);
    const everything = await eventually(async () => {
      const current = await page(ada, '?limit=100');
      return current.items.some(({ title }) => title.endsWith('Paged 3')) ? current : undefined;
    }, 'ada to be told of every request');

    const seen: Notification[] = [];
    let next: string | null = null;
    do {
      const current: Page = await page(ada, `?limit=2${next === null ? '' : `&after=${next}`}`);
      expect(current.items.length).toBeLessThanOrEqual(2);
      seen.push(...current.items);
      next = current.next;
    } while (next !== null);

    expect(seen.map(({ id }) => id)).toEqual(everything.items.map(({ id }) => id));
    const times = seen.map(({ createdAt }) => createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('answers another user’s notification and an unknown id with 404, and changes nothing', async () => {
    const [adas] = (await page(ada)).items;
    const byDana = await t.http().post(`/api/notifications/${adas!.id}/read`).set(bearer(dana));
    expect(byDana.status).toBe(404);
    expect(byDana.body.code).toBe('NOTIFICATION.NOT_FOUND');
    const unknown = await t
      .http()
      .post('/api/notifications/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10/read')
      .set(bearer(ada));
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    await t.http().post('/api/notifications/not-a-uuid/read').set(bearer(ada)).expect(400);
    expect((await page(dana)).items.every(({ id }) => id !== adas!.id)).toBe(true);
  });

  it('refuses a cursor it never gave and a limit out of range with 400', async () => {
    for (const query of [
      '?after=bm90LWEtY3Vyc29y',
      '?after=%25%25',
      '?limit=0',
      '?limit=101',
      '?limit=two',
    ]) {
      const response = await t.http().get(`/api/notifications${query}`).set(bearer(ada));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers anonymous callers with 401', async () => {
    await t.http().get('/api/notifications').expect(401);
    await t.http().post('/api/notifications/read-all').expect(401);
    await t.http().get('/api/approvals').expect(401);
  });
});
