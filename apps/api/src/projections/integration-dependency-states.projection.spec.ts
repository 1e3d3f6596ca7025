import {
  type AnyEvent,
  integrationDeploymentsStreamId,
  type DeploymentEvent,
  type PublicationEvent,
  publicationStreamId,
} from '@ib/domain';
import {
  integrationDependencyStatesProjection,
  type IntegrationDependencyStateView,
} from './integration-dependency-states.projection';
import { eventRecorder, ProjectionSpecification } from './projection-specification';

const integrationId = 'int-1';
const at = (minute: number) => `2025-03-04T05:${String(minute).padStart(2, '0')}:00.000Z`;
const v1 = [{ name: 'integration-manager', version: '1.0.0' }];
const v2 = [{ name: 'integration-manager', version: '2.0.0' }];

const checked = (publicationId: string, dependencies: typeof v1, minute: number): PublicationEvent => ({
  type: 'DependenciesChecked',
  data: { publicationId, integrationId, dependencies, checkedAt: at(minute) },
});
const published = (publicationId: string, version: number, minute: number): PublicationEvent => ({
  type: 'IntegrationPublished',
  data: {
    publicationId,
    integrationId,
    integrationVersion: 3,
    version,
    environment: 'dev',
    packageHash: 'sha256:abc',
    publishedAt: at(minute),
  },
});
const failed = (publicationId: string, minute: number): PublicationEvent => ({
  type: 'IntegrationPublishFailed',
  data: {
    publicationId,
    integrationId,
    version: 2,
    reason: 'Boom',
    failedStep: 'publish',
    failedAt: at(minute),
  },
});
const required = (dependency: string, minute: number): DeploymentEvent => ({
  type: 'RepublishRequired',
  data: { integrationId, dependency, reason: `${dependency} 2.0.0 is breaking`, requiredAt: at(minute) },
});
const cleared = (dependencies: string[], minute: number): DeploymentEvent => ({
  type: 'RepublishRequirementCleared',
  data: { integrationId, version: 2, dependencies, clearedAt: at(minute) },
});

/** Publication events on their publication's stream, republish events on the deployments stream. */
const history = (...events: (readonly [string, AnyEvent])[]) => {
  const record = eventRecorder();
  return events.map(([stream, event]) => record(stream, event));
};
const publication = (publicationId: string, event: PublicationEvent) =>
  [publicationStreamId(publicationId), event] as const;
const deployments = (event: DeploymentEvent) =>
  [integrationDeploymentsStreamId(integrationId), event] as const;

const publishedV1: IntegrationDependencyStateView = {
  id: integrationId,
  latestVersion: 1,
  builtAgainst: v1,
  pending: [],
  republishRequired: [],
  updatedAt: at(2),
};
const given = ProjectionSpecification.for(integrationDependencyStatesProjection);

describe('integration dependency states projection', () => {
  it('holds the checked dependencies as pending until the same publication is published', () => {
    const [wasChecked] = history(publication('p1', checked('p1', v1, 1)));
    given([])
      .when(wasChecked)
      .then({
        [integrationId]: {
          id: integrationId,
          builtAgainst: [],
          pending: [{ publicationId: 'p1', dependencies: v1 }],
          republishRequired: [],
          updatedAt: at(1),
        },
      });
  });

  it('shows the dependencies of the latest published version as built against', () => {
    const [wasChecked, wasPublished] = history(
      publication('p1', checked('p1', v1, 1)),
      publication('p1', published('p1', 1, 2)),
    );
    given([wasChecked])
      .when(wasPublished)
      .then({ [integrationId]: publishedV1 });
  });

  it('drops the pending dependencies of a publication that failed, keeping the version before', () => {
    const [check1, publish1, check2, fail2] = history(
      publication('p1', checked('p1', v1, 1)),
      publication('p1', published('p1', 1, 2)),
      publication('p2', checked('p2', v2, 3)),
      publication('p2', failed('p2', 4)),
    );
    given([check1, publish1, check2])
      .when(fail2)
      .then({ [integrationId]: { ...publishedV1, updatedAt: at(4) } });
  });

  it('lists each dependency that requires a republish once, and clears those a new version was built for', () => {
    const [check1, publish1, manager, utils, again, clear] = history(
      publication('p1', checked('p1', v1, 1)),
      publication('p1', published('p1', 1, 2)),
      deployments(required('integration-manager', 5)),
      deployments(required('integration-builder-utils', 6)),
      deployments(required('integration-manager', 7)),
      deployments(cleared(['integration-manager'], 8)),
    );
    given([check1, publish1])
      .when(manager, utils, again)
      .then({
        [integrationId]: {
          ...publishedV1,
          republishRequired: [
            {
              dependency: 'integration-builder-utils',
              reason: 'integration-builder-utils 2.0.0 is breaking',
              requiredAt: at(6),
            },
            {
              dependency: 'integration-manager',
              reason: 'integration-manager 2.0.0 is breaking',
              requiredAt: at(7),
            },
          ],
          updatedAt: at(7),
        },
      });
    given([check1, publish1, manager, utils])
      .when(clear)
      .then({
        [integrationId]: {
          ...publishedV1,
          republishRequired: [
            {
              dependency: 'integration-builder-utils',
              reason: 'integration-builder-utils 2.0.0 is breaking',
              requiredAt: at(6),
            },
          ],
          updatedAt: at(8),
        },
      });
  });

  it('keeps the newest version when an older publication finishes last', () => {
    const [check2, check1, publish2, publish1] = history(
      publication('p2', checked('p2', v2, 1)),
      publication('p1', checked('p1', v1, 2)),
      publication('p2', published('p2', 2, 3)),
      publication('p1', published('p1', 1, 4)),
    );
    given([check2, check1, publish2])
      .when(publish1)
      .then({
        [integrationId]: { ...publishedV1, latestVersion: 2, builtAgainst: v2, updatedAt: at(4) },
      });
  });
});
