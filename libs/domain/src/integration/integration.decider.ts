import { type Decider, assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { ignoreUnknownEvent } from '../shared/ignore-unknown-event';
import { type Entity, type Provider, SPECIFICATION_PROVIDERS, isProvider } from '../shared/provider';
import { fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';
import {
  type AddEntities,
  type ChangeIntegrationDetails,
  type ChooseNullPolicy,
  type ConvertToOpen,
  type CreateIntegration,
  type IntegrationCommand,
  type RemoveEntity,
  type RenameEntity,
  type SelectConnection,
  type SelectDatabase,
  type UploadIntegrationSpecification,
} from './integration.commands';
import { type IntegrationDetails, integrationDetails } from './integration.details';
import { entitiesToAdd, mergeEntities } from './integration.entities';
import { type IntegrationEvent } from './integration.events';
import { DEFAULT_NULL_POLICY, type NullPolicy, isNullPolicy } from './integration.null-policy';

type IntegrationData = IntegrationDetails &
  Readonly<{
    integrationId: string;
    environment: string;
    provider: Provider;
    connectionId?: string;
    /** The uploaded service specification the entities are described from while there is no connection. */
    specificationId?: string;
    database?: string;
    entities: readonly Entity[];
    nullPolicy: NullPolicy;
  }>;

export type DraftIntegration = Readonly<{ status: 'draft' }> & IntegrationData;
/** Converted to open: the builder no longer owns the code, so it keeps the data only to show it. */
export type OpenIntegration = Readonly<{ status: 'open' }> & IntegrationData;
export type Integration = Readonly<{ status: 'none' }> | DraftIntegration | OpenIntegration;

const initialState = (): Integration => ({ status: 'none' });

const existing = (state: Integration, integrationId: string): DraftIntegration | OpenIntegration => {
  if (state.status === 'none')
    throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
  return state;
};

const draft = (state: Integration, integrationId: string): DraftIntegration => {
  const integration = existing(state, integrationId);
  if (integration.status === 'open')
    throw new IllegalStateError(
      'INTEGRATION.OPEN_LOCKED',
      `Integration ${integrationId} was converted to open and can no longer be edited by the builder`,
    );
  return integration;
};

const nullPolicyProblem = (nullPolicy: unknown): string | undefined =>
  isNullPolicy(nullPolicy) ? undefined : "must be 'overwrite' or 'preserve'";

const createIntegration = ({ data, metadata }: CreateIntegration, state: Integration): IntegrationEvent[] => {
  if (state.status !== 'none')
    throw new IllegalStateError(
      'INTEGRATION.ALREADY_EXISTS',
      `Integration ${data.integrationId} already exists`,
    );
  const { nullPolicy } = data;
  const details = integrationDetails(data, [
    ['provider', isProvider(data.provider) ? undefined : 'is not a supported provider'],
    ['environment', trimmed(data.environment) === '' ? 'is required' : undefined],
    ['nullPolicy', nullPolicy === undefined ? undefined : nullPolicyProblem(nullPolicy)],
  ]);
  const createdAt = metadata.now.toISOString();
  const events: IntegrationEvent[] = [
    {
      type: 'IntegrationCreated',
      data: {
        integrationId: data.integrationId,
        environment: data.environment,
        provider: data.provider,
        ...details,
        createdBy: metadata.actorId,
        createdAt,
      },
    },
  ];
  // A choice made is recorded even when it is the default: the default may change, the choice may not.
  if (nullPolicy !== undefined)
    events.push({
      type: 'IntegrationNullPolicyChosen',
      data: { integrationId: data.integrationId, nullPolicy, chosenAt: createdAt },
    });
  return events;
};

const changeDetails = (
  { data, metadata }: ChangeIntegrationDetails,
  state: Integration,
): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  const details = integrationDetails(data);
  const same =
    details.applicationName === integration.applicationName &&
    details.moduleName === integration.moduleName &&
    details.description === integration.description &&
    details.icon === integration.icon;
  if (same) return [];
  return [
    {
      type: 'IntegrationDetailsChanged',
      data: { integrationId: data.integrationId, ...details, changedAt: metadata.now.toISOString() },
    },
  ];
};

const selectConnection = ({ data, metadata }: SelectConnection, state: Integration): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  if (data.connectionProvider !== integration.provider)
    throw new IllegalStateError(
      'INTEGRATION.PROVIDER_MISMATCH',
      `A ${data.connectionProvider} connection cannot serve a ${integration.provider} integration`,
    );
  if (data.connectionEnvironment !== integration.environment)
    throw new IllegalStateError(
      'INTEGRATION.CONNECTION_ENVIRONMENT_MISMATCH',
      `Connection ${data.connectionId} belongs to environment ${data.connectionEnvironment}, not ${integration.environment}`,
    );
  if (integration.connectionId === data.connectionId) return [];
  return [
    {
      type: 'IntegrationConnectionSelected',
      data: {
        integrationId: data.integrationId,
        connectionId: data.connectionId,
        selectedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const uploadSpecification = (
  { data, metadata }: UploadIntegrationSpecification,
  state: Integration,
): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  if (!SPECIFICATION_PROVIDERS.includes(integration.provider))
    throw new IllegalStateError(
      'INTEGRATION.SPECIFICATION_NOT_SUPPORTED',
      `A ${integration.provider} integration is built from a connection, not from an uploaded specification`,
    );
  if (integration.specificationId === data.specificationId) return [];
  return [
    {
      type: 'IntegrationSpecificationUploaded',
      data: {
        integrationId: data.integrationId,
        specificationId: data.specificationId,
        entitySets: data.entitySets,
        uploadedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const selectDatabase = ({ data, metadata }: SelectDatabase, state: Integration): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  throwIfInvalid(
    'INTEGRATION.INVALID',
    'The database is invalid',
    fieldErrors(['database', trimmed(data.database) === '' ? 'is required' : undefined]),
  );
  if (integration.connectionId === undefined && integration.specificationId === undefined)
    throw new IllegalStateError(
      'INTEGRATION.CONNECTION_NOT_SELECTED',
      'Select a connection (or upload the service specification) before a database',
    );
  if (integration.database === data.database) return [];
  if (integration.database !== undefined && integration.entities.length > 0)
    throw new IllegalStateError(
      'INTEGRATION.ONE_DATABASE',
      `Integration ${data.integrationId} already uses database ${integration.database}`,
    );
  return [
    {
      type: 'IntegrationDatabaseSelected',
      data: {
        integrationId: data.integrationId,
        database: data.database,
        selectedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const addEntities = ({ data, metadata }: AddEntities, state: Integration): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  if (integration.database === undefined)
    throw new IllegalStateError(
      'INTEGRATION.DATABASE_NOT_SELECTED',
      'Select a database before adding entities',
    );
  const entities = entitiesToAdd(integration.entities, data.entities, data.publishedEntities);
  if (entities.length === 0) return [];
  return [
    {
      type: 'IntegrationEntitiesAdded',
      data: { integrationId: data.integrationId, entities, addedAt: metadata.now.toISOString() },
    },
  ];
};

const removeEntity = ({ data, metadata }: RemoveEntity, state: Integration): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  if (!integration.entities.some(({ name }) => name === data.name))
    throw new NotFoundError('INTEGRATION.ENTITY_NOT_FOUND', `Entity ${data.name} does not exist`);
  return [
    {
      type: 'IntegrationEntityRemoved',
      data: { integrationId: data.integrationId, name: data.name, removedAt: metadata.now.toISOString() },
    },
  ];
};

const chooseNullPolicy = ({ data, metadata }: ChooseNullPolicy, state: Integration): IntegrationEvent[] => {
  const integration = draft(state, data.integrationId);
  throwIfInvalid(
    'INTEGRATION.INVALID',
    'The null policy is invalid',
    fieldErrors(['nullPolicy', nullPolicyProblem(data.nullPolicy)]),
  );
  if (integration.nullPolicy === data.nullPolicy) return [];
  return [
    {
      type: 'IntegrationNullPolicyChosen',
      data: {
        integrationId: data.integrationId,
        nullPolicy: data.nullPolicy,
        chosenAt: metadata.now.toISOString(),
      },
    },
  ];
};

/** The product forbids renames; the command exists so the API answers with the rule, not a 404. */
const renameEntity = ({ data }: RenameEntity, state: Integration): never => {
  draft(state, data.integrationId);
  throw new IllegalStateError(
    'INTEGRATION.ENTITY_RENAME',
    `Entity ${data.name} cannot be renamed to ${data.newName}`,
  );
};

const convertToOpen = ({ data, metadata }: ConvertToOpen, state: Integration): IntegrationEvent[] => {
  draft(state, data.integrationId);
  return [
    {
      type: 'IntegrationConvertedToOpen',
      data: { integrationId: data.integrationId, convertedAt: metadata.now.toISOString() },
    },
  ];
};

const decide = (command: IntegrationCommand, state: Integration): IntegrationEvent[] => {
  switch (command.type) {
    case 'CreateIntegration':
      return createIntegration(command, state);
    case 'ChangeIntegrationDetails':
      return changeDetails(command, state);
    case 'SelectConnection':
      return selectConnection(command, state);
    case 'UploadIntegrationSpecification':
      return uploadSpecification(command, state);
    case 'SelectDatabase':
      return selectDatabase(command, state);
    case 'AddEntities':
      return addEntities(command, state);
    case 'RemoveEntity':
      return removeEntity(command, state);
    case 'RenameEntity':
      return renameEntity(command, state);
    case 'ChooseNullPolicy':
      return chooseNullPolicy(command, state);
    case 'ConvertToOpen':
      return convertToOpen(command, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: Integration, event: IntegrationEvent): Integration => {
  if (event.type === 'IntegrationCreated') {
    const { createdBy: _by, createdAt: _at, ...data } = event.data;
    return { status: 'draft', ...data, entities: [], nullPolicy: DEFAULT_NULL_POLICY };
  }
  // Facts about an integration never created cannot change anything; evolve must not throw.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'IntegrationDetailsChanged': {
      const { integrationId: _id, changedAt: _at, ...details } = event.data;
      const { icon: _icon, ...withoutIcon } = state;
      return { ...withoutIcon, ...details };
    }
    case 'IntegrationConnectionSelected':
      return { ...state, connectionId: event.data.connectionId };
    case 'IntegrationSpecificationUploaded':
      return { ...state, specificationId: event.data.specificationId };
    case 'IntegrationDatabaseSelected':
      return { ...state, database: event.data.database };
    case 'IntegrationEntitiesAdded':
      return { ...state, entities: mergeEntities(state.entities, event.data.entities) };
    case 'IntegrationEntityRemoved':
      return { ...state, entities: state.entities.filter(({ name }) => name !== event.data.name) };
    case 'IntegrationNullPolicyChosen':
      return { ...state, nullPolicy: event.data.nullPolicy };
    case 'IntegrationConvertedToOpen':
      return { ...state, status: 'open' };
    default:
      return ignoreUnknownEvent(event, state);
  }
};

export const integrationDecider: Decider<Integration, IntegrationCommand, IntegrationEvent> = {
  initialState,
  evolve,
  decide,
};
