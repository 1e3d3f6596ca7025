import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser, ActorNames } from '../../identity';
import { AUDIT_QUERY, type AuditQuery } from '../../infrastructure/event-store/audit-query/audit-query.port';
import { AuditCriteriaBuilder } from './audit-criteria-builder';
import { encodeAuditCursor } from './audit-cursor';
import { type AuditFilter, type AuditPageOf } from './audit-filter';
import { type AuditItem, RequestActorNames, toAuditItem } from './audit-item';

export type AuditSearchResult = Readonly<{ items: AuditItem[]; next: string | null }>;

export class SearchAuditLogQuery extends Query<AuditSearchResult> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: AuditFilter,
    readonly page: AuditPageOf,
  ) {
    super();
  }
}

/** One page of the events the caller may read that meet the filter, from the log's indexes. */
@QueryHandler(SearchAuditLogQuery)
export class SearchAuditLogHandler implements IQueryHandler<SearchAuditLogQuery> {
  constructor(
    @Inject(AUDIT_QUERY) private readonly audit: AuditQuery,
    private readonly criteria: AuditCriteriaBuilder,
    private readonly names: ActorNames,
  ) {}

  async execute({ user, filter, page }: SearchAuditLogQuery): Promise<AuditSearchResult> {
    const criteria = await this.criteria.criteriaFor(user, filter);
    const { events, next } = await this.audit.search(criteria, { order: filter.order, ...page });
    const names = new RequestActorNames((ids) => this.names.of(ids));
    await names.learn(events);
    return {
      items: events.map((event) => toAuditItem(event, names)),
      next: next === undefined ? null : encodeAuditCursor(filter.order, next),
    };
  }
}
