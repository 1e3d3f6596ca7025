import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ConfigError, loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const SAMPLE_CONNECTION = '0190a000-0000-7000-8000-00000000a001';

describe('bad input changes nothing and gets a problem-details answer', () => {
  let t: TestApp;
  let admin: string;
  let developer: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        username: 'dev',
        password: 'dev-password-1',
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    developer = await t.login('dev', 'dev-password-1');
  });
  afterAll(() => t.close());

  const head = () => t.store.headPosition();
  const createIntegration = async (token = developer) =>
    (
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(token))
        .send({ provider: 'sqlite', applicationName: 'Orders' })
        .expect(201)
    ).body as {
      id: string;
    };

  it('answers an invalid body with 400, field errors, and stores nothing', async () => {
    const before = await head();
    const response = await t
      .http()
      .post('/api/integrations')
      .set(bearer(developer))
      .send({ provider: 'db2', applicationName: 42, extra: true });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      type: expect.any(String),
      title: expect.any(String),
    });
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['provider', 'applicationName', 'extra']));
    expect(await head()).toBe(before);
  });

  it('refuses a password for a SQLite connection, which would be stored and never used', async () => {
    const before = await head();
    const response = await t
      .http()
      .post('/api/connection-requests')
      .set(bearer(developer))
      .send({
        name: 'With password',
        provider: 'sqlite',
        details: { path: 'sample.sqlite' },
        password: 'not-used-1',
      });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    expect(await head()).toBe(before);
  });

  it('answers a malformed id with 400 and an unknown id with 404', async () => {
    await t.http().get('/api/integrations/not-a-uuid').set(bearer(developer)).expect(400);
    const missing = await t
      .http()
      .get('/api/integrations/0190a000-0000-7000-8000-000000000000')
      .set(bearer(developer))
      .expect(404);
    expect(missing.body.code).toBe('INTEGRATION.NOT_FOUND');
  });

  it('answers a missing or forged token with 401', async () => {
    const missing = await t.http().get('/api/integrations').expect(401);
    expect(missing.body.code).toBe('AUTH.UNAUTHENTICATED');
    await t
      .http()
      .get('/api/integrations')
      .set(bearer(`${developer}x`))
      .expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ environment: 'development', username: 'dev', password: 'wrong-password' })
      .expect(401);
  });

  it('answers a wrong role or environment with 403 and stores nothing', async () => {
    const before = await head();
    const create = await t
      .http()
      .post('/api/connections')
      .set(bearer(developer))
      .send({ name: 'Mine', provider: 'sqlite', details: { path: 'sample.sqlite' } });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('AUTH.ADMIN_REQUIRED');
    const otherEnvironment = await t
      .http()
      .post('/api/integrations')
      .set(bearer(developer))
      .send({ environment: 'production', provider: 'sqlite', applicationName: 'X' });
    expect(otherEnvironment.status).toBe(403);
    await t
      .http()
      .post('/api/auth/login')
      .send({ environment: 'production', username: 'dev', password: 'dev-password-1' })
      .expect(403);
    expect(await head()).toBe(before);
  });

  it('answers a rule violation with 409 and a stable code', async () => {
    const integration = await createIntegration();
    const response = await t
      .http()
      .put(`/api/integrations/${integration.id}/database`)
      .set(bearer(developer))
      .send({ database: 'main' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('INTEGRATION.CONNECTION_NOT_SELECTED');
  });

  it('keeps one database per integration', async () => {
    const integration = await createIntegration();
    const path = `/api/integrations/${integration.id}`;
    await t
      .http()
      .put(`${path}/connection`)
      .set(bearer(developer))
      .send({ connectionId: SAMPLE_CONNECTION })
      .expect(200);
    await t.http().put(`${path}/database`).set(bearer(developer)).send({ database: 'main' }).expect(200);
    const tables = (
      await t
        .http()
        .get(`/api/connections/${SAMPLE_CONNECTION}/databases/main/tables`)
        .set(bearer(developer))
        .expect(200)
    ).body;
    await t
      .http()
      .post(`${path}/entities`)
      .set(bearer(developer))
      .send({ tables: [tables.items[0].name] })
      .expect(200);
    const other = await t.http().put(`${path}/database`).set(bearer(developer)).send({ database: 'temp' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('INTEGRATION.ONE_DATABASE');
    const unknownTable = await t
      .http()
      .post(`${path}/entities`)
      .set(bearer(developer))
      .send({ tables: ['no_such_table'] });
    expect(unknownTable.status).toBe(404);
    expect(unknownTable.body.code).toBe('CONNECTOR.TABLE_NOT_FOUND');
  });

  it.each([
    [
      'an option SQL Server does not know',
      'mssql',
      { host: 'db.example.com', username: 'sa', options: { '': [] } },
    ],
    [
      'an option of the wrong type',
      'mssql',
      { host: 'db.example.com', username: 'sa', options: { encrypt: 'yes' } },
    ],
    [
      'a pool size out of range',
      'mysql',
      { host: 'db.example.com', username: 'app', options: { poolSize: 0 } },
    ],
    ['no user name', 'mysql', { host: 'db.example.com' }],
    ['an Oracle connection without its service name', 'oracle', { host: 'db.example.com', username: 'hr' }],
    [
      'an option Oracle does not know',
      'oracle',
      { host: 'db.example.com', database: 'FREEPDB1', username: 'hr', options: { encrypt: true } },
    ],
    ['an option SQLite does not know', 'sqlite', { path: 'sample.sqlite', options: { readOnly: false } }],
  ])(
    'refuses %s when a connection is created or requested (400 naming details, nothing stored)',
    async (_, provider, details) => {
      const before = await head();
      const created = await t
        .http()
        .post('/api/connections')
        .set(bearer(admin))
        .send({ name: 'Unusable', provider, details });
      const requested = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(developer))
        .send({ name: 'Unusable', provider, details });

      expect([created.status, created.body.code, created.body.errors?.[0]?.field]).toEqual([
        400,
        'CONNECTION.INVALID',
        'details',
      ]);
      expect([requested.status, requested.body.code]).toEqual([400, 'CONNECTION_REQUEST.INVALID']);
      expect(await head()).toBe(before);
    },
  );

  it('answers a malformed If-Match with 400: only a well-formed, outdated version is 412', async () => {
    const { id } = await createIntegration();

    const malformed = await t
      .http()
      .put(`/api/integrations/${id}/details`)
      .set(bearer(developer))
      .set('If-Match', 'not-an-etag')
      .send({ applicationName: 'Orders', moduleName: 'Orders_IS', description: '' });

    expect([malformed.status, malformed.body.code]).toEqual([400, 'REQUEST.INVALID_IF_MATCH']);
  });

  it('refuses null for an optional field, which the document declares a string', async () => {
    const refused = await t
      .http()
      .post('/api/integrations')
      .set(bearer(developer))
      .send({ provider: 'sqlite', applicationName: 'Orders', icon: null });

    expect([refused.status, refused.body.errors?.[0]?.field]).toEqual([400, 'icon']);
  });

  it('answers a stale If-Match with 412 and stores nothing', async () => {
    const integration = await createIntegration();
    await t
      .http()
      .put(`/api/integrations/${integration.id}/connection`)
      .set(bearer(developer))
      .send({ connectionId: SAMPLE_CONNECTION })
      .expect(200);
    const before = await head();
    const stale = await t
      .http()
      .put(`/api/integrations/${integration.id}/database`)
      .set(bearer(developer))
      .set('If-Match', '"0"')
      .send({ database: 'main' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(await head()).toBe(before);
  });

  it.each([
    ['a parent folder', '../../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['a NUL character', 'sample.sqlite\u0000.txt'],
  ])(
    'refuses a SQLite path to %s when a connection is created or requested (400 naming details.path, nothing stored), not one inside the folder',
    async (_, path) => {
      const before = await head();
      const created = await t
        .http()
        .post('/api/connections')
        .set(bearer(admin))
        .send({ name: 'Escape', provider: 'sqlite', details: { path } });
      const requested = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(developer))
        .send({ name: 'Escape', provider: 'sqlite', details: { path } });

      expect(created.status).toBe(400);
      expect(created.body.code).toBe('CONNECTION.INVALID');
      expect(created.body.errors).toEqual([{ field: 'details.path', message: expect.any(String) }]);
      expect(requested.status).toBe(400);
      expect(requested.body.code).toBe('CONNECTION_REQUEST.INVALID');
      expect(requested.body.errors).toEqual([{ field: 'details.path', message: expect.any(String) }]);
      expect(await head()).toBe(before);
      // While a path inside the folder is taken, also to a file that is not there yet
      for (const inside of ['sample.sqlite', 'later/orders.sqlite'])
        await t
          .http()
          .post('/api/connections')
          .set(bearer(admin))
          .send({ name: `Inside ${inside}`, provider: 'sqlite', details: { path: inside } })
          .expect(201);
    },
  );

  it.each([
    [
      'an integration application name',
      '/api/integrations',
      { provider: 'sqlite', applicationName: 'Orders\u202Etxt.exe' },
      'applicationName',
    ],
    [
      'an integration description',
      '/api/integrations',
      { provider: 'sqlite', applicationName: 'Orders', description: 'Nightly\u0000' },
      'description',
    ],
    [
      'a connection name',
      '/api/connections',
      { name: 'Orders\nDB', provider: 'sqlite', details: { path: 'sample.sqlite' } },
      'name',
    ],
    ['an API key app name', '/api/environments/development/api-keys', { appName: 'Shop\u0000' }, 'appName'],
    [
      'a user display name',
      '/api/users',
      {
        username: 'eve',
        password: 'eve-password-1',
        displayName: 'Eve\u2066',
        roles: [{ environment: 'development', role: 'developer' }],
      },
      'displayName',
    ],
  ])(
    'refuses control or bidi characters in %s: 400 naming the field, nothing stored',
    async (_, path, body, field) => {
      const before = await head();

      const response = await t.http().post(path).set(bearer(admin)).send(body);

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
      expect(await head()).toBe(before);
    },
  );

  it('refuses a lone surrogate in a name, sent as JSON escapes', async () => {
    const response = await t
      .http()
      .post('/api/integrations')
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send('{"provider":"sqlite","applicationName":"Orders \\ud800"}');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'applicationName', message: expect.any(String) }]);
  });

  it('replays a POST with the same Idempotency-Key and body, and refuses another body with 422', async () => {
    const send = (body: object) =>
      t
        .http()
        .post('/api/integrations')
        .set(bearer(developer))
        .set('Idempotency-Key', 'create-orders-1')
        .send(body);
    const first = await send({ provider: 'sqlite', applicationName: 'Idem' }).expect(201);
    const before = await head();
    const again = await send({ provider: 'sqlite', applicationName: 'Idem' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await head()).toBe(before);
    const other = await send({ provider: 'sqlite', applicationName: 'Other' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await head()).toBe(before);
  });
});

describe('a locked data folder', () => {
  it('answers 503 with a retry hint and leaves no partial state', async () => {
    // Given a running app whose event store file is then locked by another process's writer
    const t = await startTestApp({}, {});
    try {
      const token = await t.login(ADMIN.username, ADMIN.password);
      const before = await t.store.headPosition();
      const locker = new DatabaseSync(join(t.config.dataDir, 'events.sqlite'));
      locker.exec('PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE');
      try {
        // When a write is attempted
        const response = await t
          .http()
          .post('/api/integrations')
          .set(bearer(token))
          .send({ provider: 'sqlite', applicationName: 'Locked' });
        // Then it is refused as unavailable
        expect(response.status).toBe(503);
        expect(response.headers['retry-after']).toBeDefined();
        expect(response.body.code).toBe('STORAGE.UNAVAILABLE');
      } finally {
        locker.exec('ROLLBACK');
        locker.close();
      }
      // And nothing was written
      expect(await t.store.headPosition()).toBe(before);
      const list = await t.http().get('/api/integrations').set(bearer(token)).expect(200);
      expect(list.body.items.map((i: { applicationName: string }) => i.applicationName)).not.toContain(
        'Locked',
      );
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('an unusable data folder', () => {
  it('stops the start with a configuration error naming the folder, and creates nothing there', async () => {
    // Given a DATA_DIR that lies below a regular file, so it can never be created
    const parent = mkdtempSync(join(tmpdir(), 'ib-unusable-'));
    const blocker = join(parent, 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder should be');
    try {
      // When the application starts on it
      const start = createApp(
        loadConfig({ DATA_DIR: join(blocker, 'data'), ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent' }),
      );
      // Then it refuses with the folder named, and nothing was written next to the file
      await expect(start).rejects.toThrow(ConfigError);
      await expect(start).rejects.toThrow(/DATA_DIR .*not-a-folder\/data cannot be created/);
      expect(readdirSync(parent)).toEqual(['not-a-folder']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
