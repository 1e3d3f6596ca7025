import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from '../event-store.port';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditPage,
  type AuditPageRequest,
  type AuditQuery,
  matchesNothing,
  pagesOf,
} from './audit-query.port';
import { meetsCriteria } from './audit-criteria-match';

const READ_BATCH = 1_000;

/**
 * The audit search for a store without an index on what it filters (KurrentDB): it reads the log
 * forward through readAll (types filtered by the store) and keeps the matches. Correct, and slow on a
 * long log: an oldest-first page reads from its cursor to its last match, a newest-first page reads
 * every event before its cursor, so a newest-first export reads the log once per page.
 */
export class GenericAuditQuery implements AuditQuery {
  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  async search(criteria: AuditCriteria, page: AuditPageRequest): Promise<AuditPage> {
    if (matchesNothing(criteria)) return { events: [] };
    const found =
      page.order === 'asc' ? await this.oldest(criteria, page) : await this.newest(criteria, page);
    if (found.length <= page.limit) return { events: found };
    found.length = page.limit;
    return { events: found, next: found[page.limit - 1].globalPosition };
  }

  pages(criteria: AuditCriteria, order: AuditOrder, pageSize: number): AsyncIterable<RecordedEvent[]> {
    return pagesOf(this, criteria, order, pageSize);
  }

  /** Up to limit + 1 matches after the cursor, oldest first. */
  private async oldest(criteria: AuditCriteria, page: AuditPageRequest): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    for await (const event of this.matches(criteria, page.after ?? 0, () => false)) {
      found.push(event);
      if (found.length > page.limit) break;
    }
    return found;
  }

  /** The last limit + 1 matches before the cursor, newest first. */
  private async newest(criteria: AuditCriteria, page: AuditPageRequest): Promise<RecordedEvent[]> {
    const before = page.after ?? Number.POSITIVE_INFINITY;
    const kept: RecordedEvent[] = [];
    for await (const event of this.matches(criteria, 0, (position) => position >= before)) {
      kept.push(event);
      if (kept.length > page.limit + 1) kept.shift();
    }
    return kept.reverse();
  }

  private async *matches(
    criteria: AuditCriteria,
    fromPosition: number,
    past: (position: number) => boolean,
  ): AsyncIterable<RecordedEvent> {
    for (let position = fromPosition; ;) {
      const batch = await this.store.readAll({
        fromPosition: position,
        limit: READ_BATCH,
        types: criteria.types,
      });
      for (const event of batch) {
        if (past(event.globalPosition)) return;
        if (meetsCriteria(criteria, event)) yield event;
      }
      if (batch.length < READ_BATCH) return;
      position = batch[batch.length - 1].globalPosition;
    }
  }
}
