import {
  type AnyEvent,
  apiKeyStreamId,
  type ApiKeyEvent,
  type DependencyEvent,
  dependencyStreamId,
  type DeploymentEvent,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { type Response } from 'supertest';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { RUNTIME_DEPENDENCIES } from '../apps/api/src/publishing';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  finished,
  publish,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const DEVELOPER = { username: 'views-dev', password: 'developer-password-for-tests' };
const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000ff';

describe('the read-model views of publishing', () => {
  let t: TestApp;
  let token: string;
  let operator: string;
  let developer: string;
  let integrationId: string;
  let publicationId: string;
  let qaConnectionId: string;

  const get = (path: string, as: string = token) => t.http().get(path).set(bearer(as));
  /** The view's answer once `ready` holds for its body: the read model follows the event store a moment later. */
  const view = (path: string, ready: (body: Response['body']) => boolean, as: string = token) =>
    eventually(async () => {
      const answer = await get(path, as).expect(200);
      return ready(answer.body) ? answer : undefined;
    }, `${path} to answer as expected`);

  /** Events of aggregates whose commands are not wired yet, stored as a command would store them. */
  const append = (streamId: string, ...events: AnyEvent[]) =>
    t.store.append(
      streamId,
      events.map(({ type, data }) => ({
        eventId: uuidv7(),
        type,
        data,
        metadata: { actorId: 'root', correlationId: uuidv7(), causationId: uuidv7() },
      })),
      { expectedVersion: 'any' },
    );

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, token, {
      applicationName: 'Views',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'orders'],
    });
    ({ publicationId } = await publish(t, token, integrationId));
    await finished(t, token, publicationId);

    // qa, its administrator (the creator, from the next login on) and a developer of development only
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
    developer = await t.login(DEVELOPER.username, DEVELOPER.password);
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the publications of an integration with each step done', async () => {
    const { body } = await view(
      `/api/integrations/${integrationId}/publications`,
      (body) => body.items[0]?.status === 'published',
    );

    expect(body.total).toBe(1);
    const [publication] = body.items;
    expect(publication).toMatchObject({
      id: publicationId,
      integrationId,
      version: 1,
      environment: 'development',
      status: 'published',
      packageHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      dependencies: RUNTIME_DEPENDENCIES,
      requestedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    expect(
      publication.steps.map(({ step, status }: { step: string; status: string }) => [step, status]),
    ).toEqual([
      ['validateSchema', 'done'],
      ['generatePackage', 'done'],
      ['checkDependencies', 'done'],
      ['publish', 'done'],
    ]);
    for (const step of publication.steps) expect(Date.parse(step.at)).not.toBeNaN();
  });

  it('lists the published versions with a working package link', async () => {
    const { body } = await view(`/api/integrations/${integrationId}/versions`, (body) => body.total > 0);

    expect(body.items).toEqual([
      {
        version: 1,
        publicationId,
        packageHash: expect.stringMatching(/^sha256:/),
        dependencies: RUNTIME_DEPENDENCIES,
        publishedAt: expect.any(String),
        packageUrl: `/api/integrations/${integrationId}/versions/1/package`,
      },
    ]);
    const download = await get(body.items[0].packageUrl).buffer(true).expect(200);
    expect(download.headers['content-type']).toContain('application/x-tar');
  });

  it('shows the version and the connection bound in each environment', async () => {
    // The publication deploys to development by itself; qa is promoted to, then bound
    await view(`/api/integrations/${integrationId}/deployments`, (body) => body.total === 1);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(operator))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    ({ connectionId: qaConnectionId } = await sampleCopy(t, operator, {
      file: 'views-qa.sqlite',
      name: 'Views QA',
      environment: 'qa',
    }));
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator))
      .send({ connectionId: qaConnectionId })
      .expect(200);

    const { body } = await view(`/api/integrations/${integrationId}/deployments`, (body) =>
      body.items.some((entry: { binding: unknown }) => entry.binding !== null && body.total === 2),
    );

    expect(body.items).toEqual([
      expect.objectContaining({
        environment: 'development',
        environmentKind: 'development',
        version: 1,
        binding: null,
      }),
      expect.objectContaining({
        environment: 'qa',
        environmentKind: 'qa',
        version: 1,
        deployedAt: expect.any(String),
        binding: expect.objectContaining({ connectionId: qaConnectionId, connectionProvider: 'sqlite' }),
      }),
    ]);
  });

  it('answers 404 for an unknown integration and for one outside the environments of the caller', async () => {
    for (const view of ['publications', 'versions', 'deployments', 'dependencies'])
      await get(`/api/integrations/${UNKNOWN_ID}/${view}`).expect(404);
    const outsider = await t.login(ADMIN.username, ADMIN.password, 'qa');
    await t
      .http()
      .post('/api/users')
      .set(bearer(outsider))
      .send({
        username: 'qa-only',
        password: 'qa-only-password-for-tests',
        roles: [{ environment: 'qa', role: 'developer' }],
      })
      .expect(201);
    const qaOnly = await t.login('qa-only', 'qa-only-password-for-tests', 'qa');
    for (const view of ['publications', 'versions', 'deployments', 'dependencies'])
      await get(`/api/integrations/${integrationId}/${view}`, qaOnly).expect(404);
  });

  it('shows what the integration was built against, and a republish once one is required', async () => {
    const before = await view(
      `/api/integrations/${integrationId}/dependencies`,
      (body) => body.latestVersion === 1,
    );
    expect(before.body).toEqual({
      integrationId,
      latestVersion: 1,
      builtAgainst: RUNTIME_DEPENDENCIES,
      republishRequired: false,
      republishRequirements: [],
      needsAttention: false,
      environments: ['development', 'qa'].map((environment) => ({
        environment,
        environmentKind: environment,
        version: 1,
        builtAgainst: RUNTIME_DEPENDENCIES,
        republishRequired: false,
        republishRequirements: [],
        breakingUpdates: [],
        needsAttention: false,
      })),
    });

    await append(integrationDeploymentsStreamId(integrationId), {
      type: 'RepublishRequired',
      data: {
        integrationId,
        dependency: 'integration-manager',
        reason: 'integration-manager 2.0.0 is a breaking update',
        requiredAt: '2026-01-02T00:00:00.000Z',
      },
    } satisfies DeploymentEvent);

    const after = await view(
      `/api/integrations/${integrationId}/dependencies`,
      (body) => body.republishRequired === true,
    );
    expect(after.body.needsAttention).toBe(true);
    expect(after.body.republishRequirements).toEqual([
      {
        dependency: 'integration-manager',
        reason: 'integration-manager 2.0.0 is a breaking update',
        requiredAt: '2026-01-02T00:00:00.000Z',
      },
    ]);
  });

  it('lists every runtime dependency at its shipped version until an update is installed', async () => {
    const shipped = await get('/api/dependencies').expect(200);
    expect(
      shipped.body.items.map(({ name, version }: { name: string; version: string }) => ({ name, version })),
    ).toEqual(RUNTIME_DEPENDENCIES);
    const [first] = RUNTIME_DEPENDENCIES;

    await append(dependencyStreamId(first.name), {
      type: 'DependencyUpdateInstalled',
      data: {
        name: first.name,
        fromVersion: first.version,
        version: '1.1.0',
        breaking: false,
        notes: 'Faster paging',
        installedBy: 'root',
        installedAt: '2026-01-03T00:00:00.000Z',
      },
    } satisfies DependencyEvent);

    const { body } = await view('/api/dependencies', (body) => body.items[0].updated === true);
    expect(body.items).toEqual([
      {
        name: first.name,
        version: '1.1.0',
        shippedVersion: first.version,
        updated: true,
        installedBy: 'root',
        installedAt: '2026-01-03T00:00:00.000Z',
        updates: [
          {
            fromVersion: first.version,
            version: '1.1.0',
            breaking: false,
            notes: 'Faster paging',
            installedBy: 'root',
            installedAt: '2026-01-03T00:00:00.000Z',
          },
        ],
      },
      ...RUNTIME_DEPENDENCIES.slice(1).map(({ name, version }) => ({
        name,
        version,
        shippedVersion: version,
        updated: false,
        updates: [],
      })),
    ]);
  });

  it("lists an environment's API keys newest first, to its admins only, without any key", async () => {
    const created = (keyId: string, appName: string, createdAt: string): ApiKeyEvent => ({
      type: 'ApiKeyCreated',
      data: {
        keyId,
        environment: 'qa',
        appName,
        label: '',
        hint: keyId.slice(-4),
        createdBy: 'root',
        createdAt,
      },
    });
    const first = uuidv7();
    const second = uuidv7();
    await append(apiKeyStreamId(first), created(first, 'Warehouse', '2026-01-04T00:00:00.000Z'), {
      type: 'ApiKeyRevoked',
      data: { keyId: first, environment: 'qa', revokedBy: 'root', revokedAt: '2026-01-06T00:00:00.000Z' },
    });
    await append(apiKeyStreamId(second), created(second, 'Shop', '2026-01-05T00:00:00.000Z'));

    const { body } = await view(
      '/api/environments/qa/api-keys',
      (body) => body.total === 2 && body.items[1].status === 'revoked',
      operator,
    );

    expect(body.items).toEqual([
      expect.objectContaining({ id: second, appName: 'Shop', status: 'active', hint: second.slice(-4) }),
      expect.objectContaining({ id: first, appName: 'Warehouse', status: 'revoked', revokedBy: 'root' }),
    ]);
    for (const item of body.items)
      expect(Object.keys(item).filter((field) => /key$|hash|secret/i.test(field))).toEqual([]);
    await get('/api/environments/qa/api-keys', developer).expect(403);
    // A token issued before its user became admin of qa: the role holds at once, without a new login
    await get('/api/environments/qa/api-keys', token).expect(200);
    expect((await get('/api/environments/development/api-keys').expect(200)).body).toEqual({
      items: [],
      total: 0,
    });
  });
});
