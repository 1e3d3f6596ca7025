import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { type ContactRow, describeNullPolicies } from '../support/null-policy-scenario';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/** The null policy of each published version, applied by the data API on a real MariaDB. */
describe('the null policy through the data API, on MariaDB', () => {
  const server = new URL(mysqlUrl());
  const database = uniqueDatabaseName('null_policy');
  let t: TestApp;
  let token: string;
  let connectionId: string;
  let db: Connection;

  beforeAll(async () => {
    await createDatabase(database);
    db = await createConnection({ uri: mysqlUrl(), database });
    await db.query(
      'CREATE TABLE contacts (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, phone VARCHAR(40) NULL, ' +
        'visits INT NULL)',
    );
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    const created = await t
      .http()
      .post('/api/connections')
      .set(bearer(token))
      .send({
        name: 'Contacts',
        provider: 'mysql',
        details: {
          host: server.hostname,
          port: Number(server.port),
          username: decodeURIComponent(server.username),
        },
        password: decodeURIComponent(server.password),
      })
      .expect(201);
    connectionId = created.body.id as string;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.end();
    await dropDatabase(database);
  });

  describeNullPolicies(() => ({
    t,
    token,
    provider: 'mysql',
    connectionId,
    database,
    db: {
      insert: async ({ id, name, phone, visits }) => {
        await db.execute('INSERT INTO contacts (id, name, phone, visits) VALUES (?, ?, ?, ?)', [
          id,
          name,
          phone,
          visits,
        ]);
      },
      row: async (id) => {
        const [rows] = await db.execute<RowDataPacket[]>(
          'SELECT id, name, phone, visits FROM contacts WHERE id = ?',
          [id],
        );
        return rows[0] === undefined ? undefined : ({ ...rows[0] } as ContactRow);
      },
    },
  }));
});
