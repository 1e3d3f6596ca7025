import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { type ConnectionCreated, connectionStreamId } from '@ib/domain';
import { SecretShreddedError } from '../../apps/api/src/infrastructure/secrets/secret-errors';
import { SecretStore } from '../../apps/api/src/infrastructure/secrets/secret-store.port';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { eventually } from '../support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/**
 * A password rotated on a real MariaDB: the database user's password changes, the connection's is
 * rotated to it, and from then on the connection logs in with the new one only (its pool opened with
 * the old one is closed), while the old secret is destroyed.
 */
describe('rotating the password of a MariaDB connection', () => {
  let t: TestApp;
  let admin: string;
  const server = new URL(mysqlUrl());
  const database = uniqueDatabaseName('rotation');
  const user = `rot_${randomBytes(4).toString('hex')}`;
  const [first, second] = [
    `first-${randomBytes(6).toString('hex')}`,
    `second-${randomBytes(6).toString('hex')}`,
  ];

  const asServerAdmin = async (sql: string, values: unknown[] = []) => {
    const connection = await createConnection(mysqlUrl());
    try {
      await connection.query(sql, values);
    } finally {
      await connection.end();
    }
  };
  const test = (connectionId: string) =>
    t.http().post(`/api/connections/${connectionId}/test`).set(bearer(admin));
  const rotate = (connectionId: string, password: string) =>
    t
      .http()
      .put(`/api/connections/${connectionId}/password`)
      .set(bearer(admin))
      .send({ password })
      .expect(200);

  beforeAll(async () => {
    await createDatabase(database);
    await asServerAdmin('CREATE USER ?@? IDENTIFIED BY ?', [user, '%', first]);
    await asServerAdmin(`GRANT SELECT ON \`${database}\`.* TO ?@?`, [user, '%']);
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await t?.close();
    await asServerAdmin('DROP USER IF EXISTS ?@?', [user, '%']);
    await dropDatabase(database);
  });

  it('given the database user’s password changed, when the connection is rotated to it, then it logs in with the new one only and the old secret is gone', async () => {
    // Given a connection that logs in as the user, its pool open
    const created = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send({
        name: 'Rotated on MariaDB',
        provider: 'mysql',
        details: { host: server.hostname, port: Number(server.port), database, username: user },
        password: first,
      })
      .expect(201);
    const connectionId = created.body.id as string;
    expect((await test(connectionId).expect(200)).body).toMatchObject({ ok: true });
    const { events } = await t.store.readStream(connectionStreamId(connectionId));
    const oldRef = (events[0]!.data as ConnectionCreated['data']).secretRef!;

    // When the user's password changes on the server and the connection is rotated to it
    await asServerAdmin('ALTER USER ?@? IDENTIFIED BY ?', [user, '%', second]);
    const rotated = await rotate(connectionId, second);

    // Then the connection works with the new password, never showing it
    expect(JSON.stringify(rotated.body)).not.toContain(second);
    expect((await test(connectionId).expect(200)).body).toMatchObject({ ok: true });
    const databases = await t.http().get(`/api/connections/${connectionId}/databases`).set(bearer(admin));
    expect(databases.body.items.map(({ name }: { name: string }) => name)).toContain(database);

    // And the old password's secret is destroyed
    const secrets = t.app.get(SecretStore);
    await eventually(
      () =>
        secrets.get(oldRef).then(
          () => undefined,
          (error: unknown) => (error instanceof SecretShreddedError ? true : undefined),
        ),
      'the old secret to be destroyed',
    );

    // And a wrong password is really used: no pool opened with an earlier one answers for it
    await rotate(connectionId, 'not-the-password');
    const refused = await test(connectionId);
    expect(refused.status === 200 && refused.body.ok === true).toBe(false);
    await rotate(connectionId, second);
    expect((await test(connectionId).expect(200)).body).toMatchObject({ ok: true });
  });
});
