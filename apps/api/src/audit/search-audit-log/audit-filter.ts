import { type FieldError, ValidationError } from '@ib/domain';
import { type AuditOrder } from '../../infrastructure/event-store/audit-query/audit-query.port';
import { AUDIT_AGGREGATES, type AuditAggregate, isAuditAggregate } from './audit-aggregates';
import { decodeAuditCursor } from './audit-cursor';

/** The query string of the audit search and export, as received (every value a string). */
export type AuditFilterInput = Readonly<{
  actor?: string;
  type?: string;
  stream?: string;
  aggregate?: string;
  id?: string;
  environment?: string;
  correlationId?: string;
  from?: string;
  to?: string;
  order?: string;
}>;

export type AuditPageInput = Readonly<{ after?: string; limit?: string }>;

/** What the caller asks for, checked; who may see what is decided later (AuditCriteriaBuilder). */
export type AuditFilter = Readonly<{
  /** A user id or a username (or `system`). */
  actor?: string;
  types?: readonly string[];
  stream?: string;
  aggregate?: AuditAggregate;
  id?: string;
  environment?: string;
  correlationId?: string;
  /** recordedAt >= from, as `toISOString()`. */
  from?: string;
  /** recordedAt < to. */
  to?: string;
  order: AuditOrder;
}>;

export type AuditPageOf = Readonly<{ after?: number; limit: number }>;

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 500;
const MAX_TYPES = 50;
const MAX_TEXT = 255;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,199}$/;
/** A date, or a date and time with its offset: a time without one would be read in the server's zone. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const INTEGER = /^\d{1,4}$/;

/** Collects every problem of the query string, so one answer names them all. */
class Problems {
  readonly errors: FieldError[] = [];
  add(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }
  throwIfAny(): void {
    if (this.errors.length > 0)
      throw new ValidationError('AUDIT.INVALID_FILTER', 'The audit filter is invalid', this.errors);
  }
}

const text = (problems: Problems, field: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return problems.add(field, `${field} must not be empty`);
  if (trimmed.length > MAX_TEXT)
    return problems.add(field, `${field} must be at most ${MAX_TEXT} characters`);
  return trimmed;
};

/** Date.parse rolls 2025-02-30 over to March; a filter that names no day is refused instead. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function time(problems: Problems, field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = ISO_TIME.test(value) && isCalendarDate(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed))
    return problems.add(
      field,
      `${field} must be an ISO 8601 date or date-time with an offset, such as 2025-01-31T12:00:00Z`,
    );
  return new Date(parsed).toISOString();
}

function types(problems: Problems, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = [
    ...new Set(
      value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
  if (names.length === 0) return problems.add('type', 'type must name at least one event type');
  if (names.length > MAX_TYPES) return problems.add('type', `type names at most ${MAX_TYPES} event types`);
  const bad = names.find((name) => !EVENT_TYPE.test(name));
  if (bad !== undefined) return problems.add('type', `Not an event type name: ${bad.slice(0, 50)}`);
  return names;
}

function order(problems: Problems, value: string | undefined): AuditOrder {
  if (value === undefined || value === 'desc' || value === 'asc') return value ?? 'desc';
  problems.add('order', 'order must be desc (newest first) or asc');
  return 'desc';
}

/** The filters of the audit search and export, or a 400 naming every bad one. */
export function parseAuditFilter(input: AuditFilterInput): AuditFilter {
  const problems = new Problems();
  const aggregateName = text(problems, 'aggregate', input.aggregate);
  const aggregate =
    aggregateName === undefined || isAuditAggregate(aggregateName)
      ? aggregateName
      : problems.add('aggregate', `aggregate must be one of ${AUDIT_AGGREGATES.join(', ')}`);
  const id = text(problems, 'id', input.id);
  if (id !== undefined && aggregateName === undefined)
    problems.add('id', 'id needs aggregate: it names one object of that kind');
  const from = time(problems, 'from', input.from);
  const to = time(problems, 'to', input.to);
  if (from !== undefined && to !== undefined && from > to) problems.add('to', 'to must not be before from');
  const filter: AuditFilter = {
    actor: text(problems, 'actor', input.actor),
    types: types(problems, input.type),
    stream: text(problems, 'stream', input.stream),
    aggregate,
    id,
    environment: text(problems, 'environment', input.environment),
    correlationId: text(problems, 'correlationId', input.correlationId),
    from,
    to,
    order: order(problems, input.order),
  };
  problems.throwIfAny();
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as AuditFilter;
}

/** `after` and `limit` of a search page, read in the filter's order. */
export function parseAuditPage(input: AuditPageInput, auditOrder: AuditOrder): AuditPageOf {
  const problems = new Problems();
  let limit = DEFAULT_AUDIT_PAGE;
  if (input.limit !== undefined) {
    limit = INTEGER.test(input.limit) ? Number(input.limit) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_AUDIT_PAGE))
      problems.add('limit', `limit must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
  }
  const after = input.after === undefined ? undefined : decodeAuditCursor(input.after, auditOrder);
  if (input.after !== undefined && after === undefined)
    problems.add('after', `after must be the next cursor of a page read in ${auditOrder} order`);
  problems.throwIfAny();
  return after === undefined ? { limit } : { after, limit };
}

export const AUDIT_EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The export's format: NDJSON unless asked otherwise. */
export function parseAuditExportFormat(format: string | undefined): AuditExportFormat {
  if (format === undefined) return 'ndjson';
  const known = AUDIT_EXPORT_FORMATS.find((candidate) => candidate === format);
  if (known === undefined) {
    const problems = new Problems();
    problems.add('format', `format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}`);
    problems.throwIfAny();
  }
  return known ?? 'ndjson';
}
