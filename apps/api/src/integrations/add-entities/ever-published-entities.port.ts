import { type Entity } from '@ib/domain';

/**
 * Every table's entity as last published (a table removed from a later version keeps the shape it
 * was published with): what a new draft must stay compatible with. Publishing knows it and provides
 * it; Integrations only asks, so it never depends on Publishing.
 */
export interface EverPublishedEntities {
  entitiesEverPublished(integrationId: string): Promise<Entity[]>;
}

export const EVER_PUBLISHED_ENTITIES = Symbol('EVER_PUBLISHED_ENTITIES');
