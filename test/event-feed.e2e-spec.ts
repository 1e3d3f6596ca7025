import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../apps/api/src/infrastructure/mysql/testing/closed-port';
import { RecordingFeedPublisher } from '../apps/api/src/infrastructure/event-feed/testing/recording-feed-publisher';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type ProcessStatus = {
  name: string;
  position: number;
  head: number;
  lag: number;
  state: string;
  failed?: string;
  lastError?: { message: string; at: string };
  holder?: string;
};

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the event feed relay (KAFKA_BROKERS set; the broker replaced by a recording publisher)', () => {
  let feed: RecordingFeedPublisher;
  let api: TestApp;
  let token: string;

  beforeEach(async () => {
    feed = new RecordingFeedPublisher();
    api = await startTestApp({ INSTANCE_ID: 'api-a' }, { eventFeedPublisher: feed });
    token = await api.login(ADMIN.username, ADMIN.password);
  });
  afterEach(() => api.close());

  const relayStatus = async () => {
    const response = await api.http().get('/api/projections').set(bearer(token)).expect(200);
    return (response.body.processes as ProcessStatus[]).find(({ name }) => name === 'event-feed');
  };
  const createIntegration = (applicationName: string) =>
    api.http().post('/api/integrations').set(bearer(token)).send({ provider: 'sqlite', applicationName });
  const headPosition = () => api.store.headPosition();

  it('given a new installation, then every stored event is published once, from the first, keyed by its stream, with its id and type in headers', async () => {
    const created = await createIntegration('Fed');
    expect(created.status).toBe(201);
    const head = await headPosition();

    await until(async () => ((await relayStatus())?.position === head ? true : undefined), 'the relay');

    const stored = await api.store.readAll({ fromPosition: 0, limit: 10_000 });
    expect(feed.events().map(({ eventId }) => eventId)).toEqual(stored.map(({ eventId }) => eventId));
    const integrationCreated = feed.acknowledged.find(
      ({ headers }) => headers['event-type'] === 'IntegrationCreated',
    );
    expect(integrationCreated).toMatchObject({
      key: `integration-${created.body.id as string}`,
      headers: { 'content-type': 'application/json', 'event-type': 'IntegrationCreated' },
    });
    expect(JSON.parse(integrationCreated!.value)).toEqual({
      eventId: integrationCreated!.headers['event-id'],
      type: 'IntegrationCreated',
      schemaVersion: 1,
      streamId: `integration-${created.body.id as string}`,
      streamVersion: 0,
      globalPosition: expect.any(Number),
      recordedAt: expect.any(String),
      data: expect.objectContaining({ integrationId: created.body.id, applicationName: 'Fed' }),
      metadata: expect.objectContaining({ correlationId: expect.any(String) }),
    });
    expect(await relayStatus()).toMatchObject({ state: 'running', lag: 0, holder: 'api-a' });
  });

  it('given the broker away, when commands go on, then they succeed, /ready names the relay as degraded, and once it is back every event arrives and the lag returns to 0', async () => {
    await until(async () => ((await relayStatus())?.lag === 0 ? true : undefined), 'the relay');
    feed.down = true;

    const whileDown = await Promise.all([createIntegration('Down 1'), createIntegration('Down 2')]);

    expect(whileDown.map(({ status }) => status)).toEqual([201, 201]);
    const retrying = await until(async () => {
      const status = await relayStatus();
      return status?.state === 'retrying' ? status : undefined;
    }, 'the relay to retry');
    expect(retrying).toMatchObject({
      failed: expect.stringContaining('ECONNREFUSED'),
      lastError: { message: expect.stringContaining('ECONNREFUSED'), at: expect.any(String) },
    });
    expect(retrying.lag).toBeGreaterThan(0);
    const ready = await api.http().get('/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ready', degraded: ['event-feed'] });

    feed.down = false;

    const head = await headPosition();
    const recovered = await until(async () => {
      const status = await relayStatus();
      return status?.position === head ? status : undefined;
    }, 'the relay to catch up');
    expect(recovered).toMatchObject({ state: 'running', lag: 0, lastError: expect.any(Object) });
    expect(recovered.failed).toBeUndefined();
    const ids = feed.events().map(({ eventId }) => eventId);
    const stored = await api.store.readAll({ fromPosition: 0, limit: 10_000 });
    expect(new Set(ids)).toEqual(new Set(stored.map(({ eventId }) => eventId)));
    expect((await api.http().get('/ready').expect(200)).body).toEqual({ status: 'ready' });
  }, 30_000);
});

describe('without KAFKA_BROKERS', () => {
  it('given no feed configured, then there is no relay among the processes', async () => {
    const api = await startTestApp();
    try {
      const token = await api.login(ADMIN.username, ADMIN.password);
      const response = await api.http().get('/api/projections').set(bearer(token)).expect(200);
      expect((response.body.processes as ProcessStatus[]).map(({ name }) => name)).not.toContain(
        'event-feed',
      );
    } finally {
      await api.close();
    }
  });
});

describe('KAFKA_BROKERS naming a broker that cannot be reached', () => {
  it('given no broker at the address at start, then the API serves, commands succeed, /ready names the relay as degraded and its status says why', async () => {
    const api = await startTestApp({
      KAFKA_BROKERS: `127.0.0.1:${await closedPort()}`,
      INSTANCE_ID: 'api-a',
    });
    try {
      const token = await api.login(ADMIN.username, ADMIN.password);

      await api
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .send({ provider: 'sqlite', applicationName: 'Served' })
        .expect(201);

      const relay = await until(async () => {
        const response = await api.http().get('/api/projections').set(bearer(token)).expect(200);
        const status = (response.body.processes as ProcessStatus[]).find(({ name }) => name === 'event-feed');
        return status?.state === 'retrying' ? status : undefined;
      }, 'the relay to retry');
      expect(relay.failed).toMatch(/ECONNREFUSED|connect/i);
      expect((await api.http().get('/ready').expect(200)).body).toEqual({
        status: 'ready',
        degraded: ['event-feed'],
      });
    } finally {
      await api.close();
    }
  }, 30_000);
});

describe('the relay on two instances sharing one installation', () => {
  it('given two instances, then only the holder of the process-managers lease publishes, and when it stops the other takes over from its checkpoint without losing an event', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-feed-leased-'));
    const leaseTiming = { ttlMs: 1_000, renewEveryMs: 100 };
    const [feedA, feedB] = [new RecordingFeedPublisher(), new RecordingFeedPublisher()];
    const env = { DATA_DIR: dataDir, TOKEN_SECRET: 'one-token-secret-for-both-instances-0123456789' };
    const a = await startTestApp(
      { ...env, INSTANCE_ID: 'api-a' },
      { eventFeedPublisher: feedA, leaseTiming },
    );
    const b = await startTestApp(
      { ...env, INSTANCE_ID: 'api-b' },
      { eventFeedPublisher: feedB, leaseTiming },
    );
    try {
      const token = await a.login(ADMIN.username, ADMIN.password);
      const create = (app: TestApp, applicationName: string) =>
        app
          .http()
          .post('/api/integrations')
          .set(bearer(token))
          .send({ provider: 'sqlite', applicationName })
          .expect(201);
      await create(a, 'Before');
      await create(b, 'Before too');
      const headBefore = await a.store.headPosition();
      await until(
        async () =>
          feedA.events().some(({ globalPosition }) => globalPosition === headBefore) ? true : undefined,
        'A to publish',
      );
      expect(feedB.acknowledged).toEqual([]);

      await a.close();
      await create(b, 'After');

      const head = await b.store.headPosition();
      await until(
        async () => (feedB.events().some(({ globalPosition }) => globalPosition === head) ? true : undefined),
        'B to take the relay over',
      );
      const published = new Set([...feedA.events(), ...feedB.events()].map(({ eventId }) => eventId));
      const stored = await b.store.readAll({ fromPosition: 0, limit: 10_000 });
      expect(published).toEqual(new Set(stored.map(({ eventId }) => eventId)));
    } finally {
      await b.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
