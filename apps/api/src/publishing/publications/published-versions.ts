import { Inject, Injectable } from '@nestjs/common';
import {
  type DraftIntegration,
  type Entity,
  type IntegrationEvent,
  type OpenIntegration,
  integrationDecider,
  integrationStreamId,
} from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type EverPublishedEntities } from '../../integrations';
import { PublicationIndex } from './publication-index';

export type IntegrationState = DraftIntegration | OpenIntegration;

/** What a published version serves: the integration as it stood when it was published. */
export type PublishedVersion = Readonly<{
  version: number;
  integrationVersion: number;
  integration: IntegrationState;
}>;

/**
 * Published versions of integrations, read from the event store: a version is the integration
 * stream folded up to the stream version its publication recorded, so later drafts never change it.
 */
@Injectable()
export class PublishedVersions implements EverPublishedEntities {
  /** A published version never changes: it is kept once read. */
  private readonly versions = new Map<string, PublishedVersion>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly index: PublicationIndex,
  ) {}

  /** The integration as it stood at a stream version; undefined if it did not exist then. */
  async integrationAt(
    integrationId: string,
    integrationVersion: number,
  ): Promise<IntegrationState | undefined> {
    const { events } = await this.store.readStream<IntegrationEvent>(integrationStreamId(integrationId));
    const state = events
      .filter(({ streamVersion }) => streamVersion <= integrationVersion)
      .reduce(
        (current, { type, data }) => integrationDecider.evolve(current, { type, data } as IntegrationEvent),
        integrationDecider.initialState(),
      );
    return state.status === 'none' ? undefined : state;
  }

  /** A version published successfully, or undefined. */
  async version(integrationId: string, version: number): Promise<PublishedVersion | undefined> {
    const key = `${integrationId}/${version}`;
    const known = this.versions.get(key);
    if (known) return known;
    const publication = (await this.index.publicationsOf(integrationId)).find(
      (entry) => entry.version === version && entry.status === 'published',
    );
    if (publication === undefined) return undefined;
    const integration = await this.integrationAt(integrationId, publication.integrationVersion);
    if (integration === undefined) return undefined;
    const published = { version, integrationVersion: publication.integrationVersion, integration };
    this.versions.set(key, published);
    return published;
  }

  /**
   * Every table's entity as last published (a table removed from a later version keeps the shape
   * it was published with): what a new draft must stay compatible with.
   */
  async entitiesEverPublished(integrationId: string): Promise<Entity[]> {
    const versions = (await this.index.publishedVersions(integrationId)).sort((a, b) => b - a);
    const byTable = new Map<string, Entity>();
    for (const number of versions) {
      const published = await this.version(integrationId, number);
      for (const entity of published?.integration.entities ?? [])
        if (!byTable.has(entity.table)) byTable.set(entity.table, entity);
    }
    return [...byTable.values()];
  }
}
