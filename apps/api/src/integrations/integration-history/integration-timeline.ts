import {
  integrationPublicationsStreamId,
  integrationStreamId,
  NotFoundError,
  type PublicationStarted,
  publicationStreamId,
} from '@ib/domain';
import { type AuthenticatedUser, allows, mayReadPast } from '../../identity';
import { type EventStore } from '../../infrastructure/event-store/event-store.port';
import { inLogOrder, readTimeline } from '../../infrastructure/history/object-timeline';
import { type PastReading } from '../../infrastructure/history/past-reading';
import { integrationsProjection, type IntegrationView } from '../integration-queries/integrations.projection';

/**
 * Every event the integrations view folds for one integration, in log order: its own stream, and the
 * streams of its publications (each IntegrationPublished sets its published version), found through
 * the stream every publication start of it is appended to.
 */
async function integrationTimeline(store: EventStore, integrationId: string) {
  const [own, starts] = await Promise.all([
    store.readStream(integrationStreamId(integrationId)),
    store.readStream<PublicationStarted>(integrationPublicationsStreamId(integrationId)),
  ]);
  const publications = starts.events
    .filter((event) => event.type === 'PublicationStarted')
    .map(({ data }) => publicationStreamId(data.publicationId));
  return inLogOrder(own.events, await readTimeline(store, publications));
}

/**
 * One integration's past as `user` may read it: folded by the integrations view's own projection, its
 * version that of its own stream; readable by who reads it now and who audits its environment.
 */
export async function integrationPast(
  store: EventStore,
  user: AuthenticatedUser,
  integrationId: string,
): Promise<PastReading<IntegrationView>> {
  return {
    object: {
      projection: integrationsProjection,
      id: integrationId,
      stream: integrationStreamId(integrationId),
    },
    events: await integrationTimeline(store, integrationId),
    readable: ({ environment }) =>
      mayReadPast(user, [environment], allows(user, 'integration.read', environment)),
    notFound: (detail = 'does not exist') =>
      new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} ${detail}`),
  };
}
