import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeploymentEvent, integrationDeploymentsStreamId } from '@ib/domain';
import { createIntegration, eventually, publishedOrFail } from '../support/publishing';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/mariadb';
import { createMysqlConnection, executeIn } from '../support/mariadb-connections';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const NOTES = 'CREATE TABLE notes (note_id INT NOT NULL PRIMARY KEY, body TEXT NULL)';
const CUSTOMERS = `
CREATE TABLE customers (
  customer_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(120) NOT NULL,
  phone VARCHAR(30) NULL,
  city VARCHAR(80) NULL,
  credit DECIMAL(10,2) NULL
)`;

/**
 * The promotion gate on MariaDB: development's database and QA's copy start alike; the test then alters
 * QA's (a column dropped, a type narrowed, a column made NOT NULL) and both a promotion and a binding
 * there are refused with the differences listed, until forced with a reason.
 */
describe('the promotion gate on MariaDB', () => {
  const devDatabase = uniqueDatabaseName('gate_dev');
  const qaDatabase = uniqueDatabaseName('gate_qa');
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-gate-'));
  let t: TestApp;
  let integrationId: string;
  let operator: string;
  let qaConnection: string;

  const sql = executeIn;
  const mysqlConnection = (token: string, name: string, environment?: string, database?: string) =>
    createMysqlConnection(t, token, { name, environment, database });
  const promote = (version: number, extra: object = {}) =>
    t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version, environment: 'qa', ...extra });
  const bind = (extra: object = {}) =>
    t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnection, ...extra });
  const lastEvent = async () =>
    (await t.store.readStream<DeploymentEvent>(integrationDeploymentsStreamId(integrationId))).events.at(-1)!;

  const differences = [
    expect.objectContaining({
      kind: 'TYPE_NARROWED',
      breaking: true,
      column: 'email',
      actual: 'varchar(40)',
    }),
    expect.objectContaining({ kind: 'COLUMN_DROPPED', breaking: true, column: 'phone' }),
    expect.objectContaining({ kind: 'NULLABILITY_TIGHTENED', breaking: true, column: 'city' }),
    expect.objectContaining({ kind: 'TYPE_WIDENED', breaking: false, column: 'credit' }),
  ];

  beforeAll(async () => {
    await Promise.all([createDatabase(devDatabase), createDatabase(qaDatabase)]);
    await Promise.all([devDatabase, qaDatabase].map((database) => sql(database, CUSTOMERS)));
    await Promise.all([devDatabase, qaDatabase].map((database) => sql(database, NOTES)));
    t = await startTestApp({ DATA_DIR: dataDir });
    const root = await t.login(ADMIN.username, ADMIN.password);
    const devConnection = await mysqlConnection(root, 'Gate dev');
    integrationId = await createIntegration(t, root, {
      applicationName: 'Gate',
      provider: 'mysql',
      connectionId: devConnection,
      database: devDatabase,
      tables: ['customers'],
    });
    await publishedOrFail(t, root, integrationId);
    // Version 2 adds a table QA's copy has unchanged.
    await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(root))
      .send({ tables: ['notes'] })
      .expect(200);
    await publishedOrFail(t, root, integrationId);
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    qaConnection = await mysqlConnection(operator, 'Gate QA', 'qa', qaDatabase);
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([dropDatabase(devDatabase), dropDatabase(qaDatabase)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a copy with the same schema, when version 1 is promoted and it is bound, then the gate lets both through', async () => {
    await promote(1).expect(200);

    const bound = await bind().expect(200);

    expect(bound.body).toMatchObject({ version: 1, connectionId: qaConnection });
    expect((await lastEvent()).data).not.toHaveProperty('override');
  });

  it('given the copy altered, when version 2 is promoted, then 409 PROMOTION.SCHEMA_MISMATCH lists each difference and deploys nothing', async () => {
    await sql(
      qaDatabase,
      'ALTER TABLE customers DROP COLUMN phone, MODIFY email VARCHAR(40) NOT NULL, ' +
        'MODIFY city VARCHAR(80) NOT NULL, MODIFY credit DECIMAL(12,2) NULL',
    );
    const before = await t.store.headPosition();

    const refused = await promote(2);

    expect([refused.status, refused.body.code]).toEqual([409, 'PROMOTION.SCHEMA_MISMATCH']);
    expect(refused.body.differences).toEqual(differences);
    expect(refused.body.differences).toHaveLength(4);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('given the copy altered, when version 2 is promoted with force and a reason, then it is deployed and the event records them', async () => {
    await promote(2, { force: true, reason: 'QA is rebuilt tomorrow' }).expect(200);

    expect(await lastEvent()).toMatchObject({
      type: 'VersionDeployed',
      data: { version: 2, override: { reason: 'QA is rebuilt tomorrow', differences } },
    });
  });

  it('given the copy altered, when it is bound again after unbinding, then the binding is gated the same way', async () => {
    await t
      .http()
      .delete(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .expect(200);

    const refused = await bind();
    expect([refused.status, refused.body.code]).toEqual([409, 'PROMOTION.SCHEMA_MISMATCH']);
    expect(refused.body.differences).toEqual(differences);

    await bind({ force: true, reason: 'Known and accepted' }).expect(200);
    expect(await lastEvent()).toMatchObject({
      type: 'ConnectionBound',
      data: { connectionId: qaConnection, override: { reason: 'Known and accepted', differences } },
    });
  });
});
