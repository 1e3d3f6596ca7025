import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditQuery,
} from '../apps/api/src/infrastructure/event-store/audit-query/audit-query.port';
import { MysqlEventStore } from '../apps/api/src/infrastructure/event-store/mysql/mysql-event-store';
import { INSERTED_COLUMNS } from '../apps/api/src/infrastructure/event-store/mysql/mysql-event-store.schema';
import { chainLinker } from './lib/chain-links';
import { openEventsDatabase } from '../apps/api/src/infrastructure/event-store/sqlite-event-store.schema';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { auditExportChunks } from '../apps/api/src/audit';
import { type AuditLogFacts, type AuditLogRow, auditLog } from './lib/audit-log';
import { openProductPool } from '../apps/api/src/infrastructure/mysql/mysql-pool';
import { mysqlTarget, withDatabase } from './lib/mariadb';
import { report } from './lib/report';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const MYSQL_EVENTS = Number(process.env.BENCH_AUDIT_MYSQL_EVENTS ?? EVENTS);
const REPEATS = 40;
const PAGE = 50;
const DEEP_PAGES = 100;
const EXPORT_PAGE = 1_000;
const QUERY_TARGET_MS = 100;
const EXPORT_TARGET = 100_000;
const ROWS_PER_TRANSACTION = 20_000;

/** One kind of search: its criteria for the i-th run (values vary between runs), and the order. */
type QueryCase = Readonly<{
  name: string;
  criteria: (run: number) => AuditCriteria;
  order?: AuditOrder;
  /** Start after this position (a cursor deep in the log) instead of at the newest / oldest event. */
  after?: (run: number) => number;
}>;

const at = <T>(items: readonly T[], run: number) => items[run % items.length];
const streams = (facts: AuditLogFacts, category: string) => facts.streamsByCategory.get(category) ?? [];
const timeAt = (facts: AuditLogFacts, fraction: number) => {
  const first = Date.parse(facts.firstRecordedAt);
  return new Date(first + (Date.parse(facts.lastRecordedAt) - first) * fraction).toISOString();
};

/** The searches of the audit page and of the benchmark the issue names. */
function queryCases(facts: AuditLogFacts): QueryCase[] {
  const { actors, correlationIds } = facts;
  const busy = actors.slice(0, 5);
  const rare = actors.slice(-50);
  /** An auditor's scope; the users' streams only when the filter may match user events (as AuditCriteriaBuilder does). */
  const auditorOf = (environment: string, users = true): AuditCriteria => ({
    scope: {
      environments: [environment],
      streamIds: users ? (facts.userStreamsByEnvironment.get(environment) ?? []) : [],
    },
  });
  const deep = (run: number) => Math.floor(facts.events * (0.1 + (run % 8) / 10));
  return [
    { name: 'everything', criteria: () => ({}) },
    { name: 'actor.busy', criteria: (run) => ({ actorIds: [at(busy, run)] }) },
    { name: 'actor.rare', criteria: (run) => ({ actorIds: [at(rare, run)] }) },
    { name: 'actor.system', criteria: () => ({ actorIds: ['system'] }) },
    { name: 'type.common', criteria: () => ({ types: ['IntegrationTablesAdded'] }) },
    { name: 'type.rare', criteria: () => ({ types: ['DependencyUpdateInstalled'] }) },
    {
      name: 'type.three',
      criteria: () => ({ types: ['ApiKeyCreated', 'ApiKeyRevoked', 'ConnectionCreated'] }),
    },
    { name: 'stream', criteria: (run) => ({ streamIds: [at(streams(facts, 'integration'), run * 7919)] }) },
    { name: 'aggregate.category', criteria: () => ({ categories: ['integration-deployments'] }) },
    {
      name: 'aggregate.two-categories',
      criteria: () => ({ categories: ['publication', 'integration-publications'] }),
    },
    { name: 'environment.qa', criteria: () => auditorOf('qa') },
    {
      name: 'auditor.two-environments',
      criteria: () => ({
        scope: {
          environments: ['qa', 'production'],
          streamIds: [
            ...(facts.userStreamsByEnvironment.get('qa') ?? []),
            ...(facts.userStreamsByEnvironment.get('production') ?? []),
          ],
        },
      }),
    },
    { name: 'correlationId', criteria: (run) => ({ correlationId: at(correlationIds, run * 31) }) },
    { name: 'time.recent-hour', criteria: () => ({ from: timeAt(facts, 0.999) }) },
    {
      name: 'time.old-day',
      criteria: (run) => ({ from: timeAt(facts, 0.05 + run / 1000), to: timeAt(facts, 0.06 + run / 1000) }),
    },
    { name: 'time.first-half', criteria: () => ({ to: timeAt(facts, 0.5) }) },
    {
      name: 'combined.env+user-type',
      criteria: () => ({ ...auditorOf('qa'), types: ['UserRolesChanged'] }),
    },
    {
      name: 'combined.env+type+actor',
      criteria: (run) => ({
        ...auditorOf('development', false),
        types: ['IntegrationTablesAdded'],
        actorIds: [at(busy, run)],
      }),
    },
    {
      name: 'combined.type+time',
      criteria: (run) => ({
        types: ['ConnectionRequested'],
        from: timeAt(facts, 0.2 + run / 100),
        to: timeAt(facts, 0.3 + run / 100),
      }),
    },
    {
      name: 'combined.actor+category',
      criteria: (run) => ({ actorIds: [at(busy, run)], categories: ['connection-request'] }),
    },
    { name: 'asc.everything', criteria: () => ({}), order: 'asc' },
    { name: 'asc.actor.rare', criteria: (run) => ({ actorIds: [at(rare, run)] }), order: 'asc' },
    { name: 'asc.type.common', criteria: () => ({ types: ['IntegrationTablesAdded'] }), order: 'asc' },
    { name: 'asc.environment.qa', criteria: () => auditorOf('qa'), order: 'asc' },
    { name: 'deep.everything', criteria: () => ({}), after: deep },
    { name: 'deep.actor.busy', criteria: (run) => ({ actorIds: [at(busy, run)] }), after: deep },
    { name: 'deep.type.common', criteria: () => ({ types: ['IntegrationTablesAdded'] }), after: deep },
    { name: 'deep.environment.qa', criteria: () => auditorOf('qa'), after: deep },
    {
      name: 'deep.asc.actor.rare',
      criteria: (run) => ({ actorIds: [at(rare, run)] }),
      order: 'asc',
      after: deep,
    },
  ];
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** p50/p95 of each case over REPEATS runs, and of DEEP_PAGES pages followed through the cursor. */
async function measureQueries(store: string, query: AuditQuery, facts: AuditLogFacts): Promise<number> {
  let worst = 0;
  const cases = queryCases(facts);
  for (const { name, criteria, order = 'desc', after } of cases) {
    const times: number[] = [];
    let found = 0;
    // One unmeasured run: the first statement of a shape is prepared then.
    await query.search(criteria(0), { order, limit: PAGE, after: after?.(0) });
    for (let run = 0; run < REPEATS; run++) {
      const started = performance.now();
      const page = await query.search(criteria(run), { order, limit: PAGE, after: after?.(run) });
      times.push(performance.now() - started);
      found += page.events.length;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    worst = Math.max(worst, p95);
    report(
      `audit.${store}.query.${name}`,
      p95,
      'ms p95',
      `p50 ${percentile(times, 0.5).toFixed(2)}ms, ${(found / REPEATS).toFixed(0)} events/page`,
    );
  }
  // Paging to the end of a long answer: every page through the cursor of the one before.
  for (const [name, criteria, order] of [
    ['paging.actor.busy', { actorIds: [facts.actors[0]] }, 'desc'],
    ['paging.environment.qa', { scope: { environments: ['qa'], streamIds: [] } }, 'asc'],
  ] as const) {
    const times: number[] = [];
    let after: number | undefined;
    for (let page = 0; page < DEEP_PAGES; page++) {
      const started = performance.now();
      const answer = await query.search(criteria, { order, limit: PAGE, after });
      times.push(performance.now() - started);
      if (answer.next === undefined) break;
      after = answer.next;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    worst = Math.max(worst, p95);
    report(
      `audit.${store}.query.${name}`,
      p95,
      'ms p95',
      `p50 ${percentile(times, 0.5).toFixed(2)}ms over ${times.length} pages of ${PAGE}`,
    );
  }
  report(
    `audit.${store}.query.worst`,
    worst,
    'ms p95',
    `target < ${QUERY_TARGET_MS}ms ${worst < QUERY_TARGET_MS ? 'met' : 'MISSED'}`,
  );
  return worst;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}MB`;

/**
 * The whole log through the export's formatting, newest first, into a sink that takes its time like a
 * socket. Memory is sampled every 100,000 events: flat memory means the samples after the first stay
 * within a narrow band however many events follow (the first pages grow the heap to its working size).
 */
async function measureExport(store: string, query: AuditQuery, format: 'ndjson' | 'csv'): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const samples: number[] = [];
  /** The live heap after a collection (with --expose-gc): what the export holds, apart from garbage. */
  const heaps: number[] = [];
  let events = 0;
  let bytes = 0;
  const started = performance.now();
  const usernames = new Map<string, string>();
  const chunks = auditExportChunks(query.pages({}, 'desc', EXPORT_PAGE), format, async (ids) => {
    for (const id of ids) usernames.set(id, id === 'system' ? id : `user-${id.slice(0, 8)}`);
    return usernames;
  });
  let nextSample = 100_000;
  for await (const chunk of chunks) {
    bytes += chunk.text.length;
    events += chunk.events;
    if (events >= nextSample) {
      samples.push(process.memoryUsage().rss);
      if (global.gc) {
        global.gc();
        heaps.push(process.memoryUsage().heapUsed);
      }
      nextSample += 100_000;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const after = process.memoryUsage().rss;
  const steady = samples.slice(1);
  const band =
    steady.length === 0
      ? 'too few events to sample'
      : `after the first 100k events rss stays within ${mb(Math.min(...steady))}-${mb(Math.max(...steady))}` +
        (heaps.length > 1
          ? `, live heap after GC ${heaps.map(mb).join(' ')}`
          : ' (run with --expose-gc for the live heap)');
  report(
    `audit.${store}.export.${format}`,
    events / seconds,
    'events/s',
    `${events} events, ${mb(bytes)} in ${seconds.toFixed(1)}s; rss ${mb(before)} before, ${mb(Math.max(before, ...samples))} peak, ${mb(after)} after, ${band}; target >= ${EXPORT_TARGET} ${events / seconds >= EXPORT_TARGET ? 'met' : 'MISSED'}`,
  );
}

/** Rows as append() writes them (stream versions in order), in large transactions: filling is not measured. */
function fillSqlite(file: string, rows: Iterable<AuditLogRow>): number {
  const { db, statements } = openEventsDatabase(file, 5_000);
  const versions = new Map<string, number>();
  const links = chainLinker();
  let written = 0;
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const row of rows) {
      const version = (versions.get(row.streamId) ?? -1) + 1;
      versions.set(row.streamId, version);
      const fields = [
        row.eventId,
        row.streamId,
        version,
        row.type,
        1,
        row.data,
        row.metadata,
        row.recordedAt,
      ] as const;
      statements.insert.run(...links.next(fields), ...fields);
      if (++written % ROWS_PER_TRANSACTION === 0) db.exec('COMMIT; BEGIN IMMEDIATE');
    }
    db.exec('COMMIT');
    return written;
  } finally {
    db.close();
  }
}

async function runSqlite(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-audit-bench-'));
  try {
    const file = join(folder, 'events.sqlite');
    const log = auditLog(EVENTS);
    const started = performance.now();
    const written = fillSqlite(file, log.rows);
    report(
      'audit.sqlite.fill',
      written / ((performance.now() - started) / 1000),
      'events/s',
      `${written} events with the audit indexes`,
    );
    const store = new SqliteEventStore({ file });
    try {
      const query = store.auditQuery();
      await measureQueries('sqlite', query, log.facts);
      await measureExport('sqlite', query, 'ndjson');
      await measureExport('sqlite', query, 'csv');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const INSERT_BATCH = 2_000;

/** Rows as append() writes them, many per INSERT on a pool of its own: filling is not measured. */
async function fillMysql(database: string, rows: Iterable<AuditLogRow>): Promise<number> {
  const pool = openProductPool({ ...mysqlTarget(), database }, { connectionLimit: 1 });
  try {
    const versions = new Map<string, number>();
    const links = chainLinker();
    let batch: unknown[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await pool.query(`INSERT INTO events (${INSERTED_COLUMNS}) VALUES ?`, [batch]);
      batch = [];
    };
    for (const row of rows) {
      const version = (versions.get(row.streamId) ?? -1) + 1;
      versions.set(row.streamId, version);
      const [position, previous, hash] = links.next([
        row.eventId,
        row.streamId,
        version,
        row.type,
        1,
        row.data,
        row.metadata,
        row.recordedAt,
      ]);
      batch.push([
        position,
        previous,
        hash,
        row.eventId,
        row.streamId,
        version,
        version === 0 ? null : version - 1,
        row.type,
        1,
        row.data,
        row.metadata,
        row.recordedAt,
      ]);
      if (batch.length === INSERT_BATCH) await flush();
    }
    await flush();
    const [position, , hash] = links.last();
    await pool.query('UPDATE events_head SET position = ?, last_position = ?, hash = ? WHERE id = 1', [
      position,
      position,
      hash,
    ]);
    await pool.query('ANALYZE TABLE events');
    return position;
  } finally {
    await pool.end();
  }
}

async function runMysql(): Promise<void> {
  await withDatabase('audit_bench', async (database) => {
    const store = new MysqlEventStore({ server: { ...mysqlTarget(), database } });
    try {
      await store.open();
      const log = auditLog(MYSQL_EVENTS);
      const started = performance.now();
      const written = await fillMysql(database, log.rows);
      report(
        'audit.mysql.fill',
        written / ((performance.now() - started) / 1000),
        'events/s',
        `${written} events with the audit indexes`,
      );
      const query = store.auditQuery();
      await measureQueries('mysql', query, log.facts);
      await measureExport('mysql', query, 'ndjson');
    } finally {
      await store.close();
    }
  });
}

/** SQLite, and MariaDB/MySQL when MYSQL_URL names a server; BENCH_AUDIT_STORES=mysql (or sqlite) runs one. */
export async function runAuditQueryBench(): Promise<void> {
  const stores = (process.env.BENCH_AUDIT_STORES ?? 'sqlite,mysql').split(',');
  if (stores.includes('sqlite')) await runSqlite();
  if (stores.includes('mysql') && process.env.MYSQL_URL) await runMysql();
}

if (require.main === module) {
  runAuditQueryBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
