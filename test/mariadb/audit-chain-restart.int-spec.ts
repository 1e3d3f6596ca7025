import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { AUDIT_KEY, chainSealed, readyReportsBrokenChain } from '../support/audit-chain';
import { ADMIN, bearer, startTestApp } from '../support/test-app';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

const TOKEN_SECRET = 'a-token-secret-shared-by-every-instance-0123456789';

jest.setTimeout(60_000);

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
    await chainSealed(first, owner);
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
      const ready = await readyReportsBrokenChain(second);
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
