import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createIntegration,
  eventually,
  finished,
  finishedRun,
  publish,
  published,
} from '../support/publishing';
import { createDatabase, dropDatabase, loadChinook, uniqueDatabaseName } from '../support/mariadb';
import { createMysqlConnection, executeIn } from '../support/mariadb-connections';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const MINUTE = 60_000;

/**
 * The whole story on a real MariaDB holding Chinook: publish in development, an app uses the
 * data API with an API key, promotion to QA served by another database once bound, a dropped table
 * failing a publication with its package kept, a breaking dependency update forcing a republish, and
 * a restart in the middle of a publication.
 */
describe('publishing Chinook on MariaDB and serving it to apps', () => {
  const devDatabase = uniqueDatabaseName('chinook_dev');
  const qaDatabase = uniqueDatabaseName('chinook_qa');
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-chinook-'));
  let t: TestApp;
  let admin: string;
  let integrationId: string;
  let appKey: string;

  const sql = executeIn;
  const mysqlConnection = (token: string, name: string, environment?: string, database?: string) =>
    createMysqlConnection(t, token, { name, environment, database });
  const tracks = (environment = 'development') => `/api/data/${environment}/${integrationId}/Track`;
  const withKey = (key: string) => ({ 'X-API-Key': key });

  beforeAll(async () => {
    await Promise.all([createDatabase(devDatabase), createDatabase(qaDatabase)]);
    await Promise.all([loadChinook(devDatabase), loadChinook(qaDatabase)]);
    t = await startTestApp({ DATA_DIR: dataDir });
    admin = await t.login(ADMIN.username, ADMIN.password);
    // Two Chinook databases take seconds to load, more on a loaded machine.
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([dropDatabase(devDatabase), dropDatabase(qaDatabase)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes in development and serves Track to an app with an API key', async () => {
    // Given a MySQL integration of Chinook's Track, Album and Genre tables, published
    const connectionId = await mysqlConnection(admin, 'Chinook dev');
    integrationId = await createIntegration(t, admin, {
      provider: 'mysql',
      applicationName: 'Music',
      connectionId,
      database: devDatabase,
      tables: ['Track', 'Album', 'Genre'],
    });
    expect(await published(t, admin, integrationId)).toMatchObject({ status: 'published', version: 1 });

    // And an API key an administrator created for the jukebox app
    const created = await t
      .http()
      .post('/api/environments/development/api-keys')
      .set(bearer(admin))
      .send({ appName: 'jukebox', label: 'int spec' })
      .expect(201);
    appKey = created.body.key as string;

    // When the app lists tracks, Then it gets 100 of the 3503 with their count
    const page = await t
      .http()
      .get(tracks())
      .query({ limit: 100, count: true })
      .set(withKey(appKey))
      .expect(200);
    expect(page.body.items).toHaveLength(100);
    expect(page.body.count).toBe(3503);

    // And it filters, sorts and selects fields
    const long = await t
      .http()
      .get(tracks())
      .query({
        GenreId: 1,
        'Milliseconds[gt]': 400000,
        sort: '-Milliseconds',
        fields: 'TrackId,Name,Milliseconds',
      })
      .set(withKey(appKey))
      .expect(200);
    const lengths = (long.body.items as { Milliseconds: number }[]).map(({ Milliseconds }) => Milliseconds);
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.every((ms) => ms > 400000)).toBe(true);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(Object.keys(long.body.items[0]).sort()).toEqual(['Milliseconds', 'Name', 'TrackId']);

    // And it creates, reads, updates and deletes a track
    const track = {
      TrackId: 9001,
      Name: 'Integration Builder Blues',
      MediaTypeId: 1,
      GenreId: 1,
      Milliseconds: 181000,
      UnitPrice: 0.99,
    };
    const made = await t.http().post(tracks()).set(withKey(appKey)).send(track).expect(201);
    const trackId = made.body.TrackId as number;
    expect(made.headers.location).toBe(`${tracks()}/${trackId}`);
    await t
      .http()
      .patch(`${tracks()}/${trackId}`)
      .set(withKey(appKey))
      .send({ Composer: 'The Builders' })
      .expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ TrackId: trackId, Composer: 'The Builders' }));
    await t.http().get(`${tracks()}/${trackId}`).set(withKey(appKey)).expect(200);
    await t.http().delete(`${tracks()}/${trackId}`).set(withKey(appKey)).expect(204);
    await t.http().get(`${tracks()}/${trackId}`).set(withKey(appKey)).expect(404);

    // And bad input is refused before any SQL, naming the field
    const tooLong = await t
      .http()
      .post(tracks())
      .set(withKey(appKey))
      .send({ ...track, Name: 'x'.repeat(201) })
      .expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('Name');
    await t.http().get(tracks()).query({ Nope: 1 }).set(withKey(appKey)).expect(400);
    await t.http().get(`/api/data/development/${integrationId}/Invoice`).set(withKey(appKey)).expect(404);

    // And a wrong key is refused
    await t
      .http()
      .get(tracks())
      .set(withKey(`${appKey.slice(0, -4)}AAAA`))
      .expect(401);
  });

  it('promotes the version to QA, where calls answer 409 until a QA database is bound', async () => {
    // Given a qa environment with a key of its own for the app
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

    // When version 1 is promoted to qa
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);

    // Then calls there answer 409 until a connection is bound, and the development key is not valid there
    const refused = await t.http().get(tracks('qa')).set(withKey(qaKey)).expect(409);
    expect(refused.body).toMatchObject({ code: 'INTEGRATION.NO_CONNECTION' });
    await t.http().get(tracks('qa')).set(withKey(appKey)).expect(403);

    // When the administrator binds a qa connection to another database
    const qaConnection = await mysqlConnection(operator, 'Chinook qa', 'qa', qaDatabase);
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnection })
      .expect(200);
    // Then qa calls work, on the qa database only (the connection names the database it serves)
    const made = await t
      .http()
      .post(tracks('qa'))
      .set(withKey(qaKey))
      .send({ TrackId: 9002, Name: 'Only in QA', MediaTypeId: 1, Milliseconds: 1000, UnitPrice: 0.99 })
      .expect(201);
    await t
      .http()
      .get(tracks('qa'))
      .query({ Name: 'Only in QA', count: true })
      .set(withKey(qaKey))
      .expect(200)
      .expect(({ body }) => expect(body.count).toBe(1));
    await t
      .http()
      .get(tracks())
      .query({ Name: 'Only in QA', count: true })
      .set(withKey(appKey))
      .expect(200)
      .expect(({ body }) => expect(body.count).toBe(0));
    expect(made.body.TrackId).toBe(9002);
  });

  it('fails the next publication when a table vanished, keeping its package downloadable', async () => {
    // Given a new draft on top of version 1 that adds a table
    await sql(
      devDatabase,
      'CREATE TABLE `TrackNote` (`TrackNoteId` INT PRIMARY KEY, `Note` VARCHAR(200) NOT NULL)',
    );
    await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(admin))
      .send({ tables: ['TrackNote'] })
      .expect(200);

    // And the table is dropped before publishing
    await sql(devDatabase, 'DROP TABLE `TrackNote`');

    // When it is published, Then the publication fails naming the table
    const failed = await published(t, admin, integrationId);
    expect(failed).toMatchObject({ status: 'failed', failedStep: 'validateSchema', version: 2 });
    expect(String(failed.reason)).toContain('TrackNote');

    // And its package downloads, and development still serves version 1
    await t
      .http()
      .get(`/api/integrations/${integrationId}/versions/2/package`)
      .set(bearer(admin))
      .expect(200);
    await t.http().get(tracks()).query({ limit: 1 }).set(withKey(appKey)).expect(200);

    // When the table is removed from the draft, Then the draft publishes as version 2
    await t
      .http()
      .delete(`/api/integrations/${integrationId}/entities/TrackNote`)
      .set(bearer(admin))
      .expect(200);
    expect(await published(t, admin, integrationId)).toMatchObject({ status: 'published', version: 2 });
  });

  it('forces a republish after a breaking dependency update', async () => {
    // When an administrator installs a breaking update of a runtime dependency
    const update = await t
      .http()
      .post('/api/dependencies/integration-manager/updates')
      .set(bearer(admin))
      .send({ version: '2.0.0', notes: 'new connection resolution' })
      .expect(201);
    expect(update.body).toMatchObject({ breaking: true });

    // Then the data API answers 409 until the integration is republished
    const refused = await eventually(async () => {
      const response = await t.http().get(tracks()).query({ limit: 1 }).set(withKey(appKey));
      return response.status === 409 ? response : undefined;
    }, 'the republish requirement');
    expect(refused.body).toMatchObject({ code: 'INTEGRATION.REPUBLISH_REQUIRED' });

    // When the administrator republishes every affected integration
    const run = await t.http().post('/api/integrations/republish').set(bearer(admin)).expect(202);
    const done = await finishedRun(t, admin, run.body.runId);
    expect(done).toMatchObject({ published: 1, failed: 0 });

    // Then the app is served again, by version 3
    await t.http().get(tracks()).query({ limit: 1 }).set(withKey(appKey)).expect(200);
  });

  it('ends a publication cleanly when the process restarts in its middle', async () => {
    // Given a publication of a changed draft just started (an unchanged one is answered by version 3)
    await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(admin))
      .send({ tables: ['MediaType'] })
      .expect(200);
    const started = await publish(t, admin, integrationId);

    // When the application stops at once and starts again later
    await t.close();
    t = await startTestApp({ DATA_DIR: dataDir }, { clock: { now: () => new Date(Date.now() + MINUTE) } });
    admin = await t.login(ADMIN.username, ADMIN.password);

    // Then the publication ends (never stays running), and the data API answers
    const publication = await finished(t, admin, started.publicationId);
    expect(publication).toMatchObject({ status: 'published', version: 4 });
    await t.http().get(tracks()).query({ limit: 1 }).set(withKey(appKey)).expect(200);
  });
});
