import { type Event } from '../shared/event';

/**
 * A publication of the integration was started, as version `version` of the draft at stream version
 * `integrationVersion`. Every start appends here first, to the integration's one publications stream
 * with its expected version, so two starts at once (two clicks, two API instances) cannot both start
 * one: the second finds the first.
 */
export type PublicationStarted = Event<
  'PublicationStarted',
  {
    integrationId: string;
    publicationId: string;
    integrationVersion: number;
    version: number;
    startedBy: string;
    startedAt: string;
  }
>;

export type IntegrationPublicationsEvent = PublicationStarted;

export const INTEGRATION_PUBLICATIONS_EVENT_TYPES: readonly IntegrationPublicationsEvent['type'][] = [
  'PublicationStarted',
];
