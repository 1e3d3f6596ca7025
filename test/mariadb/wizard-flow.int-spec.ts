import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';
import { createDatabase, dropDatabase, loadChinook, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

/** The core wizard, on a real MariaDB holding Chinook: connection, database, tables, review. */
describe('the integration wizard against Chinook on MariaDB', () => {
  let t: TestApp;
  let admin: string;
  const database = uniqueDatabaseName('chinook_wizard');
  const server = new URL(mysqlUrl());

  beforeAll(async () => {
    await createDatabase(database);
    await loadChinook(database);
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    // Loading Chinook takes seconds, more on a loaded machine.
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await dropDatabase(database);
  });

  it('builds a MySQL integration of two Chinook tables, with the password kept out of every answer', async () => {
    // Given an administrator's MySQL connection
    const password = decodeURIComponent(server.password);
    const connection = (
      await t
        .http()
        .post('/api/connections')
        .set(bearer(admin))
        .send({
          name: 'Chinook on MariaDB',
          provider: 'mysql',
          details: {
            host: server.hostname,
            port: Number(server.port),
            username: decodeURIComponent(server.username),
          },
          password,
        })
        .expect(201)
    ).body;
    expect(JSON.stringify(connection)).not.toContain(password);
    const tested = await t
      .http()
      .post(`/api/connections/${connection.id}/test`)
      .set(bearer(admin))
      .expect(200);
    expect(tested.body).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/MariaDB/i) });

    // When a MySQL integration uses it, its Chinook database and two tables
    const integration = (
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(admin))
        .send({ provider: 'mysql', applicationName: 'Music' })
        .expect(201)
    ).body;
    const path = `/api/integrations/${integration.id}`;
    await t
      .http()
      .put(`${path}/connection`)
      .set(bearer(admin))
      .send({ connectionId: connection.id })
      .expect(200);
    const databases = (
      await t.http().get(`/api/connections/${connection.id}/databases`).set(bearer(admin)).expect(200)
    ).body;
    expect(databases.items.map((d: { name: string }) => d.name)).toContain(database);
    const tables = (
      await t
        .http()
        .get(`/api/connections/${connection.id}/databases/${database}/tables`)
        .set(bearer(admin))
        .expect(200)
    ).body;
    expect(tables.items.map((table: { name: string }) => table.name)).toEqual(
      expect.arrayContaining(['Album', 'Track']),
    );
    const track = (
      await t
        .http()
        .get(`/api/connections/${connection.id}/databases/${database}/tables/Track`)
        .set(bearer(admin))
        .expect(200)
    ).body;
    expect(track.primaryKey).toEqual(['TrackId']);
    expect(track.columns.find((c: { name: string }) => c.name === 'UnitPrice')).toMatchObject({
      kind: 'Decimal',
      precision: 10,
      scale: 2,
    });
    await t.http().put(`${path}/database`).set(bearer(admin)).send({ database }).expect(200);
    await t
      .http()
      .post(`${path}/entities`)
      .set(bearer(admin))
      .send({ tables: ['Album', 'Track'] })
      .expect(200);

    // Then the review is ready to publish with both entities and their keys
    const review = (await t.http().get(`${path}/review`).set(bearer(admin)).expect(200)).body;
    expect(review).toMatchObject({
      readyToPublish: true,
      connection: { id: connection.id, provider: 'mysql' },
    });
    expect(
      review.integration.entities.map((e: { name: string; primaryKey: string[] }) => [e.name, e.primaryKey]),
    ).toEqual([
      ['Album', ['AlbumId']],
      ['Track', ['TrackId']],
    ]);
  });

  it('answers a wrong MySQL password with a problem a user can act on, never echoing it', async () => {
    const connection = (
      await t
        .http()
        .post('/api/connections')
        .set(bearer(admin))
        .send({
          name: 'Wrong password',
          provider: 'mysql',
          details: {
            host: server.hostname,
            port: Number(server.port),
            username: decodeURIComponent(server.username),
          },
          password: 'definitely-wrong-password',
        })
        .expect(201)
    ).body;
    const response = await t.http().post(`/api/connections/${connection.id}/test`).set(bearer(admin));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('CONNECTOR.AUTH_FAILED');
    expect(response.text).not.toContain('definitely-wrong-password');
  });
});
