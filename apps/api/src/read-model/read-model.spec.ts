import {
  apiKeyStreamId,
  type ApiKeyEvent,
  type DependencyEvent,
  dependencyStreamId,
  type DeploymentEvent,
  environmentStreamId,
  integrationDeploymentsStreamId,
  integrationStreamId,
  type IntegrationEvent,
  type PublicationEvent,
  publicationStreamId,
  userStreamId,
  type UserEvent,
} from '@ib/domain';
import { temporaryReadModel, type TemporaryReadModel } from './testing/read-model.testing';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;

const integration = (integrationId: string, environment: string, createdAt: string): IntegrationEvent => ({
  type: 'IntegrationCreated',
  data: {
    integrationId,
    environment,
    provider: 'sqlite',
    applicationName: integrationId,
    moduleName: `${integrationId}_IS`,
    description: '',
    createdBy: 'alice',
    createdAt,
  },
});
const user = (userId: string, username: string): UserEvent => ({
  type: 'UserRegistered',
  data: {
    userId,
    username,
    roles: [{ environment: 'dev', role: 'developer' }],
    createdBy: 'root',
    createdAt: day(1),
  },
});

describe('ReadModel', () => {
  let model: TemporaryReadModel;

  beforeAll(async () => {
    model = await temporaryReadModel();
    await model.append(integrationStreamId('a'), integration('a', 'dev', day(1)));
    await model.append(integrationStreamId('b'), integration('b', 'qa', day(2)));
    await model.append(integrationStreamId('c'), integration('c', 'dev', day(3)));
    await model.append(integrationStreamId('a'), {
      type: 'IntegrationDatabaseSelected',
      data: { integrationId: 'a', database: 'main', selectedAt: day(4) },
    });
    for (const name of ['qa', 'dev'])
      await model.append(environmentStreamId(name), {
        type: 'EnvironmentCreated',
        data: { name, kind: name === 'dev' ? 'development' : 'qa', createdBy: 'root', createdAt: day(1) },
      });
    await model.append(userStreamId('zoe'), user('user-z', 'zoe'));
    const { lastPosition } = await model.append(userStreamId('bob'), user('user-b', 'bob'));
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(lastPosition, 5000);
  });
  afterAll(() => model.dispose());

  const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

  it('lists environments by name, those asked for only, and gets one by name', async () => {
    const names = (page: { items: readonly { name: string }[] }) => page.items.map(({ name }) => name);
    expect(names(await model.readModel.listEnvironments())).toEqual(['dev', 'qa']);
    expect(await model.readModel.listEnvironments({ names: ['qa'] })).toMatchObject({
      total: 1,
      items: [{ name: 'qa' }],
    });
    expect(await model.readModel.listEnvironments({ names: [] })).toEqual({ items: [], total: 0 });
    expect(await model.readModel.listEnvironments({ offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ name: 'qa' }],
    });
    expect(await model.readModel.getEnvironment('qa')).toStrictEqual({
      name: 'qa',
      kind: 'qa',
      createdBy: 'root',
      createdAt: day(1),
    });
    expect(await model.readModel.getEnvironment('prod')).toBeUndefined();
  });

  it('lists users by username and finds one by id or username', async () => {
    expect((await model.readModel.listUsers()).items.map(({ username }) => username)).toEqual(['bob', 'zoe']);
    expect(await model.readModel.getUser('user-z')).toMatchObject({ username: 'zoe' });
    expect(await model.readModel.getUserByUsername('bob')).toMatchObject({
      id: 'user-b',
      roles: [{ environment: 'dev', role: 'developer' }],
    });
    expect(await model.readModel.getUserByUsername('nobody')).toBeUndefined();
  });

  it('lists the users one sees: themselves, and those holding a role in the environments given', async () => {
    const seen = async (userId: string, environments: string[]) =>
      ids((await model.readModel.listUsers({ seenBy: { userId, environments } })).items);
    expect(await seen('user-z', [])).toEqual(['user-z']);
    expect(await seen('user-z', ['qa'])).toEqual(['user-z']);
    expect(await seen('someone', ['qa', 'dev'])).toEqual(['user-b', 'user-z']);
    expect(await model.readModel.listUsers({ offset: 1, limit: 1 })).toMatchObject({
      total: 2,
      items: [{ username: 'zoe' }],
    });
  });
});

describe('ReadModel publishing views', () => {
  let model: TemporaryReadModel;

  const requested = (publicationId: string, integrationId: string, version: number, requestedAt: string) =>
    ({
      type: 'IntegrationPublishRequested',
      data: {
        publicationId,
        integrationId,
        integrationVersion: 2,
        version,
        environment: 'dev',
        requestedBy: 'alice',
        requestedAt,
      },
    }) satisfies PublicationEvent;
  const published = (publicationId: string, integrationId: string, version: number, publishedAt: string) =>
    ({
      type: 'IntegrationPublished',
      data: {
        publicationId,
        integrationId,
        integrationVersion: 2,
        version,
        environment: 'dev',
        packageHash: `sha256:${publicationId}`,
        publishedAt,
      },
    }) satisfies PublicationEvent;
  const deployed = (integrationId: string, environment: string): DeploymentEvent => ({
    type: 'VersionDeployed',
    data: {
      integrationId,
      version: 1,
      environment,
      environmentKind: environment === 'dev' ? 'development' : 'qa',
      deployedBy: 'root',
      deployedAt: day(2),
    },
  });
  const apiKey = (keyId: string, environment: string, createdAt: string): ApiKeyEvent => ({
    type: 'ApiKeyCreated',
    data: { keyId, environment, appName: keyId, label: '', hint: 'abcd', createdBy: 'root', createdAt },
  });

  beforeAll(async () => {
    model = await temporaryReadModel();
    await model.append(
      publicationStreamId('p1'),
      requested('p1', 'a', 1, day(1)),
      published('p1', 'a', 1, day(1)),
    );
    await model.append(publicationStreamId('p2'), requested('p2', 'a', 2, day(3)), {
      type: 'IntegrationPublishFailed',
      data: {
        publicationId: 'p2',
        integrationId: 'a',
        version: 2,
        reason: 'Boom',
        failedStep: 'validateSchema',
        failedAt: day(3),
      },
    });
    await model.append(
      publicationStreamId('p3'),
      requested('p3', 'a', 2, day(4)),
      published('p3', 'a', 2, day(5)),
    );
    await model.append(publicationStreamId('p4'), requested('p4', 'b', 1, day(2)));
    await model.append(integrationDeploymentsStreamId('a'), deployed('a', 'qa'), deployed('a', 'dev'));
    await model.append(integrationDeploymentsStreamId('b'), deployed('b', 'dev'), {
      type: 'RepublishRequired',
      data: { integrationId: 'b', dependency: 'integration-manager', reason: 'Breaking', requiredAt: day(6) },
    });
    await model.append(dependencyStreamId('zeta'), {
      type: 'DependencyUpdateInstalled',
      data: {
        name: 'zeta',
        fromVersion: '1.0.0',
        version: '2.0.0',
        breaking: true,
        notes: '',
        installedBy: 'root',
        installedAt: day(1),
      },
    } satisfies DependencyEvent);
    await model.append(apiKeyStreamId('k1'), apiKey('k1', 'qa', day(1)));
    await model.append(apiKeyStreamId('k2'), apiKey('k2', 'dev', day(2)));
    const { lastPosition } = await model.append(apiKeyStreamId('k3'), apiKey('k3', 'qa', day(3)));
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(lastPosition, 5000);
  });
  afterAll(() => model.dispose());

  const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

  it("lists an integration's publications newest first, and its published versions newest first", async () => {
    expect(ids(await model.readModel.listPublications({ integrationId: 'a' }))).toEqual(['p3', 'p2', 'p1']);
    expect(await model.readModel.listPublishedVersions('a')).toMatchObject([
      { id: 'p3', version: 2, packageHash: 'sha256:p3', finishedAt: day(5) },
      { id: 'p1', version: 1 },
    ]);
    expect(await model.readModel.listPublishedVersions('b')).toEqual([]);
    expect(await model.readModel.getPublication('p2')).toMatchObject({ status: 'failed', reason: 'Boom' });
  });

  it("lists an integration's deployments by environment", async () => {
    expect(ids(await model.readModel.listDeployments({ integrationId: 'a' }))).toEqual(['a:dev', 'a:qa']);
  });

  it("gets an integration's dependency state, and nothing for one never published nor affected", async () => {
    expect(await model.readModel.getIntegrationDependencyState('b')).toMatchObject({
      republishRequired: [{ dependency: 'integration-manager' }],
    });
    expect(await model.readModel.getIntegrationDependencyState('c')).toBeUndefined();
  });

  it('lists the updated dependencies by name', async () => {
    expect(await model.readModel.listDependencies()).toMatchObject([
      { name: 'zeta', everywhere: { version: '2.0.0' }, environments: [] },
    ]);
  });

  it('lists the API keys of an environment newest first, and none for no environment', async () => {
    expect(ids(await model.readModel.listApiKeys({ environments: ['qa'] }))).toEqual(['k3', 'k1']);
    expect(await model.readModel.listApiKeys({ environments: [] })).toEqual([]);
  });
});

describe('ReadModel: what the process managers resume at start', () => {
  let model: TemporaryReadModel;

  const publication = (publicationId: string, integrationId: string, version: number, requestedAt: string) =>
    ({
      type: 'IntegrationPublishRequested',
      data: {
        publicationId,
        integrationId,
        integrationVersion: 2,
        version,
        environment: 'dev',
        requestedBy: 'alice',
        requestedAt,
      },
    }) satisfies PublicationEvent;
  const published = (publicationId: string, integrationId: string, version: number): PublicationEvent => ({
    type: 'IntegrationPublished',
    data: {
      publicationId,
      integrationId,
      integrationVersion: 2,
      version,
      environment: 'dev',
      packageHash: `sha256:${publicationId}`,
      publishedAt: day(3),
    },
  });
  const deployed = (integrationId: string, version: number): DeploymentEvent => ({
    type: 'VersionDeployed',
    data: {
      integrationId,
      version,
      environment: 'dev',
      environmentKind: 'development',
      deployedBy: 'root',
      deployedAt: day(3),
    },
  });

  beforeAll(async () => {
    model = await temporaryReadModel();
    // Publications: running, published and deployed, published but not deployed, published under a newer deployed version
    await model.append(publicationStreamId('p1'), publication('p1', 'a', 1, day(4)));
    await model.append(publicationStreamId('p2'), publication('p2', 'b', 1, day(1)), published('p2', 'b', 1));
    await model.append(integrationDeploymentsStreamId('b'), deployed('b', 1));
    await model.append(publicationStreamId('p3'), publication('p3', 'c', 1, day(2)), published('p3', 'c', 1));
    await model.append(publicationStreamId('p4'), publication('p4', 'd', 1, day(1)), published('p4', 'd', 1));
    const { lastPosition } = await model.append(integrationDeploymentsStreamId('d'), deployed('d', 2));
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(lastPosition, 5000);
  });
  afterAll(() => model.dispose());

  it('lists the publications running or published but not deployed, oldest request first', async () => {
    expect(await model.readModel.listPublicationIdsInFlight()).toEqual(['p3', 'p1']);
  });
});
