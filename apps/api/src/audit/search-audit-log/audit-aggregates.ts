import {
  apiKeyStreamId,
  connectionRequestStreamId,
  connectionStreamId,
  dependencyStreamId,
  environmentStreamId,
  integrationDeploymentsStreamId,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationStreamId,
  userStreamId,
} from '@ib/domain';
import { streamCategoryOf } from '../../infrastructure/event-store/audit-query/stream-category';

/**
 * What `aggregate` names, as the streams that hold it (see libs/domain's *.stream.ts). A publication
 * lives in its own stream and in its integration's `integration-publications-` stream (every start
 * appends there), so its id finds either: a publication's, or an integration's publications.
 * A deployment is the one stream of an integration's deployments, found by the integration id.
 */
const STREAMS_OF = {
  integration: [integrationStreamId],
  connection: [connectionStreamId],
  'connection-request': [connectionRequestStreamId],
  environment: [environmentStreamId],
  user: [userStreamId],
  'api-key': [apiKeyStreamId],
  deployment: [integrationDeploymentsStreamId],
  publication: [publicationStreamId, integrationPublicationsStreamId],
  dependency: [dependencyStreamId],
} as const satisfies Record<string, readonly ((id: string) => string)[]>;

export type AuditAggregate = keyof typeof STREAMS_OF;

export const AUDIT_AGGREGATES = Object.keys(STREAMS_OF) as AuditAggregate[];

export const isAuditAggregate = (name: string): name is AuditAggregate => Object.hasOwn(STREAMS_OF, name);

/** The streams of one aggregate: `id` is the user's username for `user` (see AuditCriteriaBuilder). */
export const streamsOfAggregate = (aggregate: AuditAggregate, id: string): string[] =>
  STREAMS_OF[aggregate].map((streamOf) => streamOf(id));

/**
 * The stream categories of an aggregate kind, from its stream ids themselves (a sample UUID as id),
 * so they are the categories the store computes: `integration` is not `integration-deployments`.
 */
export const categoriesOfAggregate = (aggregate: AuditAggregate): string[] =>
  STREAMS_OF[aggregate].map((streamOf) => streamCategoryOf(streamOf(SAMPLE_ID)));

const SAMPLE_ID = '00000000-0000-7000-8000-000000000000';
