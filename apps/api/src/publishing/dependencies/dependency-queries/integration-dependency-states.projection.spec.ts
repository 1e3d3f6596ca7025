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
import {
  eventRecorder,
  ProjectionSpecification,
} from '../../../infrastructure/read-model/testing/projection-specification';

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
/** Without an environment: one installed everywhere, before updates were per environment. */
const required = (dependency: string, minute: number, environment?: string): DeploymentEvent => ({
  type: 'RepublishRequired',
  data: {
    integrationId,
    dependency,
    reason: `${dependency} 2.0.0 is breaking`,
    requiredAt: at(minute),
    ...(environment === undefined ? {} : { environment, version: '2.0.0' }),
  },
});
const cleared = (dependencies: string[], minute: number, environment?: string): DeploymentEvent => ({
  type: 'RepublishRequirementCleared',
  data: {
    integrationId,
    version: 2,
    dependencies,
    clearedAt: at(minute),
    ...(environment === undefined ? {} : { environment }),
  },
});
const deployed = (version: number, environment: string, minute: number): DeploymentEvent => ({
  type: 'VersionDeployed',
  data: {
    integrationId,
    version,
    environment,
    environmentKind: environment === 'dev' ? 'development' : 'qa',
    deployedBy: 'alice',
    deployedAt: at(minute),
  },
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
  versions: [{ version: 1, dependencies: v1 }],
  pending: [],
  environments: [],
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
          versions: [],
          pending: [{ publicationId: 'p1', dependencies: v1 }],
          environments: [],
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
        [integrationId]: {
          ...publishedV1,
          latestVersion: 2,
          builtAgainst: v2,
          versions: [
            { version: 1, dependencies: v1 },
            { version: 2, dependencies: v2 },
          ],
          updatedAt: at(4),
        },
      });
  });

  describe('per environment', () => {
    const [check1, publish1, dev1, qa1, check2, publish2] = history(
      publication('p1', checked('p1', v1, 1)),
      publication('p1', published('p1', 1, 2)),
      deployments(deployed(1, 'dev', 3)),
      deployments(deployed(1, 'qa', 4)),
      publication('p2', checked('p2', v2, 5)),
      publication('p2', published('p2', 2, 6)),
    );
    const v1In = (environment: string, environmentKind: 'development' | 'qa') => ({
      environment,
      environmentKind,
      version: 1,
      builtAgainst: v1,
      republishRequired: [],
    });
    const bothV1 = {
      ...publishedV1,
      environments: [v1In('dev', 'development'), v1In('qa', 'qa')],
      updatedAt: at(4),
    };

    it('shows what the version deployed in each environment was built against', () =>
      given([check1, publish1, dev1])
        .when(qa1)
        .then({ [integrationId]: bothV1 }));

    it('shows a version promoted later with what it was built against, not the latest', () => {
      const [promote2] = history(deployments(deployed(2, 'qa', 7)));
      given([check1, publish1, dev1, qa1, check2, publish2])
        .when(promote2)
        .then({
          [integrationId]: {
            ...bothV1,
            latestVersion: 2,
            builtAgainst: v2,
            versions: [
              { version: 1, dependencies: v1 },
              { version: 2, dependencies: v2 },
            ],
            environments: [v1In('dev', 'development'), { ...v1In('qa', 'qa'), version: 2, builtAgainst: v2 }],
            updatedAt: at(7),
          },
        });
    });

    it('keeps the requirements of an environment with it, and clears them there only', () => {
      const [inQa, everywhere, clearQa] = history(
        deployments(required('integration-manager', 5, 'qa')),
        deployments(required('integration-builder-utils', 6)),
        deployments(cleared(['integration-manager'], 7, 'qa')),
      );
      const qaRequirement = {
        dependency: 'integration-manager',
        reason: 'integration-manager 2.0.0 is breaking',
        requiredAt: at(5),
        environment: 'qa',
        version: '2.0.0',
      };
      const everywhereRequirement = {
        dependency: 'integration-builder-utils',
        reason: 'integration-builder-utils 2.0.0 is breaking',
        requiredAt: at(6),
      };
      given([check1, publish1, dev1, qa1])
        .when(inQa, everywhere)
        .then({
          [integrationId]: {
            ...bothV1,
            environments: [
              v1In('dev', 'development'),
              { ...v1In('qa', 'qa'), republishRequired: [qaRequirement] },
            ],
            republishRequired: [everywhereRequirement],
            updatedAt: at(6),
          },
        });
      given([check1, publish1, dev1, qa1, inQa, everywhere])
        .when(clearQa)
        .then({
          [integrationId]: { ...bothV1, republishRequired: [everywhereRequirement], updatedAt: at(7) },
        });
    });

    it('keeps the requirements of an environment when another version is deployed there', () => {
      const [inQa, promote2] = history(
        deployments(required('integration-manager', 7, 'qa')),
        deployments(deployed(2, 'qa', 8)),
      );
      given([check1, publish1, dev1, qa1, check2, publish2, inQa])
        .when(promote2)
        .then({
          [integrationId]: {
            ...bothV1,
            latestVersion: 2,
            builtAgainst: v2,
            versions: [
              { version: 1, dependencies: v1 },
              { version: 2, dependencies: v2 },
            ],
            environments: [
              v1In('dev', 'development'),
              {
                ...v1In('qa', 'qa'),
                version: 2,
                builtAgainst: v2,
                republishRequired: [
                  {
                    dependency: 'integration-manager',
                    reason: 'integration-manager 2.0.0 is breaking',
                    requiredAt: at(7),
                    environment: 'qa',
                    version: '2.0.0',
                  },
                ],
              },
            ],
            updatedAt: at(8),
          },
        });
    });
  });
});
