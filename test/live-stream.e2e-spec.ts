import { type AddressInfo } from 'node:net';
import { LiveStream } from '../apps/api/src/audit';
import { type Clock } from '../apps/api/src/infrastructure/clock';
import { SseReader } from './support/sse-reader';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'live-stream-password-1';

/** The system clock, moved on by the test (a ticket's 30 s pass at once). */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['fastify', 'express'] as const)('the live stream (GET /api/stream) on %s', (adapter) => {
  let t: TestApp;
  let clock: MovableClock;
  let base: string;
  let owner: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const open: SseReader[] = [];

  const createUser = async (username: string, roles: object[], environment = 'development') => {
    const created = await t
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({ username, password: PASSWORD, roles })
      .expect(201);
    ids[username] = created.body.id as string;
    tokens[username] = await t.login(username, PASSWORD, environment);
  };
  const ticketFor = async (username: string) => {
    const response = await t.http().post('/api/stream/tickets').set(bearer(tokens[username])).expect(200);
    return response.body as { ticket: string; expiresAt: string };
  };
  const connect = async (query: string, headers: Record<string, string> = {}) => {
    const reader = await SseReader.open(`${base}/api/stream${query}`, headers);
    open.push(reader);
    return reader;
  };
  const streamOf = async (username: string, headers: Record<string, string> = {}, extra = '') => {
    const { ticket } = await ticketFor(username);
    const reader = await connect(`?ticket=${ticket}${extra}`, headers);
    expect(reader.status).toBe(200);
    await reader.waitFor((frame) => frame.comment === 'connected', 'the opening');
    return reader;
  };
  const createIntegration = async (username: string, applicationName: string) =>
    (
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(tokens[username]))
        .send({ provider: 'sqlite', applicationName })
        .expect(201)
    ).body.id as string;
  const createQaConnection = async (name: string) =>
    (
      await t
        .http()
        .post('/api/connections')
        .set(bearer(tokens['qa-admin']))
        .send({ name, provider: 'sqlite', environment: 'qa', details: { path: 'sample.sqlite' } })
        .expect(201)
    ).body.id as string;
  const changeOf = (reader: SseReader, streamId: string, type: string) =>
    reader.waitFor(
      (frame) =>
        frame.event === 'change' &&
        frame.data?.includes(`"streamId":"${streamId}"`) === true &&
        frame.data.includes(`"type":"${type}"`),
      `${type} on ${streamId}`,
    );

  beforeAll(async () => {
    clock = new MovableClock();
    t = await startTestApp({ HTTP_ADAPTER: adapter, STREAM_HEARTBEAT_MS: '100' }, { clock });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    owner = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(owner)).send({ name: 'qa', kind: 'qa' }).expect(201);
    owner = await t.login(ADMIN.username, ADMIN.password);
    tokens.owner = owner;
    await createUser('dev-admin', [{ environment: 'development', role: 'admin' }]);
    await createUser('qa-admin', [{ environment: 'qa', role: 'admin' }], 'qa');
    await createUser('dana', [{ environment: 'development', role: 'developer' }]);
    await createUser('eli', [{ environment: 'development', role: 'developer' }]);
  });
  afterEach(() => {
    for (const reader of open.splice(0)) reader.close();
  });
  afterAll(() => t.close());

  describe('tickets', () => {
    it('given no ticket, when the stream is opened, then it answers 401 problem details', async () => {
      const reader = await connect('');

      expect(reader.status).toBe(401);
      expect(reader.response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await reader.body()).code).toBe('AUTH.INVALID_STREAM_TICKET');
    });

    it('given a ticket that opened a stream, when it is used again, then it answers 401', async () => {
      const { ticket } = await ticketFor('dana');
      expect((await connect(`?ticket=${ticket}`)).status).toBe(200);

      const again = await connect(`?ticket=${ticket}`);

      expect(again.status).toBe(401);
      expect((await again.body()).code).toBe('AUTH.INVALID_STREAM_TICKET');
    });

    it('given a ticket issued more than 30 s ago, when it is used, then it answers 401', async () => {
      const { ticket, expiresAt } = await ticketFor('dana');
      expect(Date.parse(expiresAt) - clock.now().getTime()).toBeLessThanOrEqual(30_000);
      clock.advance(30_001);

      const late = await connect(`?ticket=${ticket}`);

      expect(late.status).toBe(401);
      expect((await late.body()).code).toBe('AUTH.INVALID_STREAM_TICKET');
    });

    it('given no bearer token, when a ticket is asked for, then it answers 401', async () => {
      await t.http().post('/api/stream/tickets').expect(401);
    });

    it('given a malformed Last-Event-ID, when the stream is opened, then it answers 400 and the ticket stays good', async () => {
      const { ticket } = await ticketFor('dana');

      const bad = await connect(`?ticket=${ticket}`, { 'Last-Event-ID': 'yesterday' });
      expect(bad.status).toBe(400);
      expect((await bad.body()).code).toBe('STREAM.INVALID_LAST_EVENT_ID');

      expect((await connect(`?ticket=${ticket}`)).status).toBe(200);
    });
  });

  describe('changes', () => {
    it("given an owner's open stream, when another user creates an integration, then the change arrives with its type, stream and position and no data", async () => {
      const reader = await streamOf('owner');

      const id = await createIntegration('dana', 'Seen live');

      const frame = await changeOf(reader, `integration-${id}`, 'IntegrationCreated');
      const change = JSON.parse(frame.data ?? '') as Record<string, unknown>;
      expect(Object.keys(change).sort()).toEqual(['position', 'streamId', 'type']);
      expect(frame.id).toBe(String(change.position));
      const [stored] = (await t.store.readStream(`integration-${id}`)).events;
      expect(change.position).toBe(stored.globalPosition);
    });

    it("given administrators of two environments, when something changes in one, then only that one's administrator sees it", async () => {
      const devAdmin = await streamOf('dev-admin');
      const qaAdmin = await streamOf('qa-admin');

      const connectionId = await createQaConnection(`QA ${Date.now()}`);
      const integrationId = await createIntegration('dana', 'Development only');

      await changeOf(qaAdmin, `connection-${connectionId}`, 'ConnectionCreated');
      await changeOf(devAdmin, `integration-${integrationId}`, 'IntegrationCreated');
      expect(devAdmin.changes().map(({ streamId }) => streamId)).not.toContain(`connection-${connectionId}`);
      await pause(100);
      expect(qaAdmin.changes().map(({ streamId }) => streamId)).not.toContain(`integration-${integrationId}`);
    });

    it("given developers, when one requests a connection, then they see their own request's changes and not the other's", async () => {
      const dana = await streamOf('dana');
      const eli = await streamOf('eli');

      const requested = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(tokens.dana))
        .send({ name: `Asked ${Date.now()}`, provider: 'sqlite', details: { path: 'sample.sqlite' } })
        .expect(201);
      const integrationId = await createIntegration('eli', 'After the request');

      await changeOf(dana, `connection-request-${requested.body.id as string}`, 'ConnectionRequested');
      await changeOf(eli, `integration-${integrationId}`, 'IntegrationCreated');
      expect(eli.changes().map(({ type }) => type)).not.toContain('ConnectionRequested');
    });

    it('given a position received, when a stream resumes with Last-Event-ID, then it gets only the later changes, then live ones', async () => {
      const first = await streamOf('owner');
      const earlier = await createIntegration('dana', 'Before the cut');
      const cut = (await changeOf(first, `integration-${earlier}`, 'IntegrationCreated')).id ?? '';
      first.close();
      const missed = await createIntegration('dana', 'Missed while away');

      const resumed = await streamOf('owner', { 'Last-Event-ID': cut });
      const live = await createIntegration('dana', 'After the resume');

      await changeOf(resumed, `integration-${missed}`, 'IntegrationCreated');
      await changeOf(resumed, `integration-${live}`, 'IntegrationCreated');
      const positions = resumed.changes().map(({ position }) => position as number);
      expect(Math.min(...positions)).toBeGreaterThan(Number(cut));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('given a new EventSource, when it resumes with the lastEventId parameter, then it gets the later changes too', async () => {
      const head = await t.store.headPosition();
      const missed = await createIntegration('dana', 'Missed before the parameter');

      const resumed = await streamOf('owner', {}, `&lastEventId=${head}`);

      await changeOf(resumed, `integration-${missed}`, 'IntegrationCreated');
      expect(Math.min(...resumed.changes().map(({ position }) => position as number))).toBeGreaterThan(head);
    });

    it('given an open stream, when nothing happens, then heartbeat comments arrive', async () => {
      const reader = await streamOf('dana');

      await reader.waitFor((frame) => frame.comment === 'heartbeat', 'a heartbeat', 2_000);
    });

    it("given a user's open stream, when their roles change, then the stream ends after that change", async () => {
      await createUser('grace', [{ environment: 'development', role: 'developer' }]);
      const reader = await streamOf('grace');

      await t
        .http()
        .put(`/api/users/${ids.grace}/roles`)
        .set(bearer(owner))
        .send({ roles: [{ environment: 'development', role: 'admin' }] })
        .expect(200);

      await reader.closed;
      expect(reader.changes().map(({ streamId }) => streamId)).toContain('user-grace');
    });
  });

  describe('notifications', () => {
    it("given two users' open streams, when a notification is published to one, then only that user's streams get it", async () => {
      const danaFirst = await streamOf('dana');
      const danaSecond = await streamOf('dana');
      const eli = await streamOf('eli');
      const notification = {
        id: 'n-1',
        kind: 'connection-request.approved',
        title: 'Your request was approved',
        link: '/connection-requests/1',
      };

      const reached = t.app.get(LiveStream).publishToUser(ids.dana, notification);

      expect(reached).toBe(2);
      for (const reader of [danaFirst, danaSecond]) {
        const frame = await reader.waitFor((f) => f.event === 'notification', 'the notification');
        expect(JSON.parse(frame.data ?? '')).toEqual(notification);
        expect(frame.id).toBeUndefined();
      }
      await pause(100);
      expect(eli.frames.filter((frame) => frame.event === 'notification')).toEqual([]);
    });
  });
});

describe('the live stream at shutdown', () => {
  it('given open streams, when the application closes, then every stream ends and the close completes', async () => {
    const t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const token = await t.login(ADMIN.username, ADMIN.password);
    const readers: SseReader[] = [];
    for (let index = 0; index < 3; index++) {
      const ticket = await t.http().post('/api/stream/tickets').set(bearer(token)).expect(200);
      readers.push(await SseReader.open(`${base}/api/stream?ticket=${ticket.body.ticket as string}`));
    }
    expect(t.app.get(LiveStream).openStreams).toBe(3);

    await t.close();

    await Promise.all(readers.map((reader) => reader.closed));
  });
});
