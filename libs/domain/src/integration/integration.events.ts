import { type Event } from '../shared/event';
import { type Entity, type Provider } from '../shared/provider';
import { type NullPolicy } from './integration.null-policy';

export type IntegrationCreated = Event<
  'IntegrationCreated',
  {
    integrationId: string;
    environment: string;
    provider: Provider;
    applicationName: string;
    moduleName: string;
    description: string;
    icon?: string;
    createdBy: string;
    createdAt: string;
  }
>;

export type IntegrationDetailsChanged = Event<
  'IntegrationDetailsChanged',
  {
    integrationId: string;
    applicationName: string;
    moduleName: string;
    description: string;
    icon?: string;
    changedAt: string;
  }
>;

export type IntegrationConnectionSelected = Event<
  'IntegrationConnectionSelected',
  { integrationId: string; connectionId: string; selectedAt: string }
>;

/**
 * The service specification (an OData `$metadata` document) the integration is built from while no
 * connection exists: its entities are described from it. The document itself is stored once in its own
 * stream (`ServiceSpecificationUploaded`), named here by its SHA-256.
 */
export type IntegrationSpecificationUploaded = Event<
  'IntegrationSpecificationUploaded',
  { integrationId: string; specificationId: string; entitySets: number; uploadedAt: string }
>;

export type IntegrationDatabaseSelected = Event<
  'IntegrationDatabaseSelected',
  { integrationId: string; database: string; selectedAt: string }
>;

export type IntegrationEntitiesAdded = Event<
  'IntegrationEntitiesAdded',
  { integrationId: string; entities: readonly Entity[]; addedAt: string }
>;

export type IntegrationEntityRemoved = Event<
  'IntegrationEntityRemoved',
  { integrationId: string; name: string; removedAt: string }
>;

/** An integration without this event has DEFAULT_NULL_POLICY. */
export type IntegrationNullPolicyChosen = Event<
  'IntegrationNullPolicyChosen',
  { integrationId: string; nullPolicy: NullPolicy; chosenAt: string }
>;

export type IntegrationConvertedToOpen = Event<
  'IntegrationConvertedToOpen',
  { integrationId: string; convertedAt: string }
>;

export type IntegrationEvent =
  | IntegrationCreated
  | IntegrationDetailsChanged
  | IntegrationConnectionSelected
  | IntegrationSpecificationUploaded
  | IntegrationDatabaseSelected
  | IntegrationEntitiesAdded
  | IntegrationEntityRemoved
  | IntegrationNullPolicyChosen
  | IntegrationConvertedToOpen;

export const INTEGRATION_EVENT_TYPES: readonly IntegrationEvent['type'][] = [
  'IntegrationCreated',
  'IntegrationDetailsChanged',
  'IntegrationConnectionSelected',
  'IntegrationSpecificationUploaded',
  'IntegrationDatabaseSelected',
  'IntegrationEntitiesAdded',
  'IntegrationEntityRemoved',
  'IntegrationNullPolicyChosen',
  'IntegrationConvertedToOpen',
];
