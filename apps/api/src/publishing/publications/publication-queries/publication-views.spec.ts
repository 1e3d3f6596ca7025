import {
  type DeploymentEvent,
  integrationDeploymentsStreamId,
  type PublicationEvent,
  publicationStreamId,
} from '@ib/domain';
import { viewDatabase } from '../../../infrastructure/read-model/testing/view-database';
import { type ViewStore } from '../../../infrastructure/read-model/view-store';
import { DeploymentRow } from '../../deployments/deployment-queries/deployments.table';
import { PUBLISHING_VIEWS } from '../../publishing-views.list';
import {
  listPublicationIdsInFlight,
  listPublications,
  listPublicationsOf,
  listPublishedVersions,
  listPublishingIntegrationIds,
} from './publication-views';
import { type PublicationView } from './publications.projection';
import { PublicationRow } from './publications.table';

const day = (n: number) => `2025-03-0${n}T00:00:00.000Z`;
const requested = (publicationId: string, integrationId: string, version: number, requestedAt: string) =>
  [
    publicationStreamId(publicationId),
    {
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
    },
  ] as const satisfies readonly [string, PublicationEvent];
const published = (publicationId: string, integrationId: string, version: number, publishedAt: string) =>
  [
    publicationStreamId(publicationId),
    {
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
    },
  ] as const satisfies readonly [string, PublicationEvent];
const failed = (publicationId: string, integrationId: string, version: number, failedAt: string) =>
  [
    publicationStreamId(publicationId),
    {
      type: 'IntegrationPublishFailed',
      data: { publicationId, integrationId, version, reason: 'Boom', failedStep: 'validateSchema', failedAt },
    },
  ] as const satisfies readonly [string, PublicationEvent];
const deployed = (integrationId: string, environment: string, version: number) =>
  [
    integrationDeploymentsStreamId(integrationId),
    {
      type: 'VersionDeployed',
      data: {
        integrationId,
        version,
        environment,
        environmentKind: environment === 'dev' ? 'development' : 'qa',
        deployedBy: 'root',
        deployedAt: day(6),
      },
    },
  ] as const satisfies readonly [string, DeploymentEvent];

const ids = (views: readonly { id: string }[]) => views.map(({ id }) => id);

describe('publication queries', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;
  let publications: ViewStore<PublicationView>;

  beforeAll(async () => {
    database = await viewDatabase(PUBLISHING_VIEWS, [
      requested('p1', 'a', 1, day(1)),
      published('p1', 'a', 1, day(1)),
      requested('p2', 'a', 2, day(3)),
      failed('p2', 'a', 2, day(3)),
      requested('p3', 'a', 2, day(4)),
      published('p3', 'a', 2, day(5)),
      requested('p4', 'b', 1, day(2)),
      deployed('a', 'qa', 1),
      deployed('a', 'dev', 1),
    ]);
    publications = database.stores.of<PublicationView>(PublicationRow);
  });
  afterAll(() => database.close());

  it("lists an integration's publications newest request first, or oldest first for its process", async () => {
    expect(ids(await listPublications(publications, { integrationId: 'a' }))).toEqual(['p3', 'p2', 'p1']);
    expect(ids(await listPublications(publications))).toEqual(['p3', 'p2', 'p4', 'p1']);
    expect(ids(await listPublicationsOf(publications, 'a'))).toEqual(['p1', 'p2', 'p3']);
  });

  it("lists an integration's published versions newest first, and none of one never published", async () => {
    expect(await listPublishedVersions(publications, 'a')).toMatchObject([
      { id: 'p3', version: 2, packageHash: 'sha256:p3', finishedAt: day(5) },
      { id: 'p1', version: 1 },
    ]);
    expect(await listPublishedVersions(publications, 'b')).toEqual([]);
  });

  it('reads a failed publication by id with its reason', async () => {
    expect(await publications.get('p2')).toMatchObject({ status: 'failed', reason: 'Boom' });
  });

  it('lists each integration with a publication requested once', async () => {
    expect(await listPublishingIntegrationIds(publications)).toEqual(['a', 'b']);
  });
});

describe('publications in flight', () => {
  let database: Awaited<ReturnType<typeof viewDatabase>>;

  beforeAll(async () => {
    database = await viewDatabase(PUBLISHING_VIEWS, [
      // Running; published and deployed; published but not deployed; published under a newer deployed version.
      requested('p1', 'a', 1, day(4)),
      requested('p2', 'b', 1, day(1)),
      published('p2', 'b', 1, day(3)),
      deployed('b', 'dev', 1),
      requested('p3', 'c', 1, day(2)),
      published('p3', 'c', 1, day(3)),
      requested('p4', 'd', 1, day(1)),
      published('p4', 'd', 1, day(3)),
      deployed('d', 'dev', 2),
      // Failed: finished, never resumed.
      requested('p5', 'e', 1, day(1)),
      failed('p5', 'e', 1, day(2)),
      // Published in dev, deployed in another environment only.
      requested('p6', 'f', 1, day(3)),
      published('p6', 'f', 1, day(3)),
      deployed('f', 'qa', 1),
    ]);
  });
  afterAll(() => database.close());

  it('given publications in every state, then those running or published but not deployed where they were published are in flight, oldest request first', async () => {
    const publications = database.stores.of<PublicationView>(PublicationRow);
    const deployments = database.stores.of(DeploymentRow).table;

    expect(await listPublicationIdsInFlight(publications, deployments)).toEqual(['p3', 'p6', 'p1']);
  });
});
