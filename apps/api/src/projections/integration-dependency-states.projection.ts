import {
  assertNever,
  type DependenciesChecked,
  type IntegrationPublished,
  type IntegrationPublishFailed,
  type RecordedEvent,
  type RepublishRequired,
  type RepublishRequirementCleared,
  type RuntimeDependency,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from './projection';

export type RepublishRequirementView = Readonly<{ dependency: string; reason: string; requiredAt: string }>;

/** Dependencies a running publication checked, waiting for it to be published. */
export type PendingBuildView = Readonly<{
  publicationId: string;
  dependencies: readonly RuntimeDependency[];
}>;

/** Which runtime dependencies an integration's latest published version runs on, and what it awaits. */
export type IntegrationDependencyStateView = Readonly<{
  /** The integration id. */
  id: string;
  latestVersion?: number;
  /** The dependencies the latest published version was built against. */
  builtAgainst: readonly RuntimeDependency[];
  /**
   * Checked before the same publication is published (or fails): a fold sees one event at a time,
   * so the checked dependencies wait here until the publication's outcome is known.
   */
  pending: readonly PendingBuildView[];
  republishRequired: readonly RepublishRequirementView[];
  updatedAt: string;
}>;

type DependencyStateEvent =
  | DependenciesChecked
  | IntegrationPublished
  | IntegrationPublishFailed
  | RepublishRequired
  | RepublishRequirementCleared;

const DEPENDENCY_STATE_EVENT_TYPES: readonly DependencyStateEvent['type'][] = [
  'DependenciesChecked',
  'IntegrationPublished',
  'IntegrationPublishFailed',
  'RepublishRequired',
  'RepublishRequirementCleared',
];

const isDependencyStateEvent = isOneOf<DependencyStateEvent>(DEPENDENCY_STATE_EVENT_TYPES);

const evolve = (
  current: IntegrationDependencyStateView | undefined,
  recorded: RecordedEvent,
): IntegrationDependencyStateView | undefined => {
  if (!isDependencyStateEvent(recorded)) return current;
  const view: IntegrationDependencyStateView = current ?? {
    id: recorded.data.integrationId,
    builtAgainst: [],
    pending: [],
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
      const checked = view.pending.find((pending) => pending.publicationId === publicationId);
      // An older version published late must not pass for the latest one.
      const latest = version >= (view.latestVersion ?? 0);
      return {
        ...view,
        ...(latest ? { latestVersion: version, builtAgainst: checked?.dependencies ?? [] } : {}),
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
    case 'RepublishRequired': {
      const { dependency, reason, requiredAt } = recorded.data;
      const others = view.republishRequired.filter((required) => required.dependency !== dependency);
      return {
        ...view,
        republishRequired: [...others, { dependency, reason, requiredAt }],
        updatedAt: requiredAt,
      };
    }
    case 'RepublishRequirementCleared': {
      const { dependencies, clearedAt } = recorded.data;
      return {
        ...view,
        republishRequired: view.republishRequired.filter(
          ({ dependency }) => !dependencies.includes(dependency),
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
