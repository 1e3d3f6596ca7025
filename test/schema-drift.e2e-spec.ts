import { DatabaseSync } from 'node:sqlite';
import { integrationDeploymentsStreamId, schemaDriftStreamId } from '@ib/domain';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

type Difference = Readonly<{
  kind: string;
  breaking: boolean;
  table: string;
  entity?: string;
  column?: string;
}>;
type Drift = Readonly<{
  environment: string;
  version: number;
  status: string;
  differences: Difference[];
  breaking: number;
  nonBreaking: number;
  apiKeys?: { appName: string }[];
}>;
type Notification = Readonly<{ kind: string; title: string; body: string; environment?: string }>;

/**
 * Schema drift on SQLite: a database bound in qa that the test alters as a DBA would, checked on demand,
 * recorded only when it changes, shown per integration, refused by the data API, and told to qa's admins.
 */
describe('schema drift', () => {
  let t: TestApp;
  let admin: string;
  let qaAdmin: string;
  let developer: string;
  let uatAdmin: string;
  let integrationId: string;
  let qaPath: string;

  const alter = (sql: string) => {
    const db = new DatabaseSync(qaPath);
    db.exec(sql);
    db.close();
  };
  const check = (token = qaAdmin, environment = 'qa') =>
    t.http().post(`/api/environments/${environment}/drift-checks`).set(bearer(token));
  const driftStream = async () => (await t.store.readStream(schemaDriftStreamId(integrationId, 'qa'))).events;
  const driftIn = (token: string, query = '?environment=qa') =>
    t.http().get(`/api/integrations/${integrationId}/drift${query}`).set(bearer(token));
  const currentDrift = (status: string) =>
    eventually(async () => {
      const { body } = await driftIn(qaAdmin).expect(200);
      const drift = (body.items as Drift[])[0];
      return drift?.status === status ? drift : undefined;
    }, `the drift view to say ${status}`);
  const notificationsOf = async (token: string) =>
    (
      (await t.http().get('/api/notifications?limit=100').set(bearer(token)).expect(200)).body
        .items as Notification[]
    ).filter(({ kind }) => kind === 'schema-drift');
  const listCustomers = () => t.http().get(`/api/data/qa/${integrationId}/customers`).set(bearer(qaAdmin));
  const createUser = async (username: string, role: string, environments: readonly string[]) => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        username,
        password: `${username}-password-1`,
        roles: environments.map((environment) => ({ environment, role })),
      })
      .expect(201);
    return t.login(username, `${username}-password-1`, environments[0]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, admin, integrationId);
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');
    for (const name of ['qa', 'uat'])
      await t.http().post('/api/environments').set(bearer(admin)).send({ name, kind: 'qa' }).expect(201);
    qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
    const copy = await sampleCopy(t, qaAdmin, {
      file: 'drift-qa.sqlite',
      name: 'QA shop',
      environment: 'qa',
    });
    qaPath = copy.path;
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(qaAdmin))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(qaAdmin))
      .send({ connectionId: copy.connectionId })
      .expect(200);
    await t
      .http()
      .post('/api/environments/qa/api-keys')
      .set(bearer(qaAdmin))
      .send({ appName: 'warehouse', label: 'qa' })
      .expect(201);
    // A developer of the integration, who also uses it in qa.
    developer = await createUser('qa-dev', 'developer', ['qa', 'development']);
    uatAdmin = await createUser('uat-admin', 'admin', ['uat']);
  }, 90_000);
  afterAll(() => t.close());

  it('given the database as published, when qa is checked, then the integration is ok, its tables are recorded and the check shows in the health', async () => {
    const health = await t.http().get('/api/environments/qa/health').set(bearer(qaAdmin)).expect(200);
    expect(health.body.lastDriftCheck).toBeNull();

    const { body } = await check().expect(200);

    expect(body).toEqual({
      environment: 'qa',
      checkedAt: expect.any(String),
      integrations: [
        { integrationId, version: 1, status: 'ok', differences: [], breaking: 0, nonBreaking: 0 },
      ],
    });
    expect((await driftStream()).map(({ type }) => type)).toEqual(['SchemaDriftBaselineRecorded']);
    await eventually(async () => {
      const after = await t.http().get('/api/environments/qa/health').set(bearer(qaAdmin)).expect(200);
      return after.body.lastDriftCheck === body.checkedAt ? true : undefined;
    }, 'lastDriftCheck in the health');
  });

  it('given a dropped column, a new nullable column and a new table, when checked, then each is classified and recorded once with the API keys affected', async () => {
    alter(
      'ALTER TABLE customers DROP COLUMN phone; ALTER TABLE customers ADD COLUMN nickname TEXT; ' +
        'CREATE TABLE audit_log (id INTEGER PRIMARY KEY, note TEXT)',
    );

    const { body } = await check().expect(200);

    const [result] = body.integrations as (Drift & { integrationId: string })[];
    expect(result).toMatchObject({ integrationId, status: 'drift', breaking: 1, nonBreaking: 2 });
    expect(
      result.differences.map(({ kind, breaking, table, column }) => ({ kind, breaking, table, column })),
    ).toEqual(
      expect.arrayContaining([
        { kind: 'COLUMN_DROPPED', breaking: true, table: 'customers', column: 'phone' },
        { kind: 'COLUMN_ADDED', breaking: false, table: 'customers', column: 'nickname' },
        { kind: 'TABLE_ADDED', breaking: false, table: 'audit_log', column: undefined },
      ]),
    );
    const events = await driftStream();
    expect(events.map(({ type }) => type)).toEqual(['SchemaDriftBaselineRecorded', 'SchemaDriftDetected']);
    expect(events[1].data).toMatchObject({
      version: 1,
      breaking: 1,
      entities: ['customers'],
      apiKeys: [expect.objectContaining({ appName: 'warehouse', label: 'qa' })],
    });

    await check().expect(200);
    expect(await driftStream()).toHaveLength(2);
  });

  it('given the drift recorded, when its integration drift is read, then admins see the keys affected and developers the differences', async () => {
    const drift = await currentDrift('drift');
    expect(drift).toMatchObject({ environment: 'qa', version: 1, breaking: 1, nonBreaking: 2 });
    expect(drift.apiKeys).toEqual([expect.objectContaining({ appName: 'warehouse' })]);

    const seen = (await driftIn(developer).expect(200)).body.items as Drift[];
    expect(seen).toEqual([expect.objectContaining({ status: 'drift', breaking: 1 })]);
    expect(seen[0]).not.toHaveProperty('apiKeys');

    const everywhere = (await driftIn(developer, '').expect(200)).body.items as Drift[];
    expect(everywhere.map(({ environment }) => environment)).toEqual(['qa']);
    expect((await driftIn(developer, '?environment=uat').expect(403)).body.code).toBe(
      'AUTH.NO_ACCESS_TO_ENVIRONMENT',
    );

    const environment = await t.http().get('/api/environments/qa/drift').set(bearer(developer)).expect(200);
    expect(environment.body).toMatchObject({
      environment: 'qa',
      lastCheck: { integrations: 1, breaking: 1, unreachable: 0 },
      items: [expect.objectContaining({ integrationId, status: 'drift' })],
    });
  });

  it('given breaking drift on the entity, when the data API is called, then it answers 409 naming the difference', async () => {
    const { body } = await listCustomers().expect(409);
    expect(body).toMatchObject({ code: 'DATA.SCHEMA_DRIFT', status: 409 });
    expect(body.detail).toContain('customers.phone');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it("given breaking drift, then qa's admins are told, and nobody outside qa", async () => {
    const told = await eventually(async () => {
      const found = await notificationsOf(qaAdmin);
      return found.length > 0 ? found : undefined;
    }, 'the drift notification');
    expect(told).toEqual([
      expect.objectContaining({ title: 'Breaking schema drift: Shop in qa', environment: 'qa' }),
    ]);
    expect(told[0].body).toContain('Column customers.phone does not exist');
    expect(await notificationsOf(uatAdmin)).toEqual([]);
    expect(await notificationsOf(developer)).toEqual([]);
  });

  it('given the database restored, when checked, then the drift is resolved once and the admins are told', async () => {
    alter(
      'ALTER TABLE customers ADD COLUMN phone VARCHAR(30); ALTER TABLE customers DROP COLUMN nickname; DROP TABLE audit_log',
    );

    const { body } = await check().expect(200);

    expect(body.integrations).toEqual([expect.objectContaining({ status: 'ok', differences: [] })]);
    expect((await driftStream()).map(({ type }) => type)).toEqual([
      'SchemaDriftBaselineRecorded',
      'SchemaDriftDetected',
      'SchemaDriftResolved',
    ]);
    await currentDrift('ok');
    await listCustomers().expect(200);
    await eventually(async () => {
      const titles = (await notificationsOf(qaAdmin)).map(({ title }) => title);
      return titles.includes('Schema drift resolved: Shop in qa') ? titles : undefined;
    }, 'the resolution notification');
  });

  it('given a column dropped since the last check, when the data API meets it, then it checks at once and answers 409', async () => {
    await listCustomers().expect(200);
    alter('ALTER TABLE customers DROP COLUMN phone');

    const { body } = await listCustomers().expect(409);

    expect(body).toMatchObject({ code: 'DATA.SCHEMA_DRIFT' });
    expect((await driftStream()).at(-1)?.type).toBe('SchemaDriftDetected');
    await currentDrift('drift');
    await listCustomers().expect(409);
  });

  it('given a developer of qa or an admin of another environment, when they run a check of qa, then they are refused and nothing is recorded', async () => {
    const before = (await driftStream()).length;
    expect((await check(developer).expect(403)).body.code).toBe('AUTH.ADMIN_REQUIRED');
    expect((await check(uatAdmin).expect(403)).body.code).toBe('AUTH.ADMIN_REQUIRED');
    expect(await driftStream()).toHaveLength(before);
    await check(qaAdmin, 'nowhere').expect(403);
  });

  it("given an admin of another environment, when they read the integration's drift, then it does not exist for them", async () => {
    await driftIn(uatAdmin).expect(404);
    await t.http().get('/api/environments/qa/drift').set(bearer(uatAdmin)).expect(404);
  });
});
