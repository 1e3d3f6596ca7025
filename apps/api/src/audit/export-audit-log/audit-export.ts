import { Inject, Injectable } from '@nestjs/common';
import { type AuthenticatedUser, ActorNames } from '../../identity';
import { AUDIT_QUERY, type AuditQuery } from '../../infrastructure/event-store/audit-query/audit-query.port';
import { AuditCriteriaBuilder } from '../search-audit-log/audit-criteria-builder';
import { type AuditExportFormat, type AuditFilter } from '../search-audit-log/audit-filter';
import { auditExportChunks } from './audit-export-lines';

/** Events read from the log per page of an export. */
export const AUDIT_EXPORT_PAGE = 1_000;

/**
 * An export of the events the caller may read that meet the filter. Its first page is read before it
 * is handed out: a refused caller (403) or an unavailable store (503) is answered as such, before a
 * 200 and its headers are sent. A fault later ends the download early, as a broken transfer.
 */
@Injectable()
export class AuditExport {
  constructor(
    @Inject(AUDIT_QUERY) private readonly audit: AuditQuery,
    private readonly criteria: AuditCriteriaBuilder,
    private readonly names: ActorNames,
  ) {}

  async open(
    user: AuthenticatedUser,
    filter: AuditFilter,
    format: AuditExportFormat,
  ): Promise<AsyncIterable<string>> {
    const criteria = await this.criteria.criteriaFor(user, filter);
    const pages = this.audit.pages(criteria, filter.order, AUDIT_EXPORT_PAGE);
    const chunks = auditExportChunks(pages, format, (ids) => this.names.of(ids))[Symbol.asyncIterator]();
    const first = await chunks.next();
    return (async function* () {
      try {
        for (let chunk = first; !chunk.done; chunk = await chunks.next()) yield chunk.value.text;
      } finally {
        // The client went away: stop reading the log.
        await chunks.return?.();
      }
    })();
  }
}
