import { type EventRow } from '../stored-event';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditPageRequest,
  type AuditScope,
} from './audit-query.port';
import { streamCategoryOf } from './stream-category';

/** The columns an audit search filters on by equality. */
export type AuditColumn =
  'type' | 'stream_id' | 'stream_category' | 'actor_id' | 'correlation_id' | 'environment';

/** The columns an index of the audit search starts with. */
export type IndexedAuditColumn = Exclude<AuditColumn, 'stream_id'>;

/**
 * The audit indexes: each is (columns..., global_position), so equalities on its columns are a range
 * of it in position order. An environment's auditor always filters by environment, and a type that
 * no event of that environment has (production has no builder events) would otherwise read every
 * index entry of that type; hence the pair of environment and type, the filter auditors combine most.
 * Every index costs each append an entry (on SQLite about a seventh of a single append's time), so
 * the other pairs are gone (see RETIRED_AUDIT_INDEXES): actors and categories are selective enough
 * alone that a scoped search over them stays within a few milliseconds on a log of a million events.
 * Rarest kinds first, as a rule of thumb for ties.
 */
export type AuditIndex = Readonly<{
  name: string;
  columns: readonly IndexedAuditColumn[];
  /** Its name on MariaDB/MySQL, when the log has it already under another. */
  mysqlName?: string;
}>;

export const AUDIT_INDEXES: readonly AuditIndex[] = [
  { name: 'events_audit_correlation', columns: ['correlation_id'] },
  { name: 'events_audit_environment_type', columns: ['environment', 'type'] },
  { name: 'events_audit_category', columns: ['stream_category'] },
  { name: 'events_audit_actor', columns: ['actor_id'] },
  { name: 'events_audit_type', columns: ['type'], mysqlName: 'events_type_position' },
  { name: 'events_audit_environment', columns: ['environment'] },
];

/** Indexes earlier builds made, dropped when a log is opened: each slowed every append. */
export const RETIRED_AUDIT_INDEXES: readonly string[] = [
  'events_audit_environment_actor',
  'events_audit_environment_category',
];

/** Finds the positions a time range lies between (see timeBounds). */
export const RECORDED_AT_INDEX = 'events_audit_recorded_at';

/**
 * One statement of a search: equalities, lists ("one of") and the scope that were not split.
 * A statement whose filters are equalities on an indexed column is a range scan of one
 * (column, global_position) index in position order: "the N newest after the cursor" reads N entries
 * of it, however long the log. A list on the other hand makes the database collect every match and
 * sort them before answering the first; so lists are split, one statement per value, and the
 * statements' pages are merged (see mergeBranchPages).
 */
export type AuditBranch = Readonly<{
  equals: readonly (readonly [AuditColumn, string])[];
  anyOf: readonly (readonly [AuditColumn, readonly string[]])[];
  scope?: AuditScope;
}>;

/** Beyond this many statements per page, the remaining lists stay lists (a sort over their matches). */
export const MAX_BRANCHES = 16;

const EMPTY: AuditBranch = { equals: [], anyOf: [] };

/** The criteria as statements whose answers together are the search's. */
export function auditBranches(criteria: AuditCriteria): AuditBranch[] {
  let branches: AuditBranch[] = [EMPTY];
  const { scope } = criteria;
  if (scope !== undefined) {
    const alternatives: AuditBranch[] = [
      ...scope.environments.map((environment): AuditBranch => ({
        ...EMPTY,
        equals: [['environment', environment]],
      })),
      ...(scope.streamIds.length === 0 ? [] : [streamsBranch(scope.streamIds)]),
    ];
    branches = alternatives.length <= MAX_BRANCHES ? alternatives : [{ ...EMPTY, scope }];
  }
  const lists: readonly (readonly [AuditColumn, readonly string[] | undefined])[] = [
    ['correlation_id', criteria.correlationId === undefined ? undefined : [criteria.correlationId]],
    ['stream_id', criteria.streamIds],
    ['actor_id', criteria.actorIds],
    ['type', criteria.types],
    ['stream_category', criteria.categories],
  ];
  for (const [column, values] of lists) {
    if (values === undefined) continue;
    const distinct = [...new Set(values)];
    if (distinct.length === 1 || branches.length * distinct.length <= MAX_BRANCHES)
      branches = branches.flatMap((branch) =>
        distinct.map((value) => ({ ...branch, equals: [...branch.equals, [column, value] as const] })),
      );
    else
      branches = branches.map((branch) => ({
        ...branch,
        anyOf: [...branch.anyOf, [column, distinct] as const],
      }));
  }
  return branches;
}

/**
 * A list of streams of one category (the users of a scope) also gets that category as an equality,
 * implied by the list: the statement walks the category's index in position order and checks the
 * list per row, instead of collecting every event of every listed stream to sort them.
 */
function streamsBranch(streamIds: readonly string[]): AuditBranch {
  if (streamIds.length === 1) return { ...EMPTY, equals: [['stream_id', streamIds[0]]] };
  const categories = new Set(streamIds.map(streamCategoryOf));
  return {
    equals: categories.size === 1 ? [['stream_category', [...categories][0]]] : [],
    anyOf: [['stream_id', streamIds]],
  };
}

/** The indexes whose every column a branch compares by equality: each could drive its statement. */
export const drivingIndexes = (branch: AuditBranch): AuditIndex[] =>
  AUDIT_INDEXES.filter((index) =>
    index.columns.every((column) => branch.equals.some(([name]) => name === column)),
  );

/** Positions strictly between `above` and `below`, where a statement's page is read. */
export type PositionWindow = Readonly<{ above?: number; below?: number }>;

/**
 * How much earlier than the event before it an event's recordedAt may be. recordedAt is read from
 * the clock when the append starts: it follows position order up to how long an append waits for the
 * log's lock (seconds) and how far the clocks of the instances sharing a log differ. A time bound
 * becomes a position bound through the recorded_at index, shifted by this much (see timeBounds).
 * Only a clock set back by more than this between two appends can hide events near a bound.
 */
export const RECORDED_AT_SKEW_MS = 5 * 60_000;

/** The statements that turn time bounds into position bounds: each one seek of the recorded_at index. */
export const TIME_BOUND_SQL = {
  /** The first event recorded at or after a time. */
  firstFrom:
    'SELECT global_position FROM events WHERE recorded_at >= ? ORDER BY recorded_at, global_position LIMIT 1',
  /** The last event recorded before a time. */
  lastBefore:
    'SELECT global_position FROM events WHERE recorded_at < ? ORDER BY recorded_at DESC, global_position DESC LIMIT 1',
} as const;

/** The four-digit years toISOString writes: 0000-01-01 up to 9999-12-31. */
const FIRST_ISO_TIME = -62_167_219_200_000;
const PAST_LAST_ISO_TIME = 253_402_300_800_000;

/** `iso` moved by `ms`, or undefined when that leaves the four-digit years recordedAt is written in. */
export function shiftedTime(iso: string, ms: number): string | undefined {
  const time = Date.parse(iso) + ms;
  return time >= FIRST_ISO_TIME && time < PAST_LAST_ISO_TIME ? new Date(time).toISOString() : undefined;
}

/**
 * The positions the events of [from, to) lie between. An event e recorded before `to` comes before
 * any event k recorded at or after `to` + skew: if k came first, e's recordedAt would be more than the
 * skew earlier than that of an event before it. So the first event recorded at or after `to` + skew
 * bounds them from above; likewise the last one recorded before `from` - skew from below. The exact
 * recorded_at condition still applies: the bounds only spare reading the rest of the log.
 */
export async function timeBounds(
  criteria: Pick<AuditCriteria, 'from' | 'to'>,
  positionOf: (sql: string, time: string) => Promise<number | undefined> | number | undefined,
): Promise<PositionWindow> {
  const upper = criteria.to === undefined ? undefined : shiftedTime(criteria.to, RECORDED_AT_SKEW_MS);
  const lower = criteria.from === undefined ? undefined : shiftedTime(criteria.from, -RECORDED_AT_SKEW_MS);
  const below = upper === undefined ? undefined : await positionOf(TIME_BOUND_SQL.firstFrom, upper);
  const above = lower === undefined ? undefined : await positionOf(TIME_BOUND_SQL.lastBefore, lower);
  return { ...(above === undefined ? {} : { above }), ...(below === undefined ? {} : { below }) };
}

/** The window of one page: the time bounds narrowed by the cursor; undefined when it holds no position. */
export function pageWindow(
  bounds: PositionWindow,
  page: Pick<AuditPageRequest, 'order' | 'after'>,
): PositionWindow | undefined {
  let { above, below } = bounds;
  if (page.after !== undefined) {
    if (page.order === 'desc') below = below === undefined ? page.after : Math.min(below, page.after);
    else above = above === undefined ? page.after : Math.max(above, page.after);
  }
  if (above !== undefined && below !== undefined && below - above <= 1) return undefined;
  return { ...(above === undefined ? {} : { above }), ...(below === undefined ? {} : { below }) };
}

export type AuditDialect = 'sqlite' | 'mysql';

export type AuditStatement = Readonly<{ sql: string; values: unknown[] }>;

/** In EventRow order (see stored-event.ts). */
export const AUDIT_EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';

/**
 * How a statement reads the table: through the index of one column, by position alone (the primary
 * key), or as the database plans it.
 */
export type AuditAccess =
  | Readonly<{ kind: 'index'; index: AuditIndex }>
  | Readonly<{ kind: 'position' }>
  | Readonly<{ kind: 'planned' }>;

type Parts = { where: string[]; values: unknown[] };

function filters(
  dialect: AuditDialect,
  branch: AuditBranch,
  criteria: Pick<AuditCriteria, 'from' | 'to'>,
  window: PositionWindow,
): Parts {
  const where: string[] = [];
  const values: unknown[] = [];
  // SQLite takes a list as one JSON array (a statement's text does not depend on its length and stays
  // prepared); mysql2 expands an array for `IN (?)`.
  const list = (column: string, items: readonly string[]) => {
    values.push(dialect === 'sqlite' ? JSON.stringify(items) : [...items]);
    return dialect === 'sqlite' ? `${column} IN (SELECT value FROM json_each(?))` : `${column} IN (?)`;
  };
  for (const [column, value] of branch.equals) {
    where.push(`${column} = ?`);
    values.push(value);
  }
  for (const [column, items] of branch.anyOf) where.push(list(column, items));
  if (branch.scope !== undefined) {
    const { environments, streamIds } = branch.scope;
    const either = [
      ...(environments.length > 0 ? [list('environment', environments)] : []),
      ...(streamIds.length > 0 ? [list('stream_id', streamIds)] : []),
    ];
    where.push(either.length === 0 ? '0 = 1' : `(${either.join(' OR ')})`);
  }
  if (criteria.from !== undefined) {
    where.push('recorded_at >= ?');
    values.push(criteria.from);
  }
  if (criteria.to !== undefined) {
    where.push('recorded_at < ?');
    values.push(criteria.to);
  }
  if (window.above !== undefined) {
    where.push('global_position > ?');
    values.push(window.above);
  }
  if (window.below !== undefined) {
    where.push('global_position < ?');
    values.push(window.below);
  }
  return { where, values };
}

const whereClause = (where: readonly string[]) => (where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`);

const indexName = (dialect: AuditDialect, index: AuditIndex) =>
  dialect === 'mysql' ? (index.mysqlName ?? index.name) : index.name;

/**
 * The table as `access` reads it. Neither database is left to choose between the audit indexes: SQLite
 * keeps no statistics per value, and MariaDB, whose estimates are good, still prefers an index that
 * saves a sort over one that saves reading (the ORDER BY ... LIMIT heuristic).
 */
function source(dialect: AuditDialect, access: AuditAccess): string {
  if (dialect === 'sqlite') {
    if (access.kind === 'index') return `events INDEXED BY ${access.index.name}`;
    return access.kind === 'position' ? 'events NOT INDEXED' : 'events';
  }
  if (access.kind === 'index') return `events FORCE INDEX (${indexName(dialect, access.index)})`;
  return access.kind === 'position'
    ? 'events FORCE INDEX (PRIMARY)'
    : `events IGNORE INDEX (${RECORDED_AT_INDEX})`;
}

/** One branch's page in `order`: at most `limit` + 1 events (the one more says whether a page follows). */
export function auditStatement(
  dialect: AuditDialect,
  branch: AuditBranch,
  criteria: Pick<AuditCriteria, 'from' | 'to'>,
  window: PositionWindow,
  page: Readonly<{ order: AuditOrder; limit: number }>,
  access: AuditAccess,
): AuditStatement {
  const { where, values } = filters(dialect, branch, criteria, window);
  return {
    sql:
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${source(dialect, access)}${whereClause(where)} ` +
      `ORDER BY global_position ${page.order === 'desc' ? 'DESC' : 'ASC'} LIMIT ?`,
    values: [...values, page.limit + 1],
  };
}

/**
 * How many entries of `index` for the branch's values lie in the window, counted up to `cap`: a
 * bounded look into the index (SQLite keeps no statistics per value), to drive a statement by the
 * index that holds the fewest.
 */
export function probeStatement(
  dialect: AuditDialect,
  index: AuditIndex,
  branch: AuditBranch,
  window: PositionWindow,
  cap: number,
): AuditStatement {
  const where: string[] = [];
  const values: unknown[] = [];
  for (const column of index.columns) {
    where.push(`${column} = ?`);
    values.push(branch.equals.find(([name]) => name === column)?.[1]);
  }
  if (window.above !== undefined) {
    where.push('global_position > ?');
    values.push(window.above);
  }
  if (window.below !== undefined) {
    where.push('global_position < ?');
    values.push(window.below);
  }
  const hint = dialect === 'sqlite' ? 'INDEXED BY' : 'FORCE INDEX';
  return {
    sql:
      `SELECT count(*) AS found FROM (SELECT 1 FROM events ${hint} ${dialect === 'sqlite' ? index.name : `(${indexName(dialect, index)})`}` +
      `${whereClause(where)} LIMIT ?) AS probe`,
    values: [...values, cap],
  };
}

/** Index entries a probe counts at most: enough to tell a rare value from a common one, in about a millisecond. */
export const PROBE_CAP = 5_000;

/**
 * How a branch is read: a stream's own key is the best access to it, and lists left unsplit are
 * planned by the database; otherwise the index of the branch's equalities that holds the fewest
 * entries in the window (`count` answers a probeStatement), or the position alone when none applies.
 */
export async function chooseAccess(
  dialect: AuditDialect,
  branch: AuditBranch,
  window: PositionWindow,
  count: (probe: AuditStatement) => Promise<number> | number,
): Promise<AuditAccess> {
  if (branch.equals.some(([column]) => column === 'stream_id')) return { kind: 'planned' };
  const candidates = drivingIndexes(branch);
  if (candidates.length === 0)
    return branch.anyOf.length > 0 || branch.scope !== undefined ? { kind: 'planned' } : { kind: 'position' };
  let best = candidates[0];
  if (candidates.length > 1) {
    let fewest = Number.POSITIVE_INFINITY;
    for (const index of candidates) {
      const found = await count(probeStatement(dialect, index, branch, window, PROBE_CAP));
      if (found < fewest) [best, fewest] = [index, found];
    }
  }
  return { kind: 'index', index: best };
}

export type MergedPage = Readonly<{ rows: EventRow[]; next?: number }>;

/**
 * The page of a search from its branches' pages (each in order, each at most `limit` + 1 long):
 * their first `limit` rows in order, without repeats, and whether more follow. A branch that
 * answered `limit` + 1 rows has more; so has the merge when it holds more than `limit` rows.
 */
export function mergeBranchPages(
  pages: readonly (readonly EventRow[])[],
  page: Pick<AuditPageRequest, 'order' | 'limit'>,
): MergedPage {
  const rows =
    pages.length === 1
      ? [...pages[0]]
      : dedupe(pages.flat().sort(page.order === 'desc' ? newestFirst : oldestFirst));
  if (rows.length <= page.limit) return { rows };
  rows.length = page.limit;
  return { rows, next: Number(rows[page.limit - 1][0]) };
}

const newestFirst = (a: EventRow, b: EventRow) => Number(b[0]) - Number(a[0]);
const oldestFirst = (a: EventRow, b: EventRow) => Number(a[0]) - Number(b[0]);

function dedupe(sorted: EventRow[]): EventRow[] {
  return sorted.filter((row, index) => index === 0 || Number(sorted[index - 1][0]) !== Number(row[0]));
}
