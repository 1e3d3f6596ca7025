import {
  assertNever,
  type DependenciesChecked,
  type EnvironmentKind,
  type IntegrationPublished,
  type IntegrationPublishFailed,
  type RecordedEvent,
  type RepublishRequired,
  type RepublishRequirementCleared,
  type RuntimeDependency,
  type VersionDeployed,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/**
 * A breaking update that calls for a republish: of one environment (`environment`, with the breaking
 * `version`), or, without `environment`, one installed everywhere before updates were per environment.
 */
export type RepublishRequirementView = Readonly<{
  dependency: string;
  reason: string;
  requiredAt: string;
  environment?: string;
  version?: string;
}>;

/** Dependencies a running publication checked, waiting for it to be published. */
export type PendingBuildView = Readonly<{
  publicationId: string;
  dependencies: readonly RuntimeDependency[];
}>;

/** What one published version was built against. */
export type VersionBuildView = Readonly<{ version: number; dependencies: readonly RuntimeDependency[] }>;

/** The version deployed in one environment, what it was built against, and the requirements of there. */
export type EnvironmentDependencyStateView = Readonly<{
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
  builtAgainst: readonly RuntimeDependency[];
  /** This environment's own requirements (those installed everywhere are the view's `republishRequired`). */
  republishRequired: readonly RepublishRequirementView[];
}>;

/** Which runtime dependencies an integration's versions run on, where, and what they await. */
export type IntegrationDependencyStateView = Readonly<{
  /** The integration id. */
  id: string;
  latestVersion?: number;
  /** The dependencies the latest published version was built against. */
  builtAgainst: readonly RuntimeDependency[];
  /** Every published version, for the environments a version is promoted to later. */
  versions: readonly VersionBuildView[];
  /**
   * Checked before the same publication is published (or fails): a fold sees one event at a time,
   * so the checked dependencies wait here until the publication's outcome is known.
   */
  pending: readonly PendingBuildView[];
  environments: readonly EnvironmentDependencyStateView[];
  /** The requirements of updates installed everywhere: they hold in every environment. */
  republishRequired: readonly RepublishRequirementView[];
  updatedAt: string;
}>;

type DependencyStateEvent =
  | DependenciesChecked
  | IntegrationPublished
  | IntegrationPublishFailed
  | VersionDeployed
  | RepublishRequired
  | RepublishRequirementCleared;

const DEPENDENCY_STATE_EVENT_TYPES: readonly DependencyStateEvent['type'][] = [
  'DependenciesChecked',
  'IntegrationPublished',
  'IntegrationPublishFailed',
  'VersionDeployed',
  'RepublishRequired',
  'RepublishRequirementCleared',
];

const isDependencyStateEvent = isOneOf<DependencyStateEvent>(DEPENDENCY_STATE_EVENT_TYPES);

const byVersion = (a: VersionBuildView, b: VersionBuildView) => a.version - b.version;

/** The view with `change` applied to the requirements of `environment` (everywhere's when undefined). */
const withRequirements = (
  view: IntegrationDependencyStateView,
  environment: string | undefined,
  change: (requirements: readonly RepublishRequirementView[]) => readonly RepublishRequirementView[],
): IntegrationDependencyStateView =>
  environment === undefined
    ? { ...view, republishRequired: change(view.republishRequired) }
    : {
        ...view,
        environments: view.environments.map((deployed) =>
          deployed.environment === environment
            ? { ...deployed, republishRequired: change(deployed.republishRequired) }
            : deployed,
        ),
      };

const evolve = (
  current: IntegrationDependencyStateView | undefined,
  recorded: RecordedEvent,
): IntegrationDependencyStateView | undefined => {
  if (!isDependencyStateEvent(recorded)) return current;
  const view: IntegrationDependencyStateView = current ?? {
    id: recorded.data.integrationId,
    builtAgainst: [],
    versions: [],
    pending: [],
    environments: [],
    republishRequired: [],
    updatedAt: '',
  };
  const withoutPending = (publicationId: string) =>
    view.pending.filter((pending) => pending.publicationId !== publicationId);
  switch (recorded.type) {
    case 'DependenciesChecked': {
      const { publicationId, dependencies, checkedAt } = recorded.data;
      return {
        ...view,
        pending: [...withoutPending(publicationId), { publicationId, dependencies }],
        updatedAt: checkedAt,
      };
    }
    case 'IntegrationPublished': {
      const { publicationId, version, publishedAt } = recorded.data;
      const dependencies =
        view.pending.find((pending) => pending.publicationId === publicationId)?.dependencies ?? [];
      // An older version published late must not pass for the latest one.
      const latest = version >= (view.latestVersion ?? 0);
      return {
        ...view,
        ...(latest ? { latestVersion: version, builtAgainst: dependencies } : {}),
        versions: [
          ...view.versions.filter((built) => built.version !== version),
          { version, dependencies },
        ].sort(byVersion),
        pending: withoutPending(publicationId),
        updatedAt: publishedAt,
      };
    }
    case 'IntegrationPublishFailed':
      return {
        ...view,
        pending: withoutPending(recorded.data.publicationId),
        updatedAt: recorded.data.failedAt,
      };
    case 'VersionDeployed': {
      const { environment, environmentKind, version, deployedAt } = recorded.data;
      const before = view.environments.find((deployed) => deployed.environment === environment);
      const deployed: EnvironmentDependencyStateView = {
        environment,
        environmentKind,
        version,
        builtAgainst: view.versions.find((built) => built.version === version)?.dependencies ?? [],
        // Requirements stay until a deployment meets them, which the deployments stream records.
        republishRequired: before?.republishRequired ?? [],
      };
      return {
        ...view,
        environments: [...view.environments.filter((other) => other !== before), deployed].sort((a, b) =>
          a.environment.localeCompare(b.environment),
        ),
        updatedAt: deployedAt,
      };
    }
    case 'RepublishRequired': {
      const { dependency, reason, requiredAt, environment, version } = recorded.data;
      const requirement: RepublishRequirementView = {
        dependency,
        reason,
        requiredAt,
        ...(environment === undefined ? {} : { environment }),
        ...(version === undefined ? {} : { version }),
      };
      return {
        ...withRequirements(view, environment, (requirements) => [
          ...requirements.filter((required) => required.dependency !== dependency),
          requirement,
        ]),
        updatedAt: requiredAt,
      };
    }
    case 'RepublishRequirementCleared': {
      const { dependencies, clearedAt, environment } = recorded.data;
      return {
        ...withRequirements(view, environment, (requirements) =>
          requirements.filter(({ dependency }) => !dependencies.includes(dependency)),
        ),
        updatedAt: clearedAt,
      };
    }
    default:
      return assertNever(recorded);
  }
};

export const integrationDependencyStatesProjection: Projection<IntegrationDependencyStateView> = {
  name: 'integration_dependency_states',
  handles: DEPENDENCY_STATE_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<DependencyStateEvent>).data.integrationId,
  evolve,
};
