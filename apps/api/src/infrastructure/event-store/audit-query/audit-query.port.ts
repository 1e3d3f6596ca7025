import { type RecordedEvent } from '@ib/domain';

export type AuditOrder = 'desc' | 'asc';

/**
 * Which events an audit search answers. Each list means "one of these"; the fields together mean
 * "all of them"; an absent field restricts nothing and an empty list matches nothing.
 */
export type AuditCriteria = Readonly<{
  types?: readonly string[];
  streamIds?: readonly string[];
  /** Stream categories, as streamCategoryOf names them (`integration`, `integration-deployments`, ...). */
  categories?: readonly string[];
  /** `metadata.actorId`. */
  actorIds?: readonly string[];
  /** `metadata.correlationId`. */
  correlationId?: string;
  /**
   * What the caller may read: the events recorded in one of `environments` (`metadata.environment`)
   * or appended to one of `streamIds`. Absent: every event.
   */
  scope?: AuditScope;
  /** recordedAt >= from (an ISO time as the store writes it: `toISOString()`). */
  from?: string;
  /** recordedAt < to. */
  to?: string;
}>;

export type AuditScope = Readonly<{ environments: readonly string[]; streamIds: readonly string[] }>;

export type AuditPageRequest = Readonly<{
  order: AuditOrder;
  /** Answer the events after this global position in `order` (none: from the newest, or the first). */
  after?: number;
  limit: number;
}>;

export type AuditPage = Readonly<{
  events: RecordedEvent[];
  /** The position to continue after when more events may follow; absent on the last page. */
  next?: number;
}>;

/**
 * The audit log's search: events by their metadata, type, stream and time, in global order either
 * way, a page at a time. The SQL stores answer it from indexes (see audit-sql.ts); the others by
 * reading the log (see GenericAuditQuery).
 */
export interface AuditQuery {
  search(criteria: AuditCriteria, page: AuditPageRequest): Promise<AuditPage>;
  /**
   * Every event meeting the criteria, a page at a time: the next page is read only when the consumer
   * asks for it, so an export holds one page in memory however long the log is.
   */
  pages(criteria: AuditCriteria, order: AuditOrder, pageSize: number): AsyncIterable<RecordedEvent[]>;
}

export const AUDIT_QUERY = Symbol('AUDIT_QUERY');

/** `pages` for any store, as successive searches from a cursor. */
export async function* pagesOf(
  query: Pick<AuditQuery, 'search'>,
  criteria: AuditCriteria,
  order: AuditOrder,
  pageSize: number,
): AsyncIterable<RecordedEvent[]> {
  let after: number | undefined;
  for (;;) {
    const page = await query.search(criteria, { order, after, limit: pageSize });
    if (page.events.length > 0) yield page.events;
    if (page.next === undefined) return;
    after = page.next;
  }
}

/** A list that is present but empty matches nothing: no need to ask the store. */
export const matchesNothing = (criteria: AuditCriteria): boolean =>
  criteria.types?.length === 0 ||
  criteria.streamIds?.length === 0 ||
  criteria.categories?.length === 0 ||
  criteria.actorIds?.length === 0 ||
  (criteria.scope !== undefined &&
    criteria.scope.environments.length === 0 &&
    criteria.scope.streamIds.length === 0) ||
  (criteria.from !== undefined && criteria.to !== undefined && criteria.from >= criteria.to);
