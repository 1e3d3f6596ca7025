import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent } from '@ib/domain';
import { hashApiKey, ApiKeyHashStore } from '../apps/api/src/identity';
import { type Clock } from '../apps/api/src/infrastructure/clock';
import { type EventStore, type NewEvent } from '../apps/api/src/infrastructure/event-store/event-store.port';
import { createSqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const T0 = Date.parse('2026-01-05T09:00:00.000Z');

/** A clock the test sets and moves, so that "a minute later" and "past the time to live" take no time. */
const movableClock = (start = T0) => {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/**
 * The real SQLite event store of the data folder, with a fault: the matching append is stored (or, dying
 * before, not) and then never returns, as when the process is killed around the append; or it is held
 * until the test lets it go, as a slow request.
 */
function faultyEventStore(dataDir: string) {
  const store = createSqliteEventStore(dataDir);
  let dieBefore: ((streamId: string, events: readonly NewEvent[]) => boolean) | undefined;
  let dieAfter: ((streamId: string, events: readonly NewEvent[]) => boolean) | undefined;
  let holdBefore: ((streamId: string, events: readonly NewEvent[]) => boolean) | undefined;
  const died = deferred();
  const gate = deferred();
  const held = deferred();
  const faulty: EventStore = {
    append: async (streamId, events, options) => {
      if (holdBefore?.(streamId, events)) {
        held.resolve();
        await gate.promise;
      }
      if (dieBefore?.(streamId, events)) {
        died.resolve();
        return new Promise<never>(() => undefined);
      }
      const result = await store.append(streamId, events, options);
      if (dieAfter?.(streamId, events)) {
        died.resolve();
        return new Promise<never>(() => undefined);
      }
      return result;
    },
    readStream: store.readStream.bind(store),
    readAll: store.readAll.bind(store),
    headPosition: store.headPosition.bind(store),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
  };
  return {
    store: faulty,
    dieBeforeAppendOf(type: string) {
      dieBefore = (_, events) => events.some((event) => event.type === type);
      return died.promise;
    },
    dieAfterAppendOf(type: string) {
      dieAfter = (_, events) => events.some((event) => event.type === type);
      return died.promise;
    },
    holdAppendOf(type: string) {
      holdBefore = (_, events) => events.some((event) => event.type === type);
      return { held: held.promise, release: gate.resolve };
    },
  };
}

type Unanswerable = Readonly<{ then: Promise<unknown>['then']; abort(): void }>;

const stored = async (store: EventStore, type: string, data: object): Promise<RecordedEvent[]> =>
  (await store.readAll({ fromPosition: 0, limit: 100_000 })).filter(
    (event) => event.type === type && expect.objectContaining(data).asymmetricMatch(event.data),
  );

const underKey = async (store: EventStore, key: string): Promise<RecordedEvent[]> =>
  (await store.readAll({ fromPosition: 0, limit: 100_000 })).filter(
    ({ metadata }) => metadata.idempotencyKey === key,
  );

jest.setTimeout(30_000);

describe('Idempotency-Key after a crash between the append and the answer', () => {
  let dataDir: string;
  let running: TestApp | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-idempotency-crash-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Starts the app on the data folder, sends the request and kills the app once `type` is stored:
   * the request never gets its answer and the key stays reserved, as kill -9 leaves them.
   */
  async function crashDuring(
    type: string,
    send: (t: TestApp, token: string) => Unanswerable,
    when: 'before' | 'after' = 'after',
  ) {
    const faults = faultyEventStore(dataDir);
    const { clock } = movableClock();
    const t = await startTestApp({ DATA_DIR: dataDir }, { clock, eventStore: faults.store });
    const token = await t.login(ADMIN.username, ADMIN.password);
    const died = when === 'before' ? faults.dieBeforeAppendOf(type) : faults.dieAfterAppendOf(type);
    const request = send(t, token);
    const answered = new Promise((resolve, reject) => request.then(resolve, reject)).then((answer) => {
      throw new Error(`The request was answered before the crash: ${JSON.stringify(answer)}`);
    });
    await Promise.race([died, answered]);
    // The client loses its connection with the process; nothing the process had left to do happens.
    request.abort();
    answered.catch(() => undefined);
    await t.close();
  }

  /** Starts the app again on the same data folder, a minute after the crash. */
  async function restartAMinuteLater() {
    const { clock } = movableClock(T0 + 60_000);
    running = await startTestApp({ DATA_DIR: dataDir }, { clock });
    return { t: running, token: await running.login(ADMIN.username, ADMIN.password) };
  }

  it('given a create-integration that crashed after its event was stored, when it is retried with the same key and body, then it answers 201 with the id it created, writing nothing more', async () => {
    const body = { provider: 'sqlite', applicationName: 'Crash-proof orders' };
    const post = (t: TestApp, token: string) =>
      t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .set('Idempotency-Key', 'create-orders-after-crash')
        .send(body);
    await crashDuring('IntegrationCreated', post);

    const { t, token } = await restartAMinuteLater();
    const [created] = await stored(t.store, 'IntegrationCreated', body);
    const integrationId = (created.data as { integrationId: string }).integrationId;
    const retry = await post(t, token);

    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: integrationId, applicationName: 'Crash-proof orders' });
    expect(retry.headers.location).toBe(`/api/integrations/${integrationId}`);
    expect(await stored(t.store, 'IntegrationCreated', body)).toHaveLength(1);
    expect((await underKey(t.store, 'create-orders-after-crash')).map(({ type }) => type)).toEqual([
      'IntegrationCreated',
    ]);
    const listed = await t.http().get('/api/integrations').set(bearer(token)).expect(200);
    const items = (listed.body.items ?? listed.body) as { applicationName: string }[];
    expect(items.filter(({ applicationName }) => applicationName === 'Crash-proof orders')).toHaveLength(1);
    const again = await post(t, token).expect(201);
    expect(again.body).toEqual(retry.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('given a create-environment that crashed after the environment was stored but before its creator was made its admin, when it is retried, then it completes the grant and answers 201 once', async () => {
    const body = { name: 'staging', kind: 'qa' };
    const post = (t: TestApp, token: string) =>
      t
        .http()
        .post('/api/environments')
        .set(bearer(token))
        .set('Idempotency-Key', 'create-staging')
        .send(body);
    await crashDuring('EnvironmentCreated', post);

    const { t, token } = await restartAMinuteLater();
    const retry = await post(t, token);

    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ name: 'staging', kind: 'qa' });
    const written = await underKey(t.store, 'create-staging');
    expect(written.map(({ type }) => type)).toEqual(['EnvironmentCreated', 'UserRolesChanged']);
    expect(written[1].data).toMatchObject({
      roles: expect.arrayContaining([{ environment: 'staging', role: 'admin' }]),
    });
    const environments = await t.http().get('/api/environments').set(bearer(token)).expect(200);
    const names = ((environments.body.items ?? environments.body) as { name: string }[]).map(
      ({ name }) => name,
    );
    expect(names.filter((name) => name === 'staging')).toHaveLength(1);
    const again = await post(t, token).expect(201);
    expect(again.body).toEqual(retry.body);
    expect(await underKey(t.store, 'create-staging')).toHaveLength(2);
  });

  it('given an API key creation that crashed after it was stored, when it is retried, then it answers the same key id without the key, which is never shown twice', async () => {
    const post = (t: TestApp, token: string) =>
      t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(token))
        .set('Idempotency-Key', 'key-for-warehouse')
        .send({ appName: 'Warehouse app' });
    await crashDuring('ApiKeyCreated', post);

    const { t, token } = await restartAMinuteLater();
    const [created] = await stored(t.store, 'ApiKeyCreated', { appName: 'Warehouse app' });
    const retry = await post(t, token).expect(201);

    expect(retry.body).toMatchObject({
      id: (created.data as { keyId: string }).keyId,
      appName: 'Warehouse app',
    });
    expect(retry.body).not.toHaveProperty('key');
    expect(await stored(t.store, 'ApiKeyCreated', { appName: 'Warehouse app' })).toHaveLength(1);
  });

  it('given an API key creation that died before its event was stored, when it is retried, then it creates the key and the key shown is the one that verifies', async () => {
    const post = (t: TestApp, token: string) =>
      t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(token))
        .set('Idempotency-Key', 'key-for-shipping')
        .send({ appName: 'Shipping app' });
    await crashDuring('ApiKeyCreated', post, 'before');

    const { t, token } = await restartAMinuteLater();
    const retry = await post(t, token).expect(201);

    expect(retry.body.key).toMatch(/^ibk_/);
    expect(await t.app.get(ApiKeyHashStore).get(retry.body.id as string)).toBe(
      hashApiKey(retry.body.key as string),
    );
    expect(await stored(t.store, 'ApiKeyCreated', { appName: 'Shipping app' })).toHaveLength(1);
  });
});

describe('Idempotency-Key while the first attempt runs, and after it expired', () => {
  let dataDir: string;
  let t: TestApp;
  let token: string;
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a request still running, when a duplicate comes, then it gets 409 with Retry-After, and the answer once the first one answers', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-idempotency-running-'));
    const faults = faultyEventStore(dataDir);
    t = await startTestApp({ DATA_DIR: dataDir }, { clock: movableClock().clock, eventStore: faults.store });
    token = await t.login(ADMIN.username, ADMIN.password);
    const post = () =>
      t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .set('Idempotency-Key', 'slow-create')
        .send({ provider: 'sqlite', applicationName: 'Slow orders' });
    const { held, release } = faults.holdAppendOf('IntegrationCreated');
    const first = post().then((answer) => answer);
    await held;

    const duplicate = await post();
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect(Number(duplicate.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const waiting = post().then((answer) => answer);
    setTimeout(release, 100);
    const [answered, replayed] = await Promise.all([first, waiting]);
    expect(answered.status).toBe(201);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual(answered.body);
    expect(await underKey(t.store, 'slow-create')).toHaveLength(1);
  });

  it('given an API key created with an Idempotency-Key, when the request is repeated, then the same key id is answered without the key, which is stored nowhere', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-idempotency-api-key-'));
    t = await startTestApp({ DATA_DIR: dataDir }, { clock: movableClock().clock });
    token = await t.login(ADMIN.username, ADMIN.password);
    const post = () =>
      t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(token))
        .set('Idempotency-Key', 'key-for-billing')
        .send({ appName: 'Billing app' })
        .expect(201);
    const created = await post();
    const head = await t.store.headPosition();

    const repeated = await post();

    expect(created.body.key).toMatch(/^ibk_/);
    expect(repeated.body).toEqual({ ...created.body, key: undefined });
    expect(repeated.body).not.toHaveProperty('key');
    expect(await t.store.headPosition()).toBe(head);
    const files = ['idempotency.sqlite', 'idempotency.sqlite-wal'].map((name) => join(dataDir, name));
    const remembered = files.filter(existsSync).map((file) => readFileSync(file));
    expect(remembered.some((bytes) => bytes.includes(Buffer.from('Billing app')))).toBe(true);
    expect(remembered.some((bytes) => bytes.includes(Buffer.from(created.body.key as string)))).toBe(false);
  });

  it('given a key past its time to live, when it is used again, then the request runs as new', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-idempotency-ttl-'));
    const time = movableClock();
    t = await startTestApp({ DATA_DIR: dataDir, IDEMPOTENCY_TTL_HOURS: '1' }, { clock: time.clock });
    const post = async () =>
      t
        .http()
        .post('/api/integrations')
        .set(bearer(await t.login(ADMIN.username, ADMIN.password)))
        .set('Idempotency-Key', 'hourly-create')
        .send({ provider: 'sqlite', applicationName: 'Hourly orders' })
        .expect(201);
    const first = await post();
    time.advance(30 * 60_000);
    expect((await post()).body.id).toBe(first.body.id);

    time.advance(31 * 60_000);
    const later = await post();

    expect(later.body.id).not.toBe(first.body.id);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(
      (await underKey(t.store, 'hourly-create')).filter(({ type }) => type === 'IntegrationCreated'),
    ).toHaveLength(2);
  });
});
