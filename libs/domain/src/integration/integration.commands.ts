import { type Command } from '../shared/command';
import { type Entity, type Provider } from '../shared/provider';
import { type NullPolicy } from './integration.null-policy';

export type CreateIntegration = Command<
  'CreateIntegration',
  {
    integrationId: string;
    environment: string;
    provider: Provider;
    applicationName: string;
    /** Defaults to `<applicationName>_IS` (the service module suffix of the seeds). */
    moduleName?: string;
    description?: string;
    icon?: string;
    /** The developer's choice in the wizard; absent leaves DEFAULT_NULL_POLICY. */
    nullPolicy?: NullPolicy;
  }
>;

export type ChangeIntegrationDetails = Command<
  'ChangeIntegrationDetails',
  { integrationId: string; applicationName: string; moduleName: string; description: string; icon?: string }
>;

/** The handler reads the connection first and passes what the rule needs to know of it. */
export type SelectConnection = Command<
  'SelectConnection',
  { integrationId: string; connectionId: string; connectionProvider: Provider; connectionEnvironment: string }
>;

/**
 * The handler has stored the document and read how many entity sets it offers; an integration of a
 * provider that has service specifications (OData) may be built from one while no connection exists.
 */
export type UploadIntegrationSpecification = Command<
  'UploadIntegrationSpecification',
  { integrationId: string; specificationId: string; entitySets: number }
>;

export type SelectDatabase = Command<'SelectDatabase', { integrationId: string; database: string }>;

/**
 * Entities come from the live introspection of the selected database. `publishedEntities` (read by
 * the handler) are the entities of every published version: a new draft on top of them may add
 * tables but never rename an entity or change an attribute's type, even of a table removed since.
 */
export type AddEntities = Command<
  'AddEntities',
  { integrationId: string; entities: readonly Entity[]; publishedEntities?: readonly Entity[] }
>;

export type RemoveEntity = Command<'RemoveEntity', { integrationId: string; name: string }>;

export type RenameEntity = Command<'RenameEntity', { integrationId: string; name: string; newName: string }>;

/** Applies to versions published from now on; a deployed version keeps the policy it was published with. */
export type ChooseNullPolicy = Command<'ChooseNullPolicy', { integrationId: string; nullPolicy: NullPolicy }>;

export type ConvertToOpen = Command<'ConvertToOpen', { integrationId: string }>;

export type IntegrationCommand =
  | CreateIntegration
  | ChangeIntegrationDetails
  | SelectConnection
  | UploadIntegrationSpecification
  | SelectDatabase
  | AddEntities
  | RemoveEntity
  | RenameEntity
  | ChooseNullPolicy
  | ConvertToOpen;
