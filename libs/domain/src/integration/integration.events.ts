import { type Event } from '../shared/event';
import { type Entity, type Provider } from '../shared/provider';

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

export type IntegrationConvertedToOpen = Event<
  'IntegrationConvertedToOpen',
  { integrationId: string; convertedAt: string }
>;

export type IntegrationEvent =
  | IntegrationCreated
  | IntegrationDetailsChanged
  | IntegrationConnectionSelected
  | IntegrationDatabaseSelected
  | IntegrationEntitiesAdded
  | IntegrationEntityRemoved
  | IntegrationConvertedToOpen;

export const INTEGRATION_EVENT_TYPES: readonly IntegrationEvent['type'][] = [
  'IntegrationCreated',
  'IntegrationDetailsChanged',
  'IntegrationConnectionSelected',
  'IntegrationDatabaseSelected',
  'IntegrationEntitiesAdded',
  'IntegrationEntityRemoved',
  'IntegrationConvertedToOpen',
];
