import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const leaseTiming = { ttlMs: 1_000, renewEveryMs: 100 };
type Lease = { job: string; holder: string; here: boolean };

/** Both URLs on one MariaDB database: the instances share nothing on disk. */
function serverEnv(database: string, instance: string): Record<string, string> {
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  return {
    EVENT_STORE_URL: url.toString(),
    DATABASE_URL: url.toString(),
    TOKEN_SECRET: 'one-token-secret-for-every-instance-0123456789',
    SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    INSTANCE_ID: instance,
    DATA_DIR: mkdtempSync(join(tmpdir(), `ib-${instance}-`)),
  };
}

describe('two API instances on MariaDB (EVENT_STORE_URL and DATABASE_URL), nothing shared on disk', () => {
  const database = uniqueDatabaseName('ib_instances');
  let a: TestApp;
  let b: TestApp;
  let token: string;
  const folders: string[] = [];

  const start = async (instance: string) => {
    const env = serverEnv(database, instance);
    folders.push(env.DATA_DIR);
    return startTestApp(env, { leaseTiming });
  };

  beforeAll(async () => {
    await createDatabase(database);
    a = await start('api-a');
    b = await start('api-b');
    token = await a.login(ADMIN.username, ADMIN.password);
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await dropDatabase(database);
  });

  const leasesOn = async (app: TestApp) => {
    const response = await app.http().get('/api/projections').set(bearer(token)).expect(200);
    return (response.body.leases as Lease[]).map(({ job, holder, here }) => [job, holder, here]).sort();
  };

  it('given both started, then the first runs the background jobs and the second says so', async () => {
    expect(await leasesOn(b)).toEqual([
      ['drift-checks', 'api-a', false],
      ['process-managers', 'api-a', false],
      ['projections', 'api-a', false],
    ]);
  });

  it('given a token issued by one instance and a write answered by it, when the other reads right after, then it accepts the token and sees the write', async () => {
    const written = await a
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'Written on A' });
    const read = await b.http().get(`/api/integrations/${written.body.id}`).set(bearer(token));

    expect([written.status, read.status]).toEqual([201, 200]);
    expect(read.body.applicationName).toBe('Written on A');
  });

  it('given an API key created on one instance, when the other lists the keys, then it is there at once', async () => {
    const created = await a
      .http()
      .post('/api/environments/development/api-keys')
      .set(bearer(token))
      .send({ appName: 'Shop', label: 'made on A' });
    const listed = await b.http().get('/api/environments/development/api-keys').set(bearer(token));

    expect(created.status).toBe(201);
    expect((listed.body.items as { label: string }[]).map(({ label }) => label)).toContain('made on A');
  });

  it('given a login on one instance, when the other refreshes it, then the cookie rotates there and the spent one is refused on the first', async () => {
    const login = await a
      .http()
      .post('/api/auth/login')
      .send({ environment: 'development', username: ADMIN.username, password: ADMIN.password })
      .expect(200);
    const cookieOf = (response: { headers: Record<string, unknown> }) =>
      (response.headers['set-cookie'] as string[])[0].split(';')[0];

    const refreshed = await b.http().post('/api/auth/refresh').set('Cookie', cookieOf(login)).expect(200);
    const reused = await a.http().post('/api/auth/refresh').set('Cookie', cookieOf(login));

    await a
      .http()
      .get('/api/auth/me')
      .set(bearer(refreshed.body.accessToken as string))
      .expect(200);
    expect([reused.status, reused.body.code]).toEqual([401, 'AUTH.REFRESH_TOKEN_REUSED']);
  });

  it('given the instance that runs the jobs stops, then the other takes them over and projects what comes next', async () => {
    await a.close();
    const deadline = Date.now() + 10_000;
    let leases = await leasesOn(b);
    while (!leases.every(([, holder]) => holder === 'api-b') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      leases = await leasesOn(b);
    }
    const written = await b
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'After the takeover' });
    const read = await b.http().get(`/api/integrations/${written.body.id}`).set(bearer(token));
    a = await start('api-a');

    expect(leases).toEqual([
      ['drift-checks', 'api-b', true],
      ['process-managers', 'api-b', true],
      ['projections', 'api-b', true],
    ]);
    expect(read.status).toBe(200);
    expect(folders.every((folder) => !readdirSync(folder).some((name) => name.endsWith('.sqlite')))).toBe(
      true,
    );
  }, 30_000);
});
