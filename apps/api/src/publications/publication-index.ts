import { Inject, Injectable } from '@nestjs/common';
import {
  type IntegrationPublishFailed,
  type IntegrationPublishRequested,
  type IntegrationPublished,
  type PackageGenerated,
  type RecordedEvent,
} from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';

const BATCH = 1000;

export type PublicationEntry = {
  publicationId: string;
  integrationId: string;
  version: number;
  status: 'running' | 'published' | 'failed';
  packageHash?: string;
};

/**
 * The publications of each integration, folded from the event store. Every read first catches up to
 * the store's head, so an answer never misses a publication already stored (it is a cache of the
 * log, never a source of truth, and is rebuilt from position 0 on each start).
 */
@Injectable()
export class PublicationIndex {
  private position = 0;
  private readonly byIntegration = new Map<string, Map<string, PublicationEntry>>();
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async publicationsOf(integrationId: string): Promise<PublicationEntry[]> {
    await this.catchUp();
    return [...(this.byIntegration.get(integrationId)?.values() ?? [])];
  }

  async publishedVersions(integrationId: string): Promise<number[]> {
    return (await this.publicationsOf(integrationId))
      .filter((entry) => entry.status === 'published')
      .map((entry) => entry.version);
  }

  /** The version a new publication gets: the integration's successful publications + 1. */
  async nextVersion(integrationId: string): Promise<number> {
    return (await this.publishedVersions(integrationId)).length + 1;
  }

  catchUp(): Promise<void> {
    // One catch-up at a time: each starts where the previous one ended.
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.readNewEvents());
    return this.catchingUp;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ fromPosition: this.position, limit: BATCH });
      for (const event of batch) this.apply(event);
      if (batch.length > 0) this.position = batch[batch.length - 1].globalPosition;
      if (batch.length < BATCH) return;
    }
  }

  private apply(event: RecordedEvent): void {
    switch (event.type) {
      case 'IntegrationPublishRequested': {
        const { publicationId, integrationId, version } = event.data as IntegrationPublishRequested['data'];
        const entries = this.byIntegration.get(integrationId) ?? new Map<string, PublicationEntry>();
        entries.set(publicationId, { publicationId, integrationId, version, status: 'running' });
        this.byIntegration.set(integrationId, entries);
        return;
      }
      case 'PackageGenerated': {
        const { publicationId, integrationId, packageHash } = event.data as PackageGenerated['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.packageHash = packageHash;
        return;
      }
      case 'IntegrationPublished': {
        const { publicationId, integrationId } = event.data as IntegrationPublished['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.status = 'published';
        return;
      }
      case 'IntegrationPublishFailed': {
        const { publicationId, integrationId } = event.data as IntegrationPublishFailed['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.status = 'failed';
        return;
      }
      default:
        return;
    }
  }
}
