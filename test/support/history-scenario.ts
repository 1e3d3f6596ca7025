import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrationDeploymentsStreamId } from '@ib/domain';
import { createSqliteEventStore } from '../../apps/api/src/infrastructure/event-store/sqlite-event-store';
import {
  createIntegration,
  eventually,
  publishedOrFail,
  SAMPLE_CONNECTION_ID,
  sampleCopy,
} from './publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './test-app';

/** Every event of the scenario is recorded one second after the one before, from this moment on. */
export const LOG_STARTS_AT = Date.UTC(2025, 0, 1);

/** The password given with the approved request: it must never come back. */
export const REQUEST_PASSWORD = 'request-password-never-shown';

const PASSWORD = 'history-password-1';

/**
 * The real application on a SQLite log whose clock moves one second per append, so every event has a
 * moment of its own to travel back to, without a test waiting for time to pass.
 */
export async function startAppWithTickingLog(): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-history-'));
  let now = LOG_STARTS_AT;
  const store = createSqliteEventStore(dataDir, { now: () => new Date((now += 1000)) });
  const t = await startTestApp({ DATA_DIR: dataDir }, { eventStore: store });
  return {
    ...t,
    close: async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type HistoryScenario = Readonly<{
  /** The installation's administrator: owner, administrator of development and qa. */
  admin: string;
  /** hana builds the integration and asks for connections; gil is another developer of development. */
  hana: string;
  gil: string;
  /** An auditor of development; an administrator of production only. */
  auditor: string;
  otherAdmin: string;
  integrationId: string;
  approvedRequestId: string;
  rejectedRequestId: string;
  /** The connection the approval created. */
  requestedConnectionId: string;
  qaConnectionId: string;
  /** A developer of development, later also given the auditor role in qa. */
  ivanId: string;
}>;

/**
 * A real history: hana builds an integration through the wizard (connection, database, two tables),
 * renames it and publishes it; the administrator promotes version 1 to qa and binds a qa connection
 * there; hana's two connection requests are approved and rejected; ivan is granted a role in qa.
 */
export async function playHistoryScenario(t: TestApp): Promise<HistoryScenario> {
  const post = (path: string, token: string, body: object = {}) =>
    t.http().post(path).set(bearer(token)).send(body);
  let admin = await t.login(ADMIN.username, ADMIN.password);
  for (const [name, kind] of [
    ['qa', 'qa'],
    ['production', 'production'],
  ])
    await post('/api/environments', admin, { name, kind }).expect(201);
  admin = await t.login(ADMIN.username, ADMIN.password);
  const user = async (username: string, roles: object[]) =>
    (await post('/api/users', admin, { username, password: PASSWORD, roles }).expect(201)).body.id as string;
  const developer = [{ environment: 'development', role: 'developer' }];
  await user('hana', developer);
  await user('gil', developer);
  await user('audrey', [{ environment: 'development', role: 'auditor' }]);
  await user('otto', [{ environment: 'production', role: 'admin' }]);
  const ivanId = await user('ivan', developer);
  const [hana, gil, auditor, otherAdmin] = await Promise.all([
    t.login('hana', PASSWORD),
    t.login('gil', PASSWORD),
    t.login('audrey', PASSWORD),
    t.login('otto', PASSWORD, 'production'),
  ]);

  const integrationId = await createIntegration(t, hana, {
    applicationName: 'Shop',
    connectionId: SAMPLE_CONNECTION_ID,
    tables: ['customers'],
  });
  await post(`/api/integrations/${integrationId}/entities`, hana, { tables: ['products'] }).expect(200);
  await t
    .http()
    .put(`/api/integrations/${integrationId}/details`)
    .set(bearer(hana))
    .send({ applicationName: 'Shop renamed', moduleName: 'Shop_renamed_IS', description: 'Renamed' })
    .expect(200);
  await publishedOrFail(t, hana, integrationId);
  await eventually(async () => {
    const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
    return version >= 0 ? version : undefined;
  }, 'the deployment to development');
  await post(`/api/integrations/${integrationId}/deployments`, admin, {
    version: 1,
    environment: 'qa',
  }).expect(200);
  const qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
  const { connectionId: qaConnectionId } = await sampleCopy(t, qaAdmin, {
    file: 'history-qa.sqlite',
    name: 'Shop QA',
    environment: 'qa',
  });
  await t
    .http()
    .put(`/api/environments/qa/integrations/${integrationId}/connection`)
    .set(bearer(qaAdmin))
    .send({ connectionId: qaConnectionId })
    .expect(200);

  const request = async (name: string, password?: string) =>
    (
      await post('/api/connection-requests', hana, {
        name,
        ...(password === undefined
          ? { provider: 'sqlite', details: { path: 'sample.sqlite' } }
          : {
              provider: 'mysql',
              details: { host: 'db.example.com', database: 'shop', username: 'app' },
              password,
            }),
      }).expect(201)
    ).body.id as string;
  const approvedRequestId = await request('Wanted', REQUEST_PASSWORD);
  const approved = await post(`/api/connection-requests/${approvedRequestId}/approve`, admin).expect(200);
  const rejectedRequestId = await request('Unwanted');
  await post(`/api/connection-requests/${rejectedRequestId}/reject`, admin, {
    reason: 'Use the replica',
  }).expect(200);
  const requestedConnectionId = await eventually(async () => {
    const { body } = await t.http().get(`/api/connection-requests/${approvedRequestId}`).set(bearer(admin));
    return (body.connectionId as string | undefined) ?? (approved.body.connectionId as string | undefined);
  }, 'the connection of the approved request');
  await eventually(async () => {
    const { status } = await t.http().get(`/api/connections/${requestedConnectionId}`).set(bearer(admin));
    return status === 200 ? status : undefined;
  }, 'the approved connection');

  await t
    .http()
    .put(`/api/users/${ivanId}/roles`)
    .set(bearer(admin))
    .send({
      roles: [
        { environment: 'development', role: 'developer' },
        { environment: 'qa', role: 'auditor' },
      ],
    })
    .expect(200);

  return {
    admin,
    hana,
    gil,
    auditor,
    otherAdmin,
    integrationId,
    approvedRequestId,
    rejectedRequestId,
    requestedConnectionId,
    qaConnectionId,
    ivanId,
  };
}
