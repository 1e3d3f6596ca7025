import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { TcpRelay } from '../support/tcp-relay';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

describe('MariaDB going away under a running API (both URLs set)', () => {
  const database = uniqueDatabaseName('ib_outage');
  let relay: TcpRelay;
  let app: TestApp;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    await createDatabase(database);
    const admin = new URL(mysqlUrl());
    relay = await TcpRelay.open({ host: admin.hostname, port: Number(admin.port) });
    const url = new URL(mysqlUrl());
    url.host = `127.0.0.1:${relay.port}`;
    url.pathname = `/${database}`;
    dataDir = mkdtempSync(join(tmpdir(), 'ib-outage-'));
    app = await startTestApp({
      DATA_DIR: dataDir,
      EVENT_STORE_URL: url.toString(),
      DATABASE_URL: url.toString(),
      TOKEN_SECRET: 'outage-token-secret-0123456789abcdef0123',
      SECRETS_KEY: Buffer.alloc(32, 5).toString('base64'),
      INSTANCE_ID: 'api-outage',
    });
    token = await app.login(ADMIN.username, ADMIN.password);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await relay?.down().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(database);
  });

  const create = (name: string) =>
    app
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: name });

  it('given the server gone, then writes and reads answer 503 with Retry-After; given it back, then the API serves again by itself', async () => {
    const before = await create('Before the outage');

    await relay.down();
    const duringWrite = await create('During the outage');
    const duringRead = await app.http().get('/api/integrations').set(bearer(token));
    await relay.up();
    let after = await create('After the outage');
    for (let attempt = 0; attempt < 100 && after.status !== 201; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await create('After the outage');
    }
    const listed = await app.http().get('/api/integrations?limit=500').set(bearer(token));

    expect(before.status).toBe(201);
    expect([duringWrite.status, duringRead.status]).toEqual([503, 503]);
    expect(duringWrite.headers['retry-after']).toBeDefined();
    expect(duringWrite.body.code).toMatch(/UNAVAILABLE/);
    expect(after.status).toBe(201);
    expect(
      (listed.body.items as { applicationName: string }[])
        .map(({ applicationName }) => applicationName)
        .sort(),
    ).toEqual(['After the outage', 'Before the outage']);
  }, 60_000);
});
