import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { type ViewTable } from '../../../infrastructure/read-model/view-table';
import { DeploymentRow } from '../../deployments/deployment-queries/deployments.table';
import { type PublicationView } from './publications.projection';
import { PublicationRow } from './publications.table';

export { type PublicationStepView, type PublicationView } from './publications.projection';

/** Newest request first; `integrationId` narrows to that integration's (absent: every integration's). */
export const listPublications = async (
  store: ViewStore<PublicationView>,
  query: Readonly<{ integrationId?: string }> = {},
): Promise<PublicationView[]> =>
  (
    await store.list({
      where:
        query.integrationId === undefined ? [] : [{ field: 'integrationId', equals: query.integrationId }],
      orderBy: [
        { field: 'requestedAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
    })
  ).items;

/** An integration's publications, oldest request first. */
export const listPublicationsOf = async (
  store: ViewStore<PublicationView>,
  integrationId: string,
): Promise<PublicationView[]> =>
  (
    await store.list({
      where: [{ field: 'integrationId', equals: integrationId }],
      orderBy: [{ field: 'requestedAt' }],
    })
  ).items;

/** An integration's successful publications, the newest version first. */
export const listPublishedVersions = async (
  store: ViewStore<PublicationView>,
  integrationId: string,
): Promise<PublicationView[]> =>
  (
    await store.list({
      where: [
        { field: 'integrationId', equals: integrationId },
        { field: 'status', equals: 'published' },
      ],
      orderBy: [
        { field: 'version', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
    })
  ).items;

/** Every integration with at least one publication requested, by id. */
export const listPublishingIntegrationIds = async (store: ViewStore<PublicationView>): Promise<string[]> =>
  (await store.distinct('integrationId')) as string[];

/**
 * The publications the publication process has left to finish, oldest request first: those still
 * running, and those published but not deployed where they were published (no deployment of that
 * integration and environment at a version as recent), as a stop between the two appends leaves them.
 * Running or published, and running or without such a deployment: the same set without an "all of"
 * condition in the store.
 */
export const listPublicationIdsInFlight = async (
  store: ViewStore<PublicationView>,
  deployments: ViewTable,
): Promise<string[]> =>
  (
    await store.list({
      where: [
        { field: 'status', in: ['running', 'published'] },
        {
          anyOf: [
            { field: 'status', equals: 'running' },
            {
              absentFrom: deployments,
              matching: [
                { other: 'integrationId', field: 'integrationId' },
                { other: 'environment', field: 'environment' },
                { other: 'version', is: '>=', field: 'version' },
              ],
            },
          ],
        },
      ],
      orderBy: [{ field: 'requestedAt' }],
    })
  ).items.map(({ id }) => id);

/**
 * The publications view for Publishing's own use cases. Its reads are synchronous on the reader: a
 * caller that waited for the views to pass its own write reads them as that write left them, before
 * anything else gets to run.
 */
@Injectable()
export class PublicationViews {
  private readonly store: ViewStore<PublicationView>;
  private readonly deployments: ViewTable;

  constructor(stores: ViewStores) {
    this.store = stores.of<PublicationView>(PublicationRow);
    this.deployments = stores.of(DeploymentRow).table;
  }

  list(query: Readonly<{ integrationId?: string }> = {}): Promise<PublicationView[]> {
    return listPublications(this.store, query);
  }

  of(integrationId: string): Promise<PublicationView[]> {
    return listPublicationsOf(this.store, integrationId);
  }

  publishedVersions(integrationId: string): Promise<PublicationView[]> {
    return listPublishedVersions(this.store, integrationId);
  }

  integrationIds(): Promise<string[]> {
    return listPublishingIntegrationIds(this.store);
  }

  idsInFlight(): Promise<string[]> {
    return listPublicationIdsInFlight(this.store, this.deployments);
  }
}
