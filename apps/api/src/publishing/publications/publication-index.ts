import { Injectable } from '@nestjs/common';
import { type RuntimeDependency } from '@ib/domain';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { type PublicationView, PublicationViews } from './publication-queries/publication-views';

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

const entryOf = (view: PublicationView): PublicationEntry => ({
  publicationId: view.id,
  integrationId: view.integrationId,
  version: view.version,
  integrationVersion: view.integrationVersion,
  status: view.status,
  ...(view.packageHash === undefined ? {} : { packageHash: view.packageHash }),
  ...(view.dependencies === undefined ? {} : { dependencies: view.dependencies }),
});

/**
 * The publications of each integration, read from the publications view. Every read first waits for
 * the views to pass a head position read after it began, so an answer never misses a publication
 * already stored.
 */
@Injectable()
export class PublicationIndex {
  constructor(
    private readonly publications: PublicationViews,
    private readonly views: CurrentViews,
  ) {}

  /** Oldest request first. */
  async publicationsOf(integrationId: string): Promise<PublicationEntry[]> {
    await this.catchUp();
    return (await this.publications.of(integrationId)).map(entryOf);
  }

  async publishedVersions(integrationId: string): Promise<number[]> {
    return (await this.publicationsOf(integrationId))
      .filter((entry) => entry.status === 'published')
      .map((entry) => entry.version);
  }

  /** Every integration with at least one publication requested. */
  async integrationIds(): Promise<string[]> {
    await this.catchUp();
    return this.publications.integrationIds();
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
    await this.views.upTo();
  }
}
