import { type RecordedEvent } from '@ib/domain';
import { type AuditExportFormat } from '../search-audit-log/audit-filter';
import {
  type AuditItem,
  RequestActorNames,
  toAuditItem,
  type UsernameLookup,
} from '../search-audit-log/audit-item';

/** One piece of an export: the lines of one page of the log. */
export type AuditExportChunk = Readonly<{ text: string; events: number }>;

export const AUDIT_CSV_COLUMNS = [
  'position',
  'eventId',
  'type',
  'streamId',
  'streamVersion',
  'recordedAt',
  'actorId',
  'actorUsername',
  'environment',
  'correlationId',
  'causationId',
  'data',
] as const;

/** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
export const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One event as a CSV record (CRLF-terminated); `data` is its JSON text in one field. */
export const csvRecord = (item: AuditItem): string =>
  [
    item.position,
    item.eventId,
    item.type,
    item.streamId,
    item.streamVersion,
    item.recordedAt,
    item.actor.id,
    item.actor.username,
    item.environment,
    item.correlationId,
    item.causationId,
    JSON.stringify(item.data),
  ]
    .map(csvField)
    .join(',') + '\r\n';

/** One event as one NDJSON line: the search's item, without a line break inside. */
export const ndjsonLine = (item: AuditItem): string => `${JSON.stringify(item)}\n`;

/**
 * The export's text, a page of the log at a time (CSV: its header first, with the first page). Each page is formatted only
 * when the consumer asks for the next chunk, and formatting asks for the next page: whatever the
 * log's length, one page is held at a time.
 */
export async function* auditExportChunks(
  pages: AsyncIterable<readonly RecordedEvent[]>,
  format: AuditExportFormat,
  lookup: UsernameLookup,
): AsyncIterable<AuditExportChunk> {
  const names = new RequestActorNames(lookup);
  const line = format === 'csv' ? csvRecord : ndjsonLine;
  // The CSV header travels with the first page, so that nothing is sent before the log answered.
  let header = format === 'csv' ? `${AUDIT_CSV_COLUMNS.join(',')}\r\n` : '';
  for await (const events of pages) {
    await names.learn(events);
    let text = header;
    header = '';
    for (const event of events) text += line(toAuditItem(event, names));
    yield { text, events: events.length };
  }
  if (header !== '') yield { text: header, events: 0 };
}
