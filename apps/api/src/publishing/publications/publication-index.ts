import { Inject, Injectable } from '@nestjs/common';
import {
  type DependenciesChecked,
  type IntegrationPublishFailed,
  type IntegrationPublishRequested,
  type IntegrationPublished,
  type PackageGenerated,
  type RecordedEvent,
  type RuntimeDependency,
} from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { LogFollower } from '../../infrastructure/event-store/log-follower';

export type PublicationEntry = {
  publicationId: string;
  integrationId: string;
  version: number;
  /** The integration stream version the publication published. */
  integrationVersion: number;
  status: 'running' | 'published' | 'failed';
  packageHash?: string;
  /** The runtime dependency versions the publication was built against, once checked. */
  dependencies?: readonly RuntimeDependency[];
};

/**
 * The publications of each integration, folded from the event store. Every read first catches up to
 * the store's head, so an answer never misses a publication already stored (it is a cache of the
 * log, never a source of truth, and is rebuilt from position 0 on each start).
 */
@Injectable()
export class PublicationIndex {
  private readonly byIntegration = new Map<string, Map<string, PublicationEntry>>();
  private readonly log: LogFollower;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogFollower(store, (event) => this.apply(event));
  }

  async publicationsOf(integrationId: string): Promise<PublicationEntry[]> {
    await this.catchUp();
    return [...(this.byIntegration.get(integrationId)?.values() ?? [])];
  }

  async publishedVersions(integrationId: string): Promise<number[]> {
    return (await this.publicationsOf(integrationId))
      .filter((entry) => entry.status === 'published')
      .map((entry) => entry.version);
  }

  /** Every integration with at least one publication requested. */
  async integrationIds(): Promise<string[]> {
    await this.catchUp();
    return [...this.byIntegration.keys()];
  }

  /** The integration's published publication with the highest version, if any. */
  async latestPublished(integrationId: string): Promise<PublicationEntry | undefined> {
    return (await this.publicationsOf(integrationId))
      .filter((entry) => entry.status === 'published')
      .reduce<PublicationEntry | undefined>(
        (latest, entry) => (latest === undefined || entry.version > latest.version ? entry : latest),
        undefined,
      );
  }

  async catchUp(): Promise<void> {
    await this.log.catchUp();
  }

  private apply(event: RecordedEvent): void {
    switch (event.type) {
      case 'IntegrationPublishRequested': {
        const { publicationId, integrationId, version, integrationVersion } =
          event.data as IntegrationPublishRequested['data'];
        const entries = this.byIntegration.get(integrationId) ?? new Map<string, PublicationEntry>();
        entries.set(publicationId, {
          publicationId,
          integrationId,
          version,
          integrationVersion,
          status: 'running',
        });
        this.byIntegration.set(integrationId, entries);
        return;
      }
      case 'PackageGenerated': {
        const { publicationId, integrationId, packageHash } = event.data as PackageGenerated['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.packageHash = packageHash;
        return;
      }
      case 'DependenciesChecked': {
        const { publicationId, integrationId, dependencies } = event.data as DependenciesChecked['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.dependencies = dependencies;
        return;
      }
      case 'IntegrationPublished': {
        const { publicationId, integrationId } = event.data as IntegrationPublished['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) entry.status = 'published';
        return;
      }
      case 'IntegrationPublishFailed': {
        const { publicationId, integrationId, packageHash } = event.data as IntegrationPublishFailed['data'];
        const entry = this.byIntegration.get(integrationId)?.get(publicationId);
        if (entry) {
          entry.status = 'failed';
          // A failure before the package step may still carry the draft's package.
          entry.packageHash ??= packageHash;
        }
        return;
      }
      default:
        return;
    }
  }
}
