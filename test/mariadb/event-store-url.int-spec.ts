import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ADMIN, bearer, startTestApp } from '../support/test-app';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

const TOKEN_SECRET = 'a-token-secret-shared-by-every-instance-0123456789';

/** MYSQL_URL with a database, and optionally another port or password. */
function eventStoreUrl(database: string, change: { password?: string; port?: string } = {}): string {
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  if (change.password !== undefined) url.password = change.password;
  if (change.port !== undefined) url.port = change.port;
  return url.toString();
}

describe('EVENT_STORE_URL on MariaDB', () => {
  const database = uniqueDatabaseName('ib_log');
  beforeAll(() => createDatabase(database));
  afterAll(() => dropDatabase(database));

  it('given a MariaDB event store, when an integration is created and the app restarts without its read model, then the views are rebuilt from the log on the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-mariadb-log-'));
    const env = { EVENT_STORE_URL: eventStoreUrl(database), TOKEN_SECRET, DATA_DIR: dataDir };
    try {
      const first = await startTestApp(env);
      let id: string;
      try {
        const token = await first.login(ADMIN.username, ADMIN.password);
        const created = await first
          .http()
          .post('/api/integrations')
          .set(bearer(token))
          .send({ provider: 'sqlite', applicationName: 'Orders on MariaDB' });
        expect(created.status).toBe(201);
        id = created.body.id as string;
      } finally {
        await first.close();
      }
      const connection = await createConnection(eventStoreUrl(database));
      const [rows] = await connection.query('SELECT type FROM events WHERE stream_id = ?', [
        `integration-${id}`,
      ]);
      await connection.end();
      for (const file of readdirSync(dataDir).filter((name) => name.startsWith('read-model.sqlite')))
        rmSync(join(dataDir, file));

      const second = await startTestApp(env);
      try {
        const token = await second.login(ADMIN.username, ADMIN.password);
        const read = await second.http().get(`/api/integrations/${id}`).set(bearer(token));

        expect((rows as { type: string }[]).map((row) => row.type)).toEqual(['IntegrationCreated']);
        expect(read.status).toBe(200);
        expect(read.body.applicationName).toBe('Orders on MariaDB');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two starts of the app on the server, each folding the log: seconds on a loaded machine.
  }, 60_000);

  it.each([
    ['a refused password', { password: 'wrong-password-123' }, /ER_ACCESS_DENIED_ERROR/],
    ['an unreachable server', { port: '1' }, /ECONNREFUSED/],
  ])(
    'given %s, then the app does not start and says where and why, without the password',
    async (_, change, reason) => {
      const url = eventStoreUrl(database, change);
      const starting = startTestApp({ EVENT_STORE_URL: url, TOKEN_SECRET });

      await expect(starting).rejects.toThrow(
        /^Cannot open the event store at mysql:\/\/[^:@]+@[^ ]+\/ib_log_\w+: /,
      );
      await expect(starting).rejects.toThrow(reason);
      await expect(starting).rejects.not.toThrow(new URL(url).password);
    },
  );
});
