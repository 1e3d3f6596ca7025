import {
  type DependencyEvent,
  dependencyStreamId,
  type DeploymentEvent,
  integrationDeploymentsStreamId,
  type PublicationEvent,
  publicationStreamId,
} from '@ib/domain';
import { temporaryReadModel, type TemporaryReadModel } from './testing/read-model.testing';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;

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
    const { lastPosition } = await model.append(dependencyStreamId('zeta'), {
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
