import { type RecordedEvent } from '@ib/domain';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

export const PASSWORD = 'audit-password-1';
export const SECRET = 'qa-orders-secret-pw';
export const CORRELATION = 'audit-e2e-correlation';
/** Its JSON holds quotes, a comma and a line break: CSV must keep it whole. */
export const AWKWARD_NAME = 'Orders "EU", east';

export type Callers = Readonly<{
  /** The bootstrap administrator: owner, and admin of development. */
  owner: string;
  developer: string;
  /** Auditor of qa. */
  qaAuditor: string;
  /** Admin of production. */
  productionAdmin: string;
}>;

export type AuditWorld = Readonly<{
  t: TestApp;
  callers: Callers;
  ids: Readonly<{
    adminUserId: string;
    developerUserId: string;
    qaAuditorUserId: string;
    movedUserId: string;
    integrationId: string;
    qaConnectionId: string;
  }>;
  /** The whole log, oldest first, as the store holds it after the setup. */
  log: () => Promise<RecordedEvent[]>;
  close: () => Promise<void>;
}>;

/**
 * A small installation whose log has something in each environment and of each kind:
 * environments qa and production, users of each role (one moved out of qa), an integration in
 * development (created under a known correlation id), a connection with a password in qa, an API key
 * in production.
 */
export async function auditWorld(): Promise<AuditWorld> {
  const t = await startTestApp();
  const post = async (token: string, path: string, body: object, headers: Record<string, string> = {}) =>
    (await t.http().post(path).set(bearer(token)).set(headers).send(body).expect(201)).body as Record<
      string,
      unknown
    >;
  let root = await t.login(ADMIN.username, ADMIN.password);
  for (const [name, kind] of [
    ['qa', 'qa'],
    ['production', 'production'],
  ])
    await post(root, '/api/environments', { name, kind });
  root = await t.login(ADMIN.username, ADMIN.password);
  const user = async (username: string, roles: object[]) =>
    (await post(root, '/api/users', { username, password: PASSWORD, roles })).id as string;
  const developerUserId = await user('audit-dora', [{ environment: 'development', role: 'developer' }]);
  const qaAuditorUserId = await user('audit-quinn', [{ environment: 'qa', role: 'auditor' }]);
  await user('audit-pat', [{ environment: 'production', role: 'admin' }]);
  const movedUserId = await user('audit-moved', [{ environment: 'qa', role: 'developer' }]);
  await t
    .http()
    .put(`/api/users/${movedUserId}/roles`)
    .set(bearer(root))
    .set('If-Match', '"0"')
    .send({ roles: [{ environment: 'development', role: 'developer' }] })
    .expect(200);
  const developer = await t.login('audit-dora', PASSWORD);
  const integrationId = (
    await post(
      developer,
      '/api/integrations',
      { provider: 'sqlite', applicationName: AWKWARD_NAME },
      { 'X-Correlation-Id': CORRELATION },
    )
  ).id as string;
  const qaRoot = await t.login(ADMIN.username, ADMIN.password, 'qa');
  const qaConnectionId = (
    await post(qaRoot, '/api/connections', {
      name: 'QA orders',
      provider: 'mysql',
      environment: 'qa',
      details: { host: 'db.qa.local', username: 'orders' },
      password: SECRET,
    })
  ).id as string;
  const productionRoot = await t.login(ADMIN.username, ADMIN.password, 'production');
  await post(productionRoot, '/api/environments/production/api-keys', { appName: 'Shop' });
  const me = (await t.http().get('/api/auth/me').set(bearer(root)).expect(200)).body as { id: string };
  return {
    t,
    callers: {
      owner: root,
      developer,
      qaAuditor: await t.login('audit-quinn', PASSWORD, 'qa'),
      productionAdmin: await t.login('audit-pat', PASSWORD, 'production'),
    },
    ids: { adminUserId: me.id, developerUserId, qaAuditorUserId, movedUserId, integrationId, qaConnectionId },
    log: () => t.store.readAll({ fromPosition: 0, limit: 100_000 }),
    close: () => t.close(),
  };
}

/** An audit item as the API answers it. */
export type Item = Readonly<{
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  recordedAt: string;
  actor: { id: string; username: string };
  environment: string | null;
  correlationId: string;
  causationId: string;
  data: Record<string, unknown>;
}>;
