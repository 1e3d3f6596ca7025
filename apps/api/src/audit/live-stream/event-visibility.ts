import {
  connectionRequestStreamId,
  connectionStreamId,
  dependencyStreamId,
  environmentStreamId,
  integrationDeploymentsStreamId,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationStreamId,
  republishStreamId,
  userStreamId,
} from '@ib/domain';
import { type AuthenticatedUser, allows } from '../../identity';
import { streamCategoryOf } from '../../infrastructure/event-store/audit-query/stream-category';

/** What decides who sees one event, worked out once per event for every open stream. */
export type EventScope = Readonly<{
  streamId: string;
  category: string;
  /** `metadata.environment`; for a user's stream, every environment the user ever held a role in. */
  environments: readonly string[];
  /** Who asked, for a connection request's events. */
  requester?: string;
}>;

const SAMPLE_ID = '00000000-0000-7000-8000-000000000000';
const categoryOf = (streamOf: (id: string) => string) => streamCategoryOf(streamOf(SAMPLE_ID));

export const USER_CATEGORY = categoryOf(userStreamId);
export const CONNECTION_REQUEST_CATEGORY = categoryOf(connectionRequestStreamId);

/**
 * What a developer reads of their environment (the `reader` actions of the policy): its
 * integrations, their publications and deployments, its connections, runtime dependencies,
 * republish runs and the environment itself. Not its API keys (`api-key.manage`: admins), not other
 * users (`user.read`: admins) and not other people's connection requests (`connection-request.read-all`).
 */
const READABLE_BY_MEMBERS: ReadonlySet<string> = new Set(
  [
    integrationStreamId,
    integrationPublicationsStreamId,
    publicationStreamId,
    integrationDeploymentsStreamId,
    connectionStreamId,
    dependencyStreamId,
    republishStreamId,
    environmentStreamId,
  ].map(categoryOf),
);

/**
 * Who sees that an event happened on the live stream (its type, stream and position; never its data):
 * - owners, and the administrators and auditors of its environment: every event the audit log
 *   shows them (AuditCriteriaBuilder's rule, user streams placed by UserGrantHistory);
 * - anyone with a role in its environment (a developer): the events of what they may read there
 *   now, as listed in READABLE_BY_MEMBERS, and of their own connection requests;
 * - everyone: the events of their own user stream.
 * Events of no environment and no such user are seen by owners only, as in the audit log.
 */
export function maySee(viewer: AuthenticatedUser, scope: EventScope): boolean {
  if (viewer.owner) return true;
  if (scope.streamId === userStreamId(viewer.username)) return true;
  for (const environment of scope.environments) {
    if (allows(viewer, 'audit.read', environment)) return true;
    if (!allows(viewer, 'integration.read', environment)) continue;
    if (READABLE_BY_MEMBERS.has(scope.category)) return true;
    if (scope.category === CONNECTION_REQUEST_CATEGORY && scope.requester === viewer.id) return true;
  }
  return false;
}
