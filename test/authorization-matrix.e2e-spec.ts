import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  entityNames,
  eventually,
  finishedRun,
  publishedOrFail,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';
import { SAP_V2_METADATA } from '../libs/connectors/src/odata/odata-recorded-metadata';

/**
 * Every operation of the OpenAPI document, called by every kind of caller, each answer asserted.
 * A route added without a row fails the first test.
 *
 * The callers:
 * - anonymous: no credentials;
 * - apiKey: an app key of development (the data API and its versions' documents take it; every other
 *   route ignores it);
 * - developer: developer of development;
 * - admin: administrator of development and of qa;
 * - otherAdmin: administrator of production only (an administrator of another environment);
 * - owner: the installation role, and developer of development.
 */
const CALLERS = ['anonymous', 'apiKey', 'developer', 'admin', 'otherAdmin', 'owner'] as const;
type Caller = (typeof CALLERS)[number];

/** `ok`: any 2xx; a number: that status exactly. */
type Outcome = 'ok' | number;
type Expected = Readonly<Record<Caller, Outcome>>;
type Call = Readonly<{ path: string; body?: object }>;

type Row = Readonly<{
  operation: string;
  expected: Expected;
  /** The call for one caller (fresh resources where the call changes them). */
  call: (caller: Caller) => Promise<Call> | Call;
  /** The call ends the caller's session: it gets a session of its own. */
  ownSession?: boolean;
}>;

const PASSWORD = 'matrix-password-1';
const USERS: Readonly<Record<Exclude<Caller, 'anonymous' | 'apiKey'>, object>> = {
  developer: { roles: [{ environment: 'development', role: 'developer' }] },
  admin: {
    roles: [
      { environment: 'development', role: 'admin' },
      { environment: 'qa', role: 'admin' },
    ],
  },
  otherAdmin: { roles: [{ environment: 'production', role: 'admin' }] },
  owner: { roles: [{ environment: 'development', role: 'developer' }], owner: true },
};
const LOGIN_ENVIRONMENT: Readonly<Record<keyof typeof USERS, string>> = {
  developer: 'development',
  admin: 'development',
  otherAdmin: 'production',
  owner: 'development',
};

/** Public routes answer everyone. */
const everyone: Expected = {
  anonymous: 'ok',
  apiKey: 'ok',
  developer: 'ok',
  admin: 'ok',
  otherAdmin: 'ok',
  owner: 'ok',
};
/** Any logged-in user. */
const users: Expected = { ...everyone, anonymous: 401, apiKey: 401 };
/** What lives in development: its members read and build; others do not see it (404). */
const developmentMembers: Expected = { ...users, otherAdmin: 404 };
/** A right of development's administrators; a member who is not one is refused (403). */
const developmentAdmins = (others: Outcome = 403): Expected => ({
  ...users,
  developer: 403,
  otherAdmin: others,
  owner: 403,
});
const owners: Expected = { ...users, developer: 403, admin: 403, otherAdmin: 403 };
/** The audit log: any administrator reads that of their environments, owners all of it. */
const auditReaders: Expected = { ...users, developer: 403 };
const dataApi: Expected = { ...everyone, anonymous: 401, otherAdmin: 403 };

describe('authorization matrix: every operation x every kind of caller', () => {
  let t: TestApp;
  let root: string;
  const tokens = {} as Record<keyof typeof USERS, string>;
  let apiKey: string;
  let integrationId: string;
  let customers: string;
  let publicationId: string;
  let requestId: string;
  let targetUserId: string;
  let qaConnectionId: string;
  let runId: string;
  let uniq = 0;
  const next = () => `${Date.now().toString(36)}${(uniq++).toString(36)}`;

  const post = async (path: string, body: object, token = root) =>
    (await t.http().post(path).set(bearer(token)).send(body)).body as Record<string, unknown>;

  const login = (caller: keyof typeof USERS) =>
    t.login(`matrix-${caller}`, PASSWORD, LOGIN_ENVIRONMENT[caller]);

  /** A draft of the sample's customers, as far as `stage`. */
  const draft = async (stage: 'created' | 'entities') => {
    const id = await createIntegration(t, root, {
      applicationName: `Draft ${next()}`,
      ...(stage === 'entities' ? { connectionId: SAMPLE_CONNECTION_ID, tables: ['customers'] } : {}),
    });
    return id;
  };
  /** An OData draft, built from SAP's demo `$metadata` (v2) when `uploaded`. */
  const odataDraft = async (uploaded: boolean) => {
    const id = await createIntegration(t, root, { applicationName: `OData ${next()}`, provider: 'odata' });
    if (uploaded)
      await t
        .http()
        .put(`/api/integrations/${id}/specification`)
        .set(bearer(root))
        .send({ document: SAP_V2_METADATA })
        .expect(200);
    return id;
  };
  const newDeveloper = async () =>
    (
      (await post('/api/users', {
        username: `d-${next()}`,
        password: PASSWORD,
        roles: [{ environment: 'development', role: 'developer' }],
      })) as { id: string }
    ).id;
  const newRequest = async () =>
    (
      (await post('/api/connection-requests', {
        name: `Requested ${next()}`,
        provider: 'sqlite',
        environment: 'development',
        details: { path: 'sample.sqlite' },
      })) as { id: string }
    ).id;
  /** A pending change request of production, asked for by root: switching its four-eyes off. */
  const newChangeRequest = async () => {
    const policy = (fourEyes: boolean) =>
      t.http().put('/api/environments/production/policy').set(bearer(root)).send({ fourEyes });
    await policy(true).expect(200);
    return ((await policy(false).expect(202)).body as { changeRequestId: string }).changeRequestId;
  };
  const newConnection = async (provider: 'sqlite' | 'mysql' = 'sqlite') =>
    (
      (await post('/api/connections', {
        name: `Connection ${next()}`,
        provider,
        environment: 'development',
        ...(provider === 'sqlite'
          ? { details: { path: 'sample.sqlite' } }
          : { details: { host: 'db.invalid', username: 'app' }, password: 'first' }),
      })) as { id: string }
    ).id;
  const newRow = async () =>
    (
      (await post(`/api/data/development/${integrationId}/${customers}`, {
        email: `${next()}@matrix.example`,
        first_name: 'Matrix',
        last_name: 'Row',
      })) as { customer_id: number }
    ).customer_id;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.login(ADMIN.username, ADMIN.password);
    for (const [name, kind] of [
      ['qa', 'qa'],
      ['production', 'production'],
    ])
      await t.http().post('/api/environments').set(bearer(root)).send({ name, kind }).expect(201);
    root = await t.login(ADMIN.username, ADMIN.password);
    for (const [caller, grants] of Object.entries(USERS)) {
      await t
        .http()
        .post('/api/users')
        .set(bearer(root))
        .send({ username: `matrix-${caller}`, password: PASSWORD, ...grants })
        .expect(201);
      tokens[caller as keyof typeof USERS] = await login(caller as keyof typeof USERS);
    }
    targetUserId = (
      (await post('/api/users', {
        username: 'matrix-target',
        password: PASSWORD,
        roles: [{ environment: 'development', role: 'developer' }],
      })) as { id: string }
    ).id;
    apiKey = (await post('/api/environments/development/api-keys', { appName: 'Matrix app' })).key as string;
    integrationId = await draft('entities');
    ({ customers } = await entityNames(t, root, integrationId));
    publicationId = (await publishedOrFail(t, root, integrationId)).id as string;
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(root))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    const qaRoot = await t.login(ADMIN.username, ADMIN.password, 'qa');
    qaConnectionId = (
      (await post(
        '/api/connections',
        { name: 'QA shop', provider: 'sqlite', environment: 'qa', details: { path: 'sample.sqlite' } },
        qaRoot,
      )) as { id: string }
    ).id;
    requestId = await newRequest();
    // A republish run to read: a breaking update makes the integration need one.
    await t
      .http()
      .post('/api/dependencies/integration-manager/updates')
      .set(bearer(root))
      .send({ version: '2.0.0' })
      .expect(201);
    const started = await t.http().post('/api/integrations/republish').set(bearer(root)).expect(202);
    runId = started.body.runId as string;
    await finishedRun(t, root, runId);
  }, 60_000);
  afterAll(() => t.close());

  const integration = (rest = '') => `/api/integrations/${integrationId}${rest}`;
  /** What the administrator of development was told of the request: their notification, nobody else's. */
  const adminsNotification = () =>
    eventually(async () => {
      const { body } = await t.http().get('/api/notifications?limit=100').set(bearer(tokens.admin));
      const items = body.items as { id: string; link: string }[];
      return items.find(({ link }) => link.endsWith(requestId))?.id;
    }, 'the administrator to be told of the request');
  const data = (rest = '') => `/api/data/development/${integrationId}/${customers}${rest}`;

  const ROWS: readonly Row[] = [
    { operation: 'GET /health', expected: everyone, call: () => ({ path: '/health' }) },
    { operation: 'GET /ready', expected: everyone, call: () => ({ path: '/ready' }) },
    {
      operation: 'POST /api/auth/login',
      expected: everyone,
      call: () => ({
        path: '/api/auth/login',
        body: { environment: 'development', username: 'matrix-developer', password: PASSWORD },
      }),
    },
    {
      operation: 'POST /api/auth/logout',
      expected: users,
      ownSession: true,
      call: () => ({ path: '/api/auth/logout' }),
    },
    {
      // Public, but it takes the refresh cookie only: a bearer token or an app key is no refresh token.
      operation: 'POST /api/auth/refresh',
      expected: { anonymous: 401, apiKey: 401, developer: 401, admin: 401, otherAdmin: 401, owner: 401 },
      call: () => ({ path: '/api/auth/refresh' }),
    },
    { operation: 'GET /api/auth/me', expected: users, call: () => ({ path: '/api/auth/me' }) },
    {
      // One's own password, whatever one's role: a wrong current one is refused (400) past authorization,
      // so the caller keeps the session the rows after it use.
      operation: 'POST /api/auth/password',
      expected: { ...users, developer: 400, admin: 400, otherAdmin: 400, owner: 400 },
      call: () => ({
        path: '/api/auth/password',
        body: { currentPassword: 'not-the-password', newPassword: 'another-password-1' },
      }),
    },
    { operation: 'GET /api/environments', expected: users, call: () => ({ path: '/api/environments' }) },
    {
      operation: 'POST /api/environments',
      expected: owners,
      call: () => ({ path: '/api/environments', body: { name: `env-${next()}`, kind: 'qa' } }),
    },
    {
      operation: 'GET /api/environments/{name}',
      expected: developmentMembers,
      call: () => ({ path: '/api/environments/development' }),
    },
    {
      operation: 'GET /api/environments/{name}/history',
      expected: developmentMembers,
      call: () => ({ path: '/api/environments/development/history' }),
    },
    {
      operation: 'GET /api/environments/{env}/deployments',
      expected: developmentMembers,
      call: () => ({ path: '/api/environments/development/deployments' }),
    },
    {
      operation: 'GET /api/environments/{env}/health',
      expected: developmentMembers,
      call: () => ({ path: '/api/environments/development/health' }),
    },
    {
      operation: 'GET /api/users',
      expected: { ...users, developer: 403 },
      call: () => ({ path: '/api/users' }),
    },
    {
      operation: 'POST /api/users',
      expected: developmentAdmins(),
      call: () => ({
        path: '/api/users',
        body: {
          username: `u-${next()}`,
          password: PASSWORD,
          roles: [{ environment: 'development', role: 'developer' }],
        },
      }),
    },
    {
      operation: 'GET /api/users/{id}',
      expected: { ...users, developer: 404, otherAdmin: 404 },
      call: () => ({ path: `/api/users/${targetUserId}` }),
    },
    {
      // Its past also for the auditors and administrators of the environments they held a role in.
      operation: 'GET /api/users/{id}/history',
      expected: { ...users, developer: 404, otherAdmin: 404 },
      call: () => ({ path: `/api/users/${targetUserId}/history` }),
    },
    {
      operation: 'PUT /api/users/{id}/roles',
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 403 },
      call: async () => {
        const id = (
          (await post('/api/users', {
            username: `r-${next()}`,
            password: PASSWORD,
            roles: [{ environment: 'development', role: 'developer' }],
          })) as { id: string }
        ).id;
        return {
          path: `/api/users/${id}/roles`,
          body: { roles: [{ environment: 'development', role: 'admin' }] },
        };
      },
    },
    {
      // Another user's address, or disabling them: the administrators of every environment they hold a role in.
      operation: 'PATCH /api/users/{id}',
      expected: { ...users, developer: 403, otherAdmin: 404, owner: 403 },
      call: async () => ({
        path: `/api/users/${await newDeveloper()}`,
        body: { email: `${next()}@matrix.example`, disabled: true },
      }),
    },
    {
      // A one-time password for another user: as for their address.
      operation: 'POST /api/users/{id}/password-reset',
      expected: { ...users, developer: 403, otherAdmin: 404, owner: 403 },
      call: () => ({ path: `/api/users/${targetUserId}/password-reset` }),
    },
    { operation: 'GET /api/users/me', expected: users, call: () => ({ path: '/api/users/me' }) },
    {
      // One's own profile: every logged-in user, whatever their role.
      operation: 'PUT /api/users/me',
      expected: users,
      call: () => ({
        path: '/api/users/me',
        body: { email: `${next()}@matrix.example`, notifications: { email: ['request-approved'] } },
      }),
    },
    { operation: 'GET /api/providers', expected: users, call: () => ({ path: '/api/providers' }) },
    { operation: 'GET /api/integrations', expected: users, call: () => ({ path: '/api/integrations' }) },
    {
      operation: 'POST /api/integrations',
      expected: { ...users, otherAdmin: 403 },
      call: () => ({
        path: '/api/integrations',
        body: { provider: 'sqlite', applicationName: `App ${next()}`, environment: 'development' },
      }),
    },
    {
      operation: 'GET /api/integrations/{id}',
      expected: developmentMembers,
      call: () => ({ path: integration() }),
    },
    {
      operation: 'GET /api/integrations/{id}/history',
      expected: developmentMembers,
      call: () => ({ path: integration('/history') }),
    },
    {
      operation: 'GET /api/integrations/{id}/review',
      expected: developmentMembers,
      call: () => ({ path: integration('/review') }),
    },
    {
      operation: 'PUT /api/integrations/{id}/connection',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await draft('created')}/connection`,
        body: { connectionId: SAMPLE_CONNECTION_ID },
      }),
    },
    {
      operation: 'PUT /api/integrations/{id}/specification',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await odataDraft(false)}/specification`,
        body: { document: SAP_V2_METADATA },
      }),
    },
    {
      operation: 'GET /api/integrations/{id}/specification/databases',
      expected: developmentMembers,
      call: async () => ({ path: `/api/integrations/${await odataDraft(true)}/specification/databases` }),
    },
    {
      operation: 'GET /api/integrations/{id}/specification/databases/{db}/tables',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await odataDraft(true)}/specification/databases/GWSAMPLE_BASIC/tables`,
      }),
    },
    {
      operation: 'GET /api/integrations/{id}/specification/databases/{db}/tables/{table}',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await odataDraft(true)}/specification/databases/GWSAMPLE_BASIC/tables/BusinessPartnerSet`,
      }),
    },
    {
      operation: 'PUT /api/integrations/{id}/database',
      expected: developmentMembers,
      call: async () => {
        const id = await draft('created');
        await t
          .http()
          .put(`/api/integrations/${id}/connection`)
          .set(bearer(root))
          .send({ connectionId: SAMPLE_CONNECTION_ID })
          .expect(200);
        return { path: `/api/integrations/${id}/database`, body: { database: 'main' } };
      },
    },
    {
      operation: 'POST /api/integrations/{id}/entities',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await draft('entities')}/entities`,
        body: { tables: ['products'] },
      }),
    },
    {
      operation: 'DELETE /api/integrations/{id}/entities/{name}',
      expected: developmentMembers,
      call: async () => {
        const id = await draft('entities');
        const names = await entityNames(t, root, id);
        return { path: `/api/integrations/${id}/entities/${names.customers}` };
      },
    },
    {
      // Renaming an entity is never allowed: who may build gets the rule's 409.
      operation: 'PATCH /api/integrations/{id}/entities/{name}',
      expected: { ...developmentMembers, developer: 409, admin: 409, owner: 409 },
      call: () => ({ path: integration(`/entities/${customers}`), body: { name: 'Clients' } }),
    },
    {
      operation: 'PUT /api/integrations/{id}/details',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await draft('created')}/details`,
        body: { applicationName: `Renamed ${next()}`, moduleName: `Renamed_${uniq}_IS`, description: 'New' },
      }),
    },
    {
      operation: 'PUT /api/integrations/{id}/null-policy',
      expected: developmentMembers,
      call: async () => ({
        path: `/api/integrations/${await draft('created')}/null-policy`,
        body: { nullPolicy: 'overwrite' },
      }),
    },
    {
      operation: 'POST /api/integrations/{id}/open',
      expected: developmentMembers,
      call: async () => ({ path: `/api/integrations/${await draft('created')}/open` }),
    },
    { operation: 'GET /api/connections', expected: users, call: () => ({ path: '/api/connections' }) },
    {
      operation: 'POST /api/connections',
      expected: developmentAdmins(),
      call: () => ({
        path: '/api/connections',
        body: {
          name: `Connection ${next()}`,
          provider: 'sqlite',
          environment: 'development',
          details: { path: 'sample.sqlite' },
        },
      }),
    },
    {
      // Who may create connections in its environment changes, rotates and deletes them.
      operation: 'PATCH /api/connections/{id}',
      expected: developmentAdmins(404),
      call: async () => ({
        path: `/api/connections/${await newConnection()}`,
        body: { name: `Renamed ${next()}` },
      }),
    },
    {
      operation: 'PUT /api/connections/{id}/password',
      expected: developmentAdmins(404),
      call: async () => ({
        path: `/api/connections/${await newConnection('mysql')}/password`,
        body: { password: 'rotated' },
      }),
    },
    {
      operation: 'DELETE /api/connections/{id}',
      expected: developmentAdmins(404),
      call: async () => ({ path: `/api/connections/${await newConnection()}` }),
    },
    {
      operation: 'GET /api/connections/{id}',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}` }),
    },
    {
      operation: 'GET /api/connections/{id}/history',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}/history` }),
    },
    {
      operation: 'POST /api/connections/{id}/test',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}/test` }),
    },
    {
      operation: 'GET /api/connections/{id}/databases',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}/databases` }),
    },
    {
      operation: 'GET /api/connections/{id}/databases/{db}/tables',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}/databases/main/tables` }),
    },
    {
      operation: 'GET /api/connections/{id}/databases/{db}/tables/{table}',
      expected: developmentMembers,
      call: () => ({ path: `/api/connections/${SAMPLE_CONNECTION_ID}/databases/main/tables/customers` }),
    },
    {
      operation: 'GET /api/connection-requests',
      expected: users,
      call: () => ({ path: '/api/connection-requests' }),
    },
    {
      operation: 'POST /api/connection-requests',
      expected: { ...users, otherAdmin: 403 },
      call: () => ({
        path: '/api/connection-requests',
        body: {
          name: `Wanted ${next()}`,
          provider: 'sqlite',
          environment: 'development',
          details: { path: 'sample.sqlite' },
        },
      }),
    },
    {
      // Someone else's request: administrators of its environment see it, nobody else.
      operation: 'GET /api/connection-requests/{id}',
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 404 },
      call: () => ({ path: `/api/connection-requests/${requestId}` }),
    },
    {
      // Someone else's request: its past also for the owners, who audit every environment.
      operation: 'GET /api/connection-requests/{id}/history',
      expected: { ...users, developer: 404, otherAdmin: 404 },
      call: () => ({ path: `/api/connection-requests/${requestId}/history` }),
    },
    {
      // Someone else's pending request: administrators of its environment try its details, nobody else.
      operation: 'POST /api/connection-requests/{id}/test',
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 404 },
      call: () => ({ path: `/api/connection-requests/${requestId}/test` }),
    },
    ...(['approve', 'reject', 'cancel'] as const).map((decision): Row => ({
      operation: `POST /api/connection-requests/{id}/${decision}`,
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 404 },
      call: async () => ({
        path: `/api/connection-requests/${await newRequest()}/${decision}`,
        ...(decision === 'reject' ? { body: { reason: 'Use the replica' } } : {}),
      }),
    })),
    {
      operation: 'GET /api/change-requests',
      expected: users,
      call: () => ({ path: '/api/change-requests' }),
    },
    {
      // Root's request in production: its administrators see it, nobody else.
      operation: 'GET /api/change-requests/{id}',
      expected: { ...users, developer: 404, admin: 404, owner: 404 },
      call: async () => ({ path: `/api/change-requests/${await newChangeRequest()}` }),
    },
    ...(['approve', 'reject'] as const).map((decision): Row => ({
      // Another administrator of production decides; whoever does not see it finds nothing.
      operation: `POST /api/change-requests/{id}/${decision}`,
      expected: { ...users, developer: 404, admin: 404, owner: 404 },
      call: async () => ({
        path: `/api/change-requests/${await newChangeRequest()}/${decision}`,
        ...(decision === 'reject' ? { body: { reason: 'Not now' } } : {}),
      }),
    })),
    {
      // Only its requester (root) cancels: another administrator is refused.
      operation: 'POST /api/change-requests/{id}/cancel',
      expected: { ...users, developer: 404, admin: 404, otherAdmin: 403, owner: 404 },
      call: async () => ({ path: `/api/change-requests/${await newChangeRequest()}/cancel` }),
    },
    {
      // qa's policy: its administrators set it; an environment one holds no role in is not found.
      operation: 'PUT /api/environments/{env}/policy',
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 404 },
      call: () => ({ path: '/api/environments/qa/policy', body: { fourEyes: false } }),
    },
    { operation: 'GET /api/projections', expected: owners, call: () => ({ path: '/api/projections' }) },
    {
      operation: 'POST /api/projections/{name}/rebuild',
      expected: owners,
      call: () => ({ path: '/api/projections/environments/rebuild' }),
    },
    { operation: 'POST /api/audit/replay', expected: owners, call: () => ({ path: '/api/audit/replay' }) },
    {
      // Any environment's auditors and admins, and owners: the answer names positions, never an event.
      operation: 'GET /api/audit/verify',
      expected: { ...users, developer: 403 },
      call: () => ({ path: '/api/audit/verify' }),
    },
    {
      operation: 'POST /api/integrations/{id}/publish',
      expected: developmentMembers,
      call: async () => ({ path: `/api/integrations/${await draft('entities')}/publish` }),
    },
    {
      operation: 'GET /api/publications/{id}',
      expected: developmentMembers,
      call: () => ({ path: `/api/publications/${publicationId}` }),
    },
    {
      operation: 'GET /api/integrations/{id}/versions/{version}/package',
      expected: developmentMembers,
      call: () => ({ path: integration('/versions/1/package') }),
    },
    {
      // An app key reads the document of the version its environment serves: development's is 2 since
      // the republish run of the setup; users read any published version.
      operation: 'GET /api/integrations/{id}/versions/{version}/openapi.json',
      expected: { ...developmentMembers, apiKey: 'ok' },
      call: (caller) => ({ path: integration(`/versions/${caller === 'apiKey' ? 2 : 1}/openapi.json`) }),
    },
    {
      // Promotion needs the admin role in the target (qa) and the right to read the integration.
      operation: 'POST /api/integrations/{id}/deployments',
      expected: { ...developmentAdmins(404) },
      call: () => ({ path: integration('/deployments'), body: { version: 1, environment: 'qa' } }),
    },
    {
      operation: 'GET /api/integrations/{id}/drift',
      expected: developmentMembers,
      call: () => ({ path: integration('/drift') }),
    },
    {
      operation: 'GET /api/environments/{env}/drift',
      expected: developmentMembers,
      call: () => ({ path: '/api/environments/development/drift' }),
    },
    {
      operation: 'POST /api/environments/{env}/drift-checks',
      expected: developmentAdmins(),
      call: () => ({ path: '/api/environments/development/drift-checks' }),
    },
    {
      operation: 'GET /api/integrations/{id}/deployments',
      expected: developmentMembers,
      call: () => ({ path: integration('/deployments') }),
    },
    {
      operation: 'PUT /api/environments/{env}/integrations/{id}/connection',
      expected: { ...developmentAdmins(404) },
      call: () => ({
        path: `/api/environments/qa/integrations/${integrationId}/connection`,
        body: { connectionId: qaConnectionId },
      }),
    },
    {
      // The administrator of qa unbinds what the row before bound.
      operation: 'DELETE /api/environments/{env}/integrations/{id}/connection',
      expected: { ...developmentAdmins(404) },
      call: () => ({ path: `/api/environments/qa/integrations/${integrationId}/connection` }),
    },
    {
      operation: 'GET /api/data/{env}/{integrationId}/{entity}',
      expected: dataApi,
      call: () => ({ path: data() }),
    },
    {
      operation: 'POST /api/data/{env}/{integrationId}/{entity}',
      expected: dataApi,
      call: () => ({
        path: data(),
        body: { email: `${next()}@matrix.example`, first_name: 'New', last_name: 'Customer' },
      }),
    },
    {
      operation: 'GET /api/data/{env}/{integrationId}/{entity}/{key}',
      expected: dataApi,
      call: async () => ({ path: data(`/${await newRow()}`) }),
    },
    {
      operation: 'PATCH /api/data/{env}/{integrationId}/{entity}/{key}',
      expected: dataApi,
      call: async () => ({ path: data(`/${await newRow()}`), body: { city: 'Lisbon' } }),
    },
    {
      operation: 'DELETE /api/data/{env}/{integrationId}/{entity}/{key}',
      expected: dataApi,
      call: async () => ({ path: data(`/${await newRow()}`) }),
    },
    {
      operation: 'POST /api/environments/{env}/api-keys',
      expected: developmentAdmins(),
      call: () => ({ path: '/api/environments/development/api-keys', body: { appName: `App ${next()}` } }),
    },
    {
      operation: 'GET /api/environments/{env}/api-keys',
      expected: developmentAdmins(),
      call: () => ({ path: '/api/environments/development/api-keys' }),
    },
    {
      operation: 'DELETE /api/environments/{env}/api-keys/{keyId}',
      expected: developmentAdmins(),
      call: async () => {
        const created = await post('/api/environments/development/api-keys', { appName: `Old ${next()}` });
        return { path: `/api/environments/development/api-keys/${created.id as string}` };
      },
    },
    {
      operation: 'GET /api/integrations/{id}/publications',
      expected: developmentMembers,
      call: () => ({ path: integration('/publications') }),
    },
    {
      operation: 'GET /api/integrations/{id}/versions',
      expected: developmentMembers,
      call: () => ({ path: integration('/versions') }),
    },
    // Every member reads the runtime dependencies of the environment they logged in to.
    { operation: 'GET /api/dependencies', expected: users, call: () => ({ path: '/api/dependencies' }) },
    {
      operation: 'GET /api/integrations/{id}/dependencies',
      expected: developmentMembers,
      call: () => ({ path: integration('/dependencies') }),
    },
    {
      // Installed in the caller's environment by its administrator: production's installs there.
      operation: 'POST /api/dependencies/{name}/updates',
      expected: developmentAdmins('ok'),
      call: () => ({
        path: '/api/dependencies/integration-builder-utils/updates',
        body: { version: `1.0.${uniq++ + 1}`, breaking: false },
      }),
    },
    {
      // Nothing needs a republish any more: who may start a run is told so (409).
      operation: 'POST /api/integrations/republish',
      expected: { ...developmentAdmins(409), admin: 409 },
      call: () => ({ path: '/api/integrations/republish' }),
    },
    {
      operation: 'GET /api/republish-runs/{runId}',
      expected: developmentMembers,
      call: () => ({ path: `/api/republish-runs/${runId}` }),
    },
    // Each user reads and marks their own notifications: another's does not exist for them (404).
    { operation: 'GET /api/notifications', expected: users, call: () => ({ path: '/api/notifications' }) },
    {
      operation: 'POST /api/notifications/read-all',
      expected: users,
      call: () => ({ path: '/api/notifications/read-all' }),
    },
    {
      operation: 'POST /api/notifications/{id}/read',
      expected: { ...users, developer: 404, otherAdmin: 404, owner: 404 },
      call: async () => ({ path: `/api/notifications/${await adminsNotification()}/read` }),
    },
    // What waits for the caller's decision: anyone asks, each is answered with their own (maybe none).
    { operation: 'GET /api/approvals', expected: users, call: () => ({ path: '/api/approvals' }) },
    // The live stream: any user gets a ticket; the stream opens with a ticket only (none here: 401 for all).
    {
      operation: 'POST /api/stream/tickets',
      expected: users,
      call: () => ({ path: '/api/stream/tickets' }),
    },
    {
      operation: 'GET /api/stream',
      expected: { anonymous: 401, apiKey: 401, developer: 401, admin: 401, otherAdmin: 401, owner: 401 },
      call: () => ({ path: '/api/stream' }),
    },
    // The audit log: owners read all of it, administrators (and auditors) that of their environments.
    { operation: 'GET /api/audit', expected: auditReaders, call: () => ({ path: '/api/audit' }) },
    {
      operation: 'GET /api/audit/export',
      expected: auditReaders,
      call: () => ({ path: '/api/audit/export?format=csv' }),
    },
  ];

  it('has one row for every operation of the OpenAPI document', async () => {
    const { body } = await t.http().get('/api/docs-json').expect(200);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(ROWS.map(({ operation }) => operation).sort()).toEqual(documented.sort());
  });

  const credentials = async (caller: Caller, row: Row): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return {};
    if (caller === 'apiKey') return { 'X-API-Key': apiKey };
    return bearer(row.ownSession ? await login(caller) : tokens[caller]);
  };

  describe.each(CALLERS)('called by %s', (caller) => {
    it.each(ROWS.map((row) => [row.operation, row.expected[caller], row] as const))(
      '%s -> %s',
      async (operation, expected, row) => {
        const [method, template] = operation.split(' ');
        const { path, body } = await row.call(caller);
        expect(template).toBeDefined();
        const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const http = t.http();
        let request = http[verb](path).set(await credentials(caller, row));
        if (body !== undefined) request = request.send(body);
        const response = await request;
        // A logout ended every session of the caller: the rows after it need a new one.
        if (row.ownSession && caller !== 'anonymous' && caller !== 'apiKey')
          tokens[caller] = await login(caller);

        const outcome = response.status >= 200 && response.status < 300 ? 'ok' : response.status;
        expect({ outcome, problem: outcome === expected ? undefined : response.body }).toEqual({
          outcome: expected,
          problem: undefined,
        });
      },
    );
  });
});
