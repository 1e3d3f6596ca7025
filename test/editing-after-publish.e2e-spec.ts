import { DatabaseSync } from 'node:sqlite';
import { SAMPLE_CONNECTION_ID, createIntegration, published, sampleCopy } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** A published integration is edited as a new draft on top of its published version. */
describe('editing an integration after it was published', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  /** The integration view once it shows what is expected (the read model follows the log shortly after). */
  const view = async (id: string, expected: object) => {
    let body: unknown;
    for (let attempt = 0; attempt < 200; attempt++) {
      body = (await t.http().get(`/api/integrations/${id}`).set(bearer(token)).expect(200)).body;
      if (Object.entries(expected).every(([key, value]) => (body as Record<string, unknown>)[key] === value))
        break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return body;
  };
  const addTables = (id: string, tables: string[]) =>
    t.http().post(`/api/integrations/${id}/entities`).set(bearer(token)).send({ tables });

  it('adds tables as a new draft on top of the published version, published as the next version', async () => {
    // Given an integration published with one table
    const id = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    expect(await published(t, token, id)).toMatchObject({ status: 'published', version: 1 });
    expect(await view(id, { publishedVersion: 1, unpublishedChanges: false })).toMatchObject({
      publishedVersion: 1,
      unpublishedChanges: false,
    });

    // When a table is added
    await addTables(id, ['orders']).expect(200);

    // Then the integration shows a draft with changes on top of version 1, which still serves one entity
    expect(await view(id, { publishedVersion: 1, unpublishedChanges: true })).toMatchObject({
      publishedVersion: 1,
      unpublishedChanges: true,
    });
    await t.http().get(`/api/data/development/${id}/orders`).set(bearer(token)).expect(404);

    // And once published, version 2 serves both
    expect(await published(t, token, id)).toMatchObject({ status: 'published', version: 2 });
    expect(await view(id, { publishedVersion: 2, unpublishedChanges: false })).toMatchObject({
      publishedVersion: 2,
      unpublishedChanges: false,
    });
    await t.http().get(`/api/data/development/${id}/orders`).set(bearer(token)).expect(200);

    // And an entity is never renamed
    const renamed = await t
      .http()
      .patch(`/api/integrations/${id}/entities/customers`)
      .set(bearer(token))
      .send({ name: 'clients' })
      .expect(409);
    expect(renamed.body).toMatchObject({ code: 'INTEGRATION.ENTITY_RENAME' });
  });

  it('refuses a table whose published attribute changed type, even after it was removed from the draft', async () => {
    // Given a scratch database whose `tags.code` is TEXT, published
    const { connectionId, path } = await sampleCopy(t, token, {
      file: 'tags.sqlite',
      name: 'Tags',
      sql: 'CREATE TABLE tags (id INTEGER PRIMARY KEY, code TEXT NOT NULL)',
    });
    const id = await createIntegration(t, token, {
      applicationName: 'Tags',
      connectionId,
      tables: ['tags'],
    });
    expect(await published(t, token, id)).toMatchObject({ status: 'published', version: 1 });

    // And the column becomes an integer while the table is out of the draft
    await t.http().delete(`/api/integrations/${id}/entities/tags`).set(bearer(token)).expect(200);
    const db = new DatabaseSync(path);
    db.exec('DROP TABLE tags; CREATE TABLE tags (id INTEGER PRIMARY KEY, code INTEGER NOT NULL)');
    db.close();

    // When the table is added again, Then the type change is refused
    const refused = await addTables(id, ['tags']).expect(409);
    expect(refused.body).toMatchObject({ code: 'INTEGRATION.ATTRIBUTE_TYPE_CHANGE' });
    expect(refused.body.detail).toContain('code');
  });

  it('no longer edits nor publishes an integration converted to open', async () => {
    // Given a published integration converted to open
    const id = await createIntegration(t, token, {
      applicationName: 'Opened',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    expect(await published(t, token, id)).toMatchObject({ status: 'published', version: 1 });
    const opened = await t.http().post(`/api/integrations/${id}/open`).set(bearer(token)).expect(200);
    expect(opened.body).toMatchObject({ status: 'open' });

    // When the builder edits or publishes it, Then both are refused
    const edit = await addTables(id, ['orders']).expect(409);
    expect(edit.body).toMatchObject({ code: 'INTEGRATION.OPEN_LOCKED' });
    const publish = await t.http().post(`/api/integrations/${id}/publish`).set(bearer(token)).expect(409);
    expect(publish.body).toMatchObject({ code: 'INTEGRATION.OPEN_LOCKED' });

    // And the version already published keeps serving apps
    await t.http().get(`/api/data/development/${id}/customers`).set(bearer(token)).expect(200);
  });

  it('changes the details of a draft, answering the new version', async () => {
    const id = await createIntegration(t, token, { applicationName: 'Details' });
    const changed = await t
      .http()
      .put(`/api/integrations/${id}/details`)
      .set(bearer(token))
      .send({ applicationName: 'Details 2', moduleName: 'Details2_IS', description: 'renamed app' })
      .expect(200);
    expect(changed.body).toMatchObject({
      applicationName: 'Details 2',
      moduleName: 'Details2_IS',
      version: 1,
    });
    await t
      .http()
      .put(`/api/integrations/${id}/details`)
      .set(bearer(token))
      .send({ applicationName: 'x'.repeat(101), moduleName: 'm', description: '' })
      .expect(400);
  });
});
