import { type DeploymentEvent, integrationDeploymentsStreamId } from '@ib/domain';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  entityNames,
  eventually,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * The sample's customers table changed three ways at once: phone dropped, email narrowed from
 * VARCHAR(120), and the key now (customer_id, email). SQLite changes a column or a key by recreating
 * the table.
 */
const ALTERED_CUSTOMERS = `
PRAGMA foreign_keys = OFF;
DROP TABLE customers;
CREATE TABLE customers (
  customer_id INTEGER NOT NULL,
  email VARCHAR(40) NOT NULL,
  first_name NVARCHAR(60) NOT NULL,
  last_name NVARCHAR(60) NOT NULL,
  city NVARCHAR(80),
  country_code CHAR(2) NOT NULL DEFAULT 'US',
  birth_date DATE,
  marketing_opt_in BOOLEAN NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (customer_id, email)
);`;

const PASSWORD = 'gate-password-1';

/**
 * The promotion gate over real SQLite databases: copies of the sample, one of them altered. Promoting
 * where a connection is bound, and binding where a version is deployed, test the connection and compare
 * the database with the version's entities; a breaking difference is a 409 listing every difference,
 * which an administrator may override with a reason, recorded in the event.
 */
describe('the promotion gate', () => {
  let t: TestApp;
  let integrationId: string;
  let operator: string;
  let developer: string;
  let otherAdmin: string;
  let matching: string;
  let altered: string;
  let unreachable: string;
  let customers: string;

  const promote = (version: number, token = operator, extra: object = {}) =>
    t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(token))
      .send({ version, environment: 'qa', ...extra });
  const bind = (connectionId: string, token = operator, extra: object = {}) =>
    t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(token))
      .send({ connectionId, ...extra });
  const unbind = (token = operator) =>
    t.http().delete(`/api/environments/qa/integrations/${integrationId}/connection`).set(bearer(token));
  const deploymentEvents = async () =>
    (await t.store.readStream<DeploymentEvent>(integrationDeploymentsStreamId(integrationId))).events;
  const served = async () =>
    (await t.http().get(`/api/integrations/${integrationId}/deployments`).set(bearer(operator)).expect(200))
      .body.items as { environment: string; version: number; binding: { connectionId: string } | null }[];
  const inQa = async () => {
    const deployment = (await served()).find(({ environment }) => environment === 'qa');
    return deployment && { version: deployment.version, connectionId: deployment.binding?.connectionId };
  };

  const expectedDifferences = [
    expect.objectContaining({ kind: 'KEY_CHANGED', breaking: true, table: 'customers' }),
    expect.objectContaining({
      kind: 'TYPE_NARROWED',
      breaking: true,
      column: 'email',
      actual: 'VARCHAR(40)',
    }),
    expect.objectContaining({ kind: 'COLUMN_DROPPED', breaking: true, column: 'phone' }),
  ];

  beforeAll(async () => {
    t = await startTestApp();
    const root = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, root, {
      applicationName: 'Gated',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    ({ customers } = await entityNames(t, root, integrationId));
    await publishedOrFail(t, root, integrationId);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(root))
      .send({ tables: ['products'] })
      .expect(200);
    await publishedOrFail(t, root, integrationId);
    for (const [name, kind] of [
      ['qa', 'qa'],
      ['production', 'production'],
    ])
      await t.http().post('/api/environments').set(bearer(root)).send({ name, kind }).expect(201);
    const owner = await t.login(ADMIN.username, ADMIN.password);
    for (const [username, roles] of [
      [
        'gate-developer',
        [
          { environment: 'development', role: 'developer' },
          { environment: 'qa', role: 'developer' },
        ],
      ],
      ['gate-other-admin', [{ environment: 'production', role: 'admin' }]],
    ] as const)
      await t
        .http()
        .post('/api/users')
        .set(bearer(owner))
        .send({ username, password: PASSWORD, roles })
        .expect(201);
    developer = await t.login('gate-developer', PASSWORD, 'qa');
    otherAdmin = await t.login('gate-other-admin', PASSWORD, 'production');
    operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    ({ connectionId: matching } = await sampleCopy(t, operator, {
      file: 'gate-matching.sqlite',
      name: 'QA matching',
      environment: 'qa',
    }));
    ({ connectionId: altered } = await sampleCopy(t, operator, {
      file: 'gate-altered.sqlite',
      name: 'QA altered',
      environment: 'qa',
      sql: ALTERED_CUSTOMERS,
    }));
    unreachable = (
      await t
        .http()
        .post('/api/connections')
        .set(bearer(operator))
        .send({
          name: 'QA gone',
          provider: 'sqlite',
          environment: 'qa',
          details: { path: 'gate-missing.sqlite' },
        })
        .expect(201)
    ).body.id as string;
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 1 ? version : undefined;
    }, 'both versions deployed to development');
  }, 60_000);

  afterAll(() => t.close());

  it('given nothing bound in qa, when version 1 is promoted, then nothing is compared and it is deployed', async () => {
    const promoted = await promote(1).expect(200);

    expect(promoted.body).toMatchObject({ environment: 'qa', version: 1 });
  });

  describe('binding where version 1 is deployed', () => {
    it('given a database that is not there, when it is bound, then 409 PROMOTION.CONNECTION_TEST_FAILED names the connector code, even forced', async () => {
      const before = await t.store.headPosition();

      const failed = await bind(unreachable, operator, { force: true, reason: 'deploy anyway' });

      expect([failed.status, failed.body.code]).toEqual([409, 'PROMOTION.CONNECTION_TEST_FAILED']);
      expect(failed.body.connectorCode).toMatch(/^CONNECTOR\./);
      expect(failed.body.detail).toContain(failed.body.connectorCode);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('given a dropped column, a narrowed type and a changed key, when it is bound, then 409 PROMOTION.SCHEMA_MISMATCH lists them and binds nothing', async () => {
      const before = await t.store.headPosition();

      const refused = await bind(altered);

      expect([refused.status, refused.body.code]).toEqual([409, 'PROMOTION.SCHEMA_MISMATCH']);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.differences).toEqual(expectedDifferences);
      expect(await t.store.headPosition()).toBe(before);
      expect((await inQa())?.connectionId).toBeUndefined();
    });

    it('given force without a reason, when it is bound, then it answers 400 naming the reason and binds nothing', async () => {
      const before = await t.store.headPosition();

      for (const extra of [{ force: true }, { force: true, reason: '   ' }]) {
        const invalid = await bind(altered, operator, extra);
        expect([invalid.status, invalid.body.errors]).toEqual([
          400,
          [expect.objectContaining({ field: 'reason' })],
        ]);
      }
      expect(await t.store.headPosition()).toBe(before);
    });

    it('given a database matching the version, when it is bound, then it is bound', async () => {
      const bound = await bind(matching).expect(200);

      expect(bound.body).toMatchObject({ version: 1, connectionId: matching });
      expect((await deploymentEvents()).at(-1)?.data).not.toHaveProperty('override');
    });

    it('given force and a reason, when the altered database is bound, then it is bound and the event holds the reason and the differences', async () => {
      await bind(altered, operator, { force: true, reason: 'The DBA restores phone tonight' }).expect(200);

      const last = (await deploymentEvents()).at(-1)!;
      expect(last.type).toBe('ConnectionBound');
      expect(last.data).toMatchObject({
        connectionId: altered,
        override: { reason: 'The DBA restores phone tonight', differences: expectedDifferences },
      });
    });
  });

  describe('promoting where the altered database is bound', () => {
    it('given no force, when version 2 is promoted, then 409 PROMOTION.SCHEMA_MISMATCH lists the differences and deploys nothing', async () => {
      const before = await t.store.headPosition();

      const refused = await promote(2);

      expect([refused.status, refused.body.code]).toEqual([409, 'PROMOTION.SCHEMA_MISMATCH']);
      expect(refused.body.differences).toEqual(expectedDifferences);
      expect(await t.store.headPosition()).toBe(before);
      expect((await inQa())?.version).toBe(1);
    });

    it('given force without a reason, when version 2 is promoted, then it answers 400', async () => {
      const invalid = await promote(2, operator, { force: true });

      expect([invalid.status, invalid.body.errors]).toEqual([
        400,
        [expect.objectContaining({ field: 'reason' })],
      ]);
    });

    it('given a developer of qa or an administrator of another environment, when they promote or bind, then they are refused and the gate never runs', async () => {
      const before = await t.store.headPosition();

      expect((await promote(2, developer, { force: true, reason: 'me' })).status).toBe(403);
      expect((await bind(matching, developer)).status).toBe(403);
      expect((await unbind(developer)).status).toBe(403);
      expect((await promote(2, otherAdmin)).status).toBe(404);
      expect((await bind(matching, otherAdmin)).status).toBe(404);
      expect((await unbind(otherAdmin)).status).toBe(404);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('given force and a reason, when version 2 is promoted, then it is deployed and the event holds the reason', async () => {
      await promote(2, operator, { force: true, reason: 'Products are urgent' }).expect(200);

      const last = (await deploymentEvents()).at(-1)!;
      expect(last.type).toBe('VersionDeployed');
      expect(last.data).toMatchObject({
        version: 2,
        environment: 'qa',
        override: { reason: 'Products are urgent', differences: expectedDifferences },
      });
    });

    it('given the matching database bound again, when version 1 is promoted, then it passes the gate', async () => {
      await bind(matching).expect(200);

      await promote(1).expect(200);

      await eventually(
        async () => ((await inQa())?.connectionId === matching ? true : undefined),
        'the deployments view to show the binding',
      );
      expect(await inQa()).toMatchObject({ version: 1, connectionId: matching });
    });
  });

  describe('unbinding', () => {
    it('given a bound connection, when it is unbound, then qa answers as never bound and the connection may be deleted', async () => {
      const deleteMatching = () => t.http().delete(`/api/connections/${matching}`).set(bearer(operator));
      const stillBound = await deleteMatching();
      expect([stillBound.status, stillBound.body.code]).toEqual([409, 'CONNECTION.BOUND']);

      const unbound = await unbind().expect(200);

      expect(unbound.body).toEqual({
        integrationId,
        environment: 'qa',
        version: 1,
        streamVersion: expect.any(Number),
      });
      expect(unbound.headers.etag).toBe(`"${unbound.body.streamVersion}"`);
      expect((await deploymentEvents()).at(-1)).toMatchObject({
        type: 'ConnectionUnbound',
        data: { integrationId, environment: 'qa', connectionId: matching },
      });
      await eventually(
        async () => ((await inQa())?.connectionId === undefined ? true : undefined),
        'the deployments view to forget the binding',
      );
      const data = await t.http().get(`/api/data/qa/${integrationId}/${customers}`).set(bearer(operator));
      expect([data.status, data.body.code]).toEqual([409, 'INTEGRATION.NO_CONNECTION']);
      await deleteMatching().expect(204);
    });

    it('given nothing bound, when it is unbound, then 409 DEPLOYMENT.NOT_BOUND', async () => {
      const again = await unbind();

      expect([again.status, again.body.code]).toEqual([409, 'DEPLOYMENT.NOT_BOUND']);
    });

    it('given nothing bound any more, when version 2 is promoted, then there is nothing to compare', async () => {
      await promote(2).expect(200);
    });
  });

  describe('where qa asks for four eyes', () => {
    let second: string;
    const approve = (id: string) =>
      t.http().post(`/api/change-requests/${id}/approve`).set(bearer(second)).send({}).expect(200);
    const requestsInQa = async () =>
      (await t.http().get('/api/change-requests?environment=qa').set(bearer(operator)).expect(200)).body
        .items as unknown[];

    beforeAll(async () => {
      await t
        .http()
        .put('/api/environments/qa/policy')
        .set(bearer(operator))
        .send({ fourEyes: true })
        .expect(200);
      await t
        .http()
        .post('/api/users')
        .set(bearer(operator))
        .send({
          username: 'gate-second-admin',
          password: PASSWORD,
          roles: [{ environment: 'qa', role: 'admin' }],
        })
        .expect(201);
      second = await t.login('gate-second-admin', PASSWORD, 'qa');
    });

    it('given the altered database, when its binding is asked for without force, then the mismatch is refused at once and nothing waits for approval', async () => {
      const refused = await bind(altered);

      expect([refused.status, refused.body.code]).toEqual([409, 'PROMOTION.SCHEMA_MISMATCH']);
      expect(await requestsInQa()).toEqual([]);
    });

    it('given force and a reason, when the binding is approved by a second administrator, then it is bound with the reason recorded', async () => {
      const asked = await bind(altered, operator, { force: true, reason: 'Phone comes back tonight' }).expect(
        202,
      );

      expect((await approve(asked.body.changeRequestId as string)).body.status).toBe('applied');
      expect((await deploymentEvents()).at(-1)).toMatchObject({
        type: 'ConnectionBound',
        data: { connectionId: altered, override: { reason: 'Phone comes back tonight' } },
      });
    });

    it('given a bound connection, when its unbinding is approved by a second administrator, then it is unbound', async () => {
      const asked = await unbind().expect(202);
      expect((await deploymentEvents()).at(-1)).toMatchObject({ type: 'ConnectionBound' });

      expect((await approve(asked.body.changeRequestId as string)).body.status).toBe('applied');
      expect((await deploymentEvents()).at(-1)).toMatchObject({
        type: 'ConnectionUnbound',
        data: { environment: 'qa', connectionId: altered },
      });
    });
  });
});
