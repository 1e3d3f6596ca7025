import { type RecordedEvent } from '@ib/domain';
import { type AuditCriteria } from './audit-query.port';
import { streamCategoryOf } from './stream-category';

const oneOf = (values: readonly string[] | undefined, value: string | undefined) =>
  values === undefined || (value !== undefined && values.includes(value));

/** Whether `event` meets `criteria`: the meaning of AuditCriteria, the reference the SQL is checked against. */
export function meetsCriteria(criteria: AuditCriteria, event: RecordedEvent): boolean {
  const { metadata } = event;
  const { scope } = criteria;
  return (
    oneOf(criteria.types, event.type) &&
    oneOf(criteria.streamIds, event.streamId) &&
    oneOf(criteria.categories, streamCategoryOf(event.streamId)) &&
    oneOf(criteria.actorIds, metadata.actorId) &&
    (criteria.correlationId === undefined || metadata.correlationId === criteria.correlationId) &&
    (scope === undefined ||
      (metadata.environment !== undefined && scope.environments.includes(metadata.environment)) ||
      scope.streamIds.includes(event.streamId)) &&
    (criteria.from === undefined || event.recordedAt >= criteria.from) &&
    (criteria.to === undefined || event.recordedAt < criteria.to)
  );
}
