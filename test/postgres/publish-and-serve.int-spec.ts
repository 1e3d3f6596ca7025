import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegration, entityNames, published } from '../support/publishing';
import { createDatabase, dropDatabase, loadChinook, uniqueDatabaseName } from '../support/postgres';
import { createPostgresConnection } from '../support/postgres-connections';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/**
 * The whole story on a real PostgreSQL holding Chinook: the wizard browses `<database>/<schema>`,
 * publishes in development, an app uses the data API with an API key, and the version promoted to QA
 * is served by another database once a connection naming it is bound there.
 */
describe('publishing Chinook on PostgreSQL and serving it to apps', () => {
  const devDatabase = uniqueDatabaseName('pg_chinook_dev');
  const qaDatabase = uniqueDatabaseName('pg_chinook_qa');
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-pg-chinook-'));
  let t: TestApp;
  let admin: string;
  let connectionId: string;
  let integrationId: string;
  let trackEntity: string;
  let appKey: string;

  const withKey = (key: string) => ({ 'X-API-Key': key });
  const tracks = (environment = 'development') => `/api/data/${environment}/${integrationId}/${trackEntity}`;

  beforeAll(async () => {
    await Promise.all([createDatabase(devDatabase), createDatabase(qaDatabase)]);
    await Promise.all([loadChinook(devDatabase), loadChinook(qaDatabase)]);
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await t.login(ADMIN.username, ADMIN.password);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([dropDatabase(devDatabase), dropDatabase(qaDatabase)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists PostgreSQL as an available provider on port 5432', async () => {
    const { body } = await t.http().get('/api/providers').set(bearer(admin)).expect(200);
    const providers = (Array.isArray(body) ? body : body.items) as {
      id: string;
      available: boolean;
      fields: { name: string; label: string }[];
    }[];
    const postgres = providers.find(({ id }) => id === 'postgres');
    expect(postgres).toMatchObject({ available: true });
    expect(postgres?.fields.find(({ name }) => name === 'port')?.label).toContain('5432');
  });

  it('browses the server as the wizard does: <database>/<schema>, then its tables and one described', async () => {
    connectionId = await createPostgresConnection(t, admin, { name: 'Chinook on PostgreSQL' });
    await t
      .http()
      .post(`/api/connections/${connectionId}/test`)
      .set(bearer(admin))
      .expect(200)
      .expect(({ body }) => expect(body.serverVersion).toMatch(/^PostgreSQL/));
    const databases = await t
      .http()
      .get(`/api/connections/${connectionId}/databases`)
      .set(bearer(admin))
      .expect(200);
    expect(databases.body.items).toEqual(expect.arrayContaining([{ name: `${devDatabase}/public` }]));

    const address = encodeURIComponent(`${devDatabase}/public`);
    const tables = await t
      .http()
      .get(`/api/connections/${connectionId}/databases/${address}/tables`)
      .set(bearer(admin))
      .expect(200);
    expect((tables.body.items as { name: string }[]).map(({ name }) => name)).toContain('track');
    const track = await t
      .http()
      .get(`/api/connections/${connectionId}/databases/${address}/tables/track`)
      .set(bearer(admin))
      .expect(200);
    expect(track.body).toMatchObject({ name: 'track', primaryKey: ['track_id'] });
  });

  it('publishes in development and serves track to an app with an API key', async () => {
    // Given a PostgreSQL integration of Chinook's track, album and genre tables, published
    integrationId = await createIntegration(t, admin, {
      provider: 'postgres',
      applicationName: 'Music',
      connectionId,
      database: `${devDatabase}/public`,
      tables: ['track', 'album', 'genre'],
    });
    trackEntity = (await entityNames(t, admin, integrationId)).track;
    expect(await published(t, admin, integrationId)).toMatchObject({ status: 'published', version: 1 });

    // And an API key an administrator created for the jukebox app
    appKey = (
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(admin))
        .send({ appName: 'jukebox', label: 'postgres int spec' })
        .expect(201)
    ).body.key as string;

    // When the app lists tracks, Then it gets 100 of the 3503 with their count, prices as exact text
    const page = await t
      .http()
      .get(tracks())
      .query({ limit: 100, count: true })
      .set(withKey(appKey))
      .expect(200);
    expect(page.body.items).toHaveLength(100);
    expect(page.body.count).toBe(3503);
    expect(page.body.items[0].unit_price).toBe('0.99');

    // And it filters, sorts and selects fields
    const long = await t
      .http()
      .get(tracks())
      .query({
        genre_id: 1,
        'milliseconds[gt]': 400000,
        sort: '-milliseconds',
        fields: 'track_id,name,milliseconds',
      })
      .set(withKey(appKey))
      .expect(200);
    const lengths = (long.body.items as { milliseconds: number }[]).map(({ milliseconds }) => milliseconds);
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.every((ms) => ms > 400000)).toBe(true);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(Object.keys(long.body.items[0]).sort()).toEqual(['milliseconds', 'name', 'track_id']);

    // And it creates, reads, updates and deletes a track
    const track = {
      track_id: 9001,
      name: 'Integration Builder Blues',
      media_type_id: 1,
      genre_id: 1,
      milliseconds: 181000,
      unit_price: '0.99',
    };
    const made = await t.http().post(tracks()).set(withKey(appKey)).send(track).expect(201);
    expect(made.body.track_id).toBe(9001);
    await t
      .http()
      .patch(`${tracks()}/9001`)
      .set(withKey(appKey))
      .send({ composer: 'The Builders' })
      .expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ track_id: 9001, composer: 'The Builders' }));
    await t.http().get(`${tracks()}/9001`).set(withKey(appKey)).expect(200);
    await t.http().delete(`${tracks()}/9001`).set(withKey(appKey)).expect(204);
    await t.http().get(`${tracks()}/9001`).set(withKey(appKey)).expect(404);

    // And a constraint the database keeps is a 409: a duplicate key, a track of no genre
    const duplicate = await t
      .http()
      .post(tracks())
      .set(withKey(appKey))
      .send({ ...track, track_id: 1 })
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'DATA.DUPLICATE_KEY' });
    const orphan = await t
      .http()
      .post(tracks())
      .set(withKey(appKey))
      .send({ ...track, track_id: 9003, genre_id: 999 })
      .expect(409);
    expect(orphan.body).toMatchObject({ code: 'DATA.FOREIGN_KEY_VIOLATION' });

    // And bad input is refused before any SQL, naming the field
    const tooLong = await t
      .http()
      .post(tracks())
      .set(withKey(appKey))
      .send({ ...track, name: 'x'.repeat(201) })
      .expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('name');
  });

  it('promotes the version to QA, where calls answer 409 until a connection to the QA database is bound', async () => {
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    const operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    const qaKey = (
      await t
        .http()
        .post('/api/environments/qa/api-keys')
        .set(bearer(operator))
        .send({ appName: 'jukebox' })
        .expect(201)
    ).body.key as string;

    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    const refused = await t.http().get(tracks('qa')).set(withKey(qaKey)).expect(409);
    expect(refused.body).toMatchObject({ code: 'INTEGRATION.NO_CONNECTION' });

    // When the administrator binds a qa connection naming the QA database (its public schema)
    const qaConnection = await createPostgresConnection(t, operator, {
      name: 'Chinook qa on PostgreSQL',
      environment: 'qa',
      database: qaDatabase,
    });
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnection })
      .expect(200);

    // Then qa calls work, on the qa database only
    await t
      .http()
      .post(tracks('qa'))
      .set(withKey(qaKey))
      .send({ track_id: 9002, name: 'Only in QA', media_type_id: 1, milliseconds: 1000, unit_price: '0.99' })
      .expect(201);
    await t
      .http()
      .get(tracks('qa'))
      .query({ name: 'Only in QA', count: true })
      .set(withKey(qaKey))
      .expect(200)
      .expect(({ body }) => expect(body.count).toBe(1));
    await t
      .http()
      .get(tracks())
      .query({ name: 'Only in QA', count: true })
      .set(withKey(appKey))
      .expect(200)
      .expect(({ body }) => expect(body.count).toBe(0));
  });
});
