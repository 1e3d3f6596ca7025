import { DatabaseSync } from 'node:sqlite';
import { type ContactRow, describeNullPolicies } from './support/null-policy-scenario';
import { createIntegration, publishedOrFail, sampleCopy } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const CONTACTS =
  'create table contacts (id integer primary key, name varchar(100) not null, phone varchar(40) null, ' +
  'visits integer null)';

describe('the null policy through the data API, on SQLite', () => {
  let t: TestApp;
  let token: string;
  let connectionId: string;
  let db: DatabaseSync;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    const copy = await sampleCopy(t, token, { file: 'contacts.sqlite', name: 'Contacts', sql: CONTACTS });
    connectionId = copy.connectionId;
    db = new DatabaseSync(copy.path);
  });

  afterAll(async () => {
    db?.close();
    await t?.close();
  });

  describeNullPolicies(() => ({
    t,
    token,
    provider: 'sqlite',
    connectionId,
    database: 'main',
    db: {
      insert: async ({ id, name, phone, visits }) => {
        db.prepare('insert into contacts (id, name, phone, visits) values (?, ?, ?, ?)').run(
          id,
          name,
          phone,
          visits,
        );
      },
      row: async (id) =>
        db.prepare('select id, name, phone, visits from contacts where id = ?').get(id) as
          ContactRow | undefined,
    },
  }));

  it('given no choice, then the default is preserve; a deployed version keeps its policy until republished', async () => {
    const integrationId = await createIntegration(t, token, {
      applicationName: 'Contacts default',
      connectionId,
      tables: ['contacts'],
    });
    const integration = `/api/integrations/${integrationId}`;
    const { body: draft } = await t.http().get(integration).set(bearer(token)).expect(200);
    expect(draft.nullPolicy).toBe('preserve');
    await publishedOrFail(t, token, integrationId);
    db.prepare('insert into contacts (id, name, phone, visits) values (?, ?, ?, ?)').run(
      3000,
      'Cy',
      null,
      null,
    );
    const row = `/api/data/development/${integrationId}/contacts/3000`;
    expect((await t.http().get(row).set(bearer(token)).expect(200)).body.phone).toBe('');

    // When the draft switches to overwrite, the deployed version still preserves
    const { body: changed } = await t
      .http()
      .put(`${integration}/null-policy`)
      .set(bearer(token))
      .set('If-Match', `"${draft.version}"`)
      .send({ nullPolicy: 'overwrite' })
      .expect(200);
    expect(changed).toMatchObject({ nullPolicy: 'overwrite', unpublishedChanges: true });
    expect((await t.http().get(row).set(bearer(token)).expect(200)).body.phone).toBe('');

    // And once version 2 is published and deployed, the data API applies its policy
    await publishedOrFail(t, token, integrationId);
    expect((await t.http().get(row).set(bearer(token)).expect(200)).body.phone).toBeNull();
  });

  it('refuses an unknown null policy with a 400 naming the field, changing nothing', async () => {
    const integrationId = await createIntegration(t, token, { applicationName: 'Contacts bad' });
    const { body } = await t
      .http()
      .put(`/api/integrations/${integrationId}/null-policy`)
      .set(bearer(token))
      .send({ nullPolicy: 'nullify' })
      .expect(400);
    expect(JSON.stringify(body)).toContain('nullPolicy');
    await t
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'Contacts bad 2', nullPolicy: 'ignore' })
      .expect(400);
    const { body: unchanged } = await t
      .http()
      .get(`/api/integrations/${integrationId}`)
      .set(bearer(token))
      .expect(200);
    expect(unchanged).toMatchObject({ nullPolicy: 'preserve', version: 0 });
  });
});
