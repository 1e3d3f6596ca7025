import {
  assertNever,
  DEFAULT_NULL_POLICY,
  type Entity,
  INTEGRATION_EVENT_TYPES,
  type IntegrationEvent,
  type IntegrationPublished,
  mergeEntities,
  type NullPolicy,
  type Provider,
  type RecordedEvent,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../infrastructure/read-model/projection';

export type IntegrationView = Readonly<{
  id: string;
  environment: string;
  provider: Provider;
  applicationName: string;
  moduleName: string;
  description: string;
  icon?: string;
  status: 'draft' | 'open';
  connectionId?: string;
  /** The uploaded service specification (its SHA-256) the entities are described from without a connection. */
  specificationId?: string;
  database?: string;
  entities: readonly Entity[];
  /** What the data API of a version published from this draft does with NULLs. */
  nullPolicy: NullPolicy;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Stream version of the last event applied: the ETag of the integration. */
  version: number;
  /** The latest published version, and the integration stream version it published. */
  publishedVersion?: number;
  publishedIntegrationVersion?: number;
  /** The draft moved on since the latest published version (or was never published). */
  unpublishedChanges: boolean;
}>;

const isIntegrationEvent = isOneOf<IntegrationEvent>(INTEGRATION_EVENT_TYPES);

/** A publication reports the version it published; the stream version stays the integration's ETag. */
const published = (view: IntegrationView | undefined, data: IntegrationPublished['data']) => {
  if (view === undefined || (view.publishedVersion ?? 0) > data.version) return view;
  return {
    ...view,
    publishedVersion: data.version,
    publishedIntegrationVersion: data.integrationVersion,
    unpublishedChanges: view.version > data.integrationVersion,
  };
};

const evolve = (view: IntegrationView | undefined, recorded: RecordedEvent): IntegrationView | undefined => {
  if (recorded.type === 'IntegrationPublished')
    return published(view, recorded.data as IntegrationPublished['data']);
  if (!isIntegrationEvent(recorded)) return view;
  const changed = evolveDraft(view, recorded);
  return changed === undefined || changed === view ? changed : { ...changed, unpublishedChanges: true };
};

const evolveDraft = (
  view: IntegrationView | undefined,
  recorded: RecordedOf<IntegrationEvent>,
): IntegrationView | undefined => {
  const version = recorded.streamVersion;
  if (recorded.type === 'IntegrationCreated') {
    const { integrationId, environment, provider, applicationName, moduleName, description, icon } =
      recorded.data;
    const { createdBy, createdAt } = recorded.data;
    return withoutUndefined<IntegrationView>({
      id: integrationId,
      environment,
      provider,
      applicationName,
      moduleName,
      description,
      icon,
      status: 'draft',
      entities: [],
      nullPolicy: DEFAULT_NULL_POLICY,
      createdBy,
      createdAt,
      updatedAt: createdAt,
      version,
      unpublishedChanges: true,
    });
  }
  // Events of an integration never seen created cannot come from the aggregate: nothing to show.
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'IntegrationDetailsChanged': {
      const { applicationName, moduleName, description, icon, changedAt } = recorded.data;
      const { icon: _previous, ...rest } = view;
      return withoutUndefined<IntegrationView>({
        ...rest,
        applicationName,
        moduleName,
        description,
        icon,
        updatedAt: changedAt,
        version,
      });
    }
    case 'IntegrationConnectionSelected':
      return {
        ...view,
        connectionId: recorded.data.connectionId,
        updatedAt: recorded.data.selectedAt,
        version,
      };
    case 'IntegrationSpecificationUploaded':
      return {
        ...view,
        specificationId: recorded.data.specificationId,
        updatedAt: recorded.data.uploadedAt,
        version,
      };
    case 'IntegrationDatabaseSelected':
      return { ...view, database: recorded.data.database, updatedAt: recorded.data.selectedAt, version };
    case 'IntegrationEntitiesAdded':
      return {
        ...view,
        entities: mergeEntities(view.entities, recorded.data.entities),
        updatedAt: recorded.data.addedAt,
        version,
      };
    case 'IntegrationEntityRemoved':
      return {
        ...view,
        entities: view.entities.filter(({ name }) => name !== recorded.data.name),
        updatedAt: recorded.data.removedAt,
        version,
      };
    case 'IntegrationNullPolicyChosen':
      return { ...view, nullPolicy: recorded.data.nullPolicy, updatedAt: recorded.data.chosenAt, version };
    case 'IntegrationConvertedToOpen':
      return { ...view, status: 'open', updatedAt: recorded.data.convertedAt, version };
    default:
      return assertNever(recorded);
  }
};

export const integrationsProjection: Projection<IntegrationView> = {
  name: 'integrations',
  handles: [...INTEGRATION_EVENT_TYPES, 'IntegrationPublished'],
  idOf: (event) => (event.data as { integrationId: string }).integrationId,
  evolve,
};
