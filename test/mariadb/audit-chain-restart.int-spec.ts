import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

const TOKEN_SECRET = 'a-token-secret-shared-by-every-instance-0123456789';
const AUDIT_KEY = 'an audit key that lives outside the data folder';

jest.setTimeout(60_000);

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sealed = (t: TestApp, owner: string) =>
  until('the audit chain sealer to catch up', async () => {
    const { body } = await t.http().get('/api/projections').set(bearer(owner)).expect(200);
    const sealer = (body.processes as { name: string; lag: number }[]).find((p) => p.name === 'audit-chain');
    return sealer && sealer.lag === 0 ? sealer : undefined;
  });

describe('the audit chain on a MariaDB event store, across a restart', () => {
  const database = uniqueDatabaseName('ib_chain_restart');
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-chain-restart-'));
  beforeAll(() => createDatabase(database));
  afterAll(async () => {
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("given a developer's stored grant edited to admin on the server while the installation was down, when it starts again, then /ready and verify report the position", async () => {
    const url = new URL(mysqlUrl());
    url.pathname = `/${database}`;
    const env = { EVENT_STORE_URL: url.toString(), TOKEN_SECRET, DATA_DIR: dataDir, AUDIT_KEY };
    const first = await startTestApp(env);
    const owner = await first.login(ADMIN.username, ADMIN.password);
    await first
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({
        username: 'dana',
        password: 'a-password-for-tests',
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    await sealed(first, owner);
    await first.close();

    const session = await createConnection(url.toString());
    const [[edited]] = (await session.query(
      "SELECT global_position AS position FROM events WHERE stream_id = 'user-dana' AND type = 'UserRegistered'",
    )) as unknown as [{ position: number }[]];
    await session.query(
      `UPDATE events SET data = REPLACE(data, '"role":"developer"', '"role":"admin"') WHERE global_position = ?`,
      [edited.position],
    );
    await session.end();

    const second = await startTestApp(env);
    try {
      const ready = await until('/ready to report the broken chain', async () => {
        const { body } = await second.http().get('/ready').expect(200);
        return body.auditChain ? body : undefined;
      });
      expect(ready.auditChain).toEqual({
        state: 'broken',
        position: Number(edited.position),
        kind: 'edited',
      });
      const admin = await second.login(ADMIN.username, ADMIN.password);
      const { body } = await second.http().get('/api/audit/verify').set(bearer(admin)).expect(200);
      expect(body).toMatchObject({
        ok: false,
        firstMismatch: { position: Number(edited.position), kind: 'edited' },
      });
    } finally {
      await second.close();
    }
  });
});
