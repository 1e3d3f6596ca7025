import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createIntegration, publishedOrFail } from '../support/publishing';
import { createDatabase, dropDatabase, loadChinook, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

/**
 * The data API over Chinook on a real MariaDB: every write the server refuses for a constraint answers
 * 409 naming the constraint or its fields, and never the row's values (MariaDB quotes them).
 */
describe('constraint violations through the data API, on MariaDB', () => {
  const server = new URL(mysqlUrl());
  const database = uniqueDatabaseName('chinook_constraints');
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-constraints-'));
  let t: TestApp;
  let token: string;
  let integrationId: string;

  const data = (entity: string, rest = '') => `/api/data/development/${integrationId}/${entity}${rest}`;
  const expectConflict = (body: Record<string, unknown>, code: string, value: string) => {
    expect(body).toMatchObject({ status: 409, code, type: expect.stringMatching(/^\/problems\//) });
    expect(JSON.stringify(body)).not.toContain(value);
  };

  beforeAll(async () => {
    await createDatabase(database);
    await loadChinook(database);
    const connection = await createConnection({ uri: mysqlUrl(), database });
    try {
      // Chinook declares neither: a unique name for genres and a positive quantity for invoice lines.
      await connection.query('ALTER TABLE Genre ADD CONSTRAINT UQ_Genre_Name UNIQUE (Name)');
      await connection.query(
        'ALTER TABLE InvoiceLine ADD CONSTRAINT CK_InvoiceLine_Quantity CHECK (Quantity > 0)',
      );
    } finally {
      await connection.end();
    }
    t = await startTestApp({ DATA_DIR: dataDir });
    token = await t.login(ADMIN.username, ADMIN.password);
    const created = await t
      .http()
      .post('/api/connections')
      .set(bearer(token))
      .send({
        name: 'Chinook',
        provider: 'mysql',
        details: {
          host: server.hostname,
          port: Number(server.port),
          username: decodeURIComponent(server.username),
        },
        password: decodeURIComponent(server.password),
      })
      .expect(201);
    integrationId = await createIntegration(t, token, {
      applicationName: 'Chinook',
      provider: 'mysql',
      connectionId: created.body.id as string,
      database,
      tables: ['Album', 'Genre', 'InvoiceLine', 'Track'],
    });
    await publishedOrFail(t, token, integrationId);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a genre whose primary key is taken: DATA.DUPLICATE_KEY naming PRIMARY', async () => {
    const { body } = await t
      .http()
      .post(data('Genre'))
      .set(bearer(token))
      .send({ GenreId: 1, Name: 'Secret genre name' })
      .expect(409);
    expectConflict(body, 'DATA.DUPLICATE_KEY', 'Secret genre name');
    expect(body.detail).toContain('PRIMARY');
  });

  it('refuses an update of a genre to a name another has: DATA.DUPLICATE_KEY naming the key', async () => {
    const { body } = await t
      .http()
      .patch(data('Genre', '/2'))
      .set(bearer(token))
      .send({ Name: 'Rock' })
      .expect(409);
    expectConflict(body, 'DATA.DUPLICATE_KEY', 'Rock');
    expect(body.detail).toContain('UQ_Genre_Name');
    const unchanged = await t.http().get(data('Genre', '/2')).set(bearer(token)).expect(200);
    expect(unchanged.body.Name).toBe('Jazz');
  });

  it('refuses a track of an album that does not exist: DATA.FOREIGN_KEY_VIOLATION naming AlbumId', async () => {
    const { body } = await t
      .http()
      .post(data('Track'))
      .set(bearer(token))
      .send({
        TrackId: 90_001,
        Name: 'Orphan track',
        AlbumId: 987_654,
        MediaTypeId: 1,
        Milliseconds: 1000,
        UnitPrice: '0.99',
      })
      .expect(409);
    expectConflict(body, 'DATA.FOREIGN_KEY_VIOLATION', '987654');
    expect(body.detail).toContain('FK_TrackAlbumId');
    expect(body.errors).toEqual([{ field: 'AlbumId', message: expect.any(String) }]);
  });

  it('refuses to delete an album its tracks refer to: DATA.ROW_REFERENCED naming Track', async () => {
    const { body } = await t.http().delete(data('Album', '/1')).set(bearer(token)).expect(409);
    expectConflict(body, 'DATA.ROW_REFERENCED', 'For Those About To Rock');
    expect(body.detail).toContain('Track');
    expect(body.detail).toContain('FK_TrackAlbumId');
    await t.http().get(data('Album', '/1')).set(bearer(token)).expect(200);
  });

  it('refuses an invoice line breaking a check constraint: DATA.CHECK_VIOLATION naming it', async () => {
    const { body } = await t
      .http()
      .post(data('InvoiceLine'))
      .set(bearer(token))
      .send({ InvoiceLineId: 90_001, InvoiceId: 1, TrackId: 1, UnitPrice: '0.99', Quantity: 0 })
      .expect(409);
    expectConflict(body, 'DATA.CHECK_VIOLATION', '0.99');
    expect(body.detail).toContain('CK_InvoiceLine_Quantity');
  });
});
