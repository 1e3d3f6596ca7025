import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Pool } from 'mysql2/promise';
import { type NewEvent } from '../apps/api/src/infrastructure/event-store/event-store.port';
import { MysqlEventStore } from '../apps/api/src/infrastructure/event-store/mysql/mysql-event-store';
import { CREATE_TABLES } from '../apps/api/src/infrastructure/event-store/mysql/mysql-event-store.schema';
import { addMysqlAuditColumns } from '../apps/api/src/infrastructure/event-store/mysql/mysql-audit-schema';
import { openProductPool } from '../apps/api/src/infrastructure/mysql/mysql-pool';
import { type MysqlServer } from '../apps/api/src/infrastructure/mysql/mysql-server-url';
import {
  DEFAULT_PROJECTION_BATCH_SIZE,
  ProjectionRunner,
} from '../apps/api/src/infrastructure/read-model/projection-runner';
import { ThreadReadModelWriter } from '../apps/api/src/infrastructure/read-model/read-model-writer';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { APP_VIEWS } from '../apps/api/src/app.views';
import { createReadModelOrm, openReadModelDatabase } from '../apps/api/src/read-model';
import { type SampleAppend, sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { mysqlTarget, withDatabase } from './lib/mariadb';
import { benchEvent } from './lib/bench-event';
import { report, reportRatio } from './lib/report';

const ROUNDS = 3;
const SINGLE_APPENDS = 3_000;
const SINGLE_STREAMS = 200;
const BATCH_EVENTS = 50_000;
const BATCH_SIZE = 100;
const BATCH_STREAMS = 100;
const APPEND_TARGET = 0.7;
/** The audit chain may make an append at most 15% slower than the same append without it. */
const CHAIN_TARGET = 0.85;
/** About 200k events: the catch-up from the server is measured on a log of this size. */
const CATCH_UP_INTEGRATIONS = Number(process.env.BENCH_MYSQL_CATCH_UP_INTEGRATIONS ?? 14_000);
const CATCH_UP_TARGET = 50_000;

/** The columns of an event before the audit chain (its rows here carry no link). */
const UNCHAINED_COLUMNS =
  'global_position, event_id, stream_id, stream_version, previous_version, type, schema_version, data, metadata, recorded_at';
const INSERT_ROWS = `INSERT INTO events (${UNCHAINED_COLUMNS}) VALUES ?`;

type Round = Readonly<{ perSecond: number; cpuMicrosPerEvent: number }>;

async function timedEvents(events: number, work: () => Promise<void>): Promise<Round> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { perSecond: events / seconds, cpuMicrosPerEvent: (user + system) / events };
}

const serverFor = (database: string): MysqlServer => ({ ...mysqlTarget(), database });

/** Our appends, one call per batch, round-robin over the streams with their expected versions. */
async function ourAppends(database: string, batches: readonly NewEvent[][], streams: number): Promise<Round> {
  const store = new MysqlEventStore({ server: serverFor(database) });
  try {
    await store.open();
    const prefix = uuidv7();
    const versions = new Array<number>(streams).fill(-1);
    const events = batches.reduce((sum, batch) => sum + batch.length, 0);
    return await timedEvents(events, async () => {
      for (const [index, batch] of batches.entries()) {
        const stream = index % streams;
        const result = await store.append(`integration-${prefix}-${stream}`, batch, {
          expectedVersion: versions[stream],
        });
        versions[stream] = result.nextExpectedVersion;
      }
    });
  } finally {
    await store.close();
  }
}

/**
 * The floor: mysql2 alone inserting the same rows into the same table, one INSERT statement per batch
 * in autocommit (the server checks the same keys), with versions and positions known to the loop.
 */
async function rawInserts(database: string, batches: readonly NewEvent[][], streams: number): Promise<Round> {
  const pool: Pool = openProductPool(serverFor(database), { connectionLimit: 1 });
  try {
    for (const statement of CREATE_TABLES) await pool.query(statement);
    const [[{ head }]] = (await pool.query(
      'SELECT COALESCE(MAX(global_position), 0) AS head FROM events',
    )) as unknown as [{ head: number }[]];
    let position = Number(head);
    const prefix = uuidv7();
    const versions = new Array<number>(streams).fill(-1);
    const events = batches.reduce((sum, batch) => sum + batch.length, 0);
    const round = await timedEvents(events, async () => {
      for (const [index, batch] of batches.entries()) {
        const stream = index % streams;
        const rows = batch.map((event) => [
          ++position,
          event.eventId,
          `raw-${prefix}-${stream}`,
          ++versions[stream],
          versions[stream] === 0 ? null : versions[stream] - 1,
          event.type,
          event.schemaVersion ?? 1,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          new Date().toISOString(),
        ]);
        await pool.query(INSERT_ROWS, [rows]);
      }
    });
    await pool.query('UPDATE events_head SET position = ? WHERE id = 1', [position]);
    return round;
  } finally {
    await pool.end();
  }
}

/** The log as it was before the audit chain: no link columns, the same audit columns and indexes. */
const UNCHAINED_TABLES = CREATE_TABLES.map((statement) =>
  statement.replace(/\n\s*previous_position\s+BIGINT UNSIGNED NULL,\n\s*hash\s+CHAR\(64\)[^\n]*NULL,/, ''),
);

/**
 * Our append as it was before the audit chain, one round trip per append: the head row's lock and
 * reservation, the rows at the expected versions, no link read, computed or kept, into a log of the
 * shape it had then (in a database of its own). Against ourAppends, what the chain costs an append.
 */
async function unchainedAppends(
  database: string,
  batches: readonly NewEvent[][],
  streams: number,
): Promise<Round> {
  const pool: Pool = openProductPool(serverFor(database), { connectionLimit: 1 });
  try {
    for (const statement of UNCHAINED_TABLES) await pool.query(statement);
    await addMysqlAuditColumns(pool);
    const prefix = uuidv7();
    const versions = new Array<number>(streams).fill(-1);
    const events = batches.reduce((sum, batch) => sum + batch.length, 0);
    return await timedEvents(events, async () => {
      for (const [index, batch] of batches.entries()) {
        const stream = index % streams;
        const count = batch.length;
        const rows = batch
          .map((_, row) => `(LAST_INSERT_ID() - ${count - 1 - row}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .join(', ');
        const values = batch.flatMap((event) => {
          const version = ++versions[stream];
          return [
            event.eventId,
            `unchained-${prefix}-${stream}`,
            version,
            version === 0 ? null : version - 1,
            event.type,
            event.schemaVersion ?? 1,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            new Date().toISOString(),
          ];
        });
        await pool.query(
          [
            'START TRANSACTION',
            `UPDATE events_head SET position = LAST_INSERT_ID(position + ${count}) WHERE id = 1`,
            `INSERT INTO events (${UNCHAINED_COLUMNS}) VALUES ${rows}`,
            'COMMIT',
          ].join(';\n'),
          values,
        );
      }
    });
  } finally {
    await pool.end();
  }
}

/** Contenders take turns within each round; the best round of each counts. */
async function alternate(
  databases: Readonly<{ chained: string; unchained: string }>,
  batches: () => NewEvent[][],
  streams: number,
): Promise<{ ours: Round[]; raw: Round[]; unchained: Round[] }> {
  const ours: Round[] = [];
  const raw: Round[] = [];
  const unchained: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await ourAppends(databases.chained, batches(), streams));
    raw.push(await rawInserts(databases.chained, batches(), streams));
    unchained.push(await unchainedAppends(databases.unchained, batches(), streams));
  }
  const byRate = (a: Round, b: Round) => b.perSecond - a.perSecond;
  return { ours: ours.sort(byRate), raw: raw.sort(byRate), unchained: unchained.sort(byRate) };
}

const spread = (rounds: readonly Round[]) =>
  `best of ${rounds.map((round) => Math.round(round.perSecond)).join(' / ')}, ${rounds[0].cpuMicrosPerEvent.toFixed(1)}µs cpu/event`;

/**
 * The rows append() would have written, one command after the other, in large INSERTs: filling the
 * log through append(), a commit per command, takes minutes that no figure here measures.
 */
async function writeSampleLogToServer(database: string, appends: readonly SampleAppend[]): Promise<void> {
  const pool = openProductPool(serverFor(database), { connectionLimit: 1 });
  try {
    const versions = new Map<string, number>();
    const recordedAt = '2025-01-01T00:00:00.000Z';
    let position = 0;
    let rows: unknown[][] = [];
    const flush = async () => {
      if (rows.length > 0) await pool.query(INSERT_ROWS, [rows]);
      rows = [];
    };
    for (const { streamId, events } of appends) {
      let version = versions.get(streamId) ?? -1;
      for (const event of events) {
        rows.push([
          ++position,
          event.eventId,
          streamId,
          ++version,
          version === 0 ? null : version - 1,
          event.type,
          event.schemaVersion ?? 1,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        ]);
        if (rows.length === 2_000) await flush();
      }
      versions.set(streamId, version);
    }
    await flush();
    await pool.query('UPDATE events_head SET position = ? WHERE id = 1', [position]);
  } finally {
    await pool.end();
  }
}

/** Every view caught up from nothing on a log stored in MariaDB, as an instance does on a new read model. */
async function catchUpFromServer(
  database: string,
): Promise<{ events: number; rounds: Round[]; intoServer: Round }> {
  const store = new MysqlEventStore({ server: serverFor(database) });
  const folder = mkdtempSync(join(tmpdir(), 'ib-mysql-catch-up-'));
  try {
    await store.open();
    await writeSampleLogToServer(database, sampleHistory({ integrations: CATCH_UP_INTEGRATIONS }));
    const head = await store.headPosition();
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(folder, `read-model-${round}.db`);
      const orm = await createReadModelOrm({ file, views: APP_VIEWS });
      const writer = new ThreadReadModelWriter(file);
      const runner = new ProjectionRunner(store, orm, { views: APP_VIEWS, writer });
      try {
        rounds.push(
          await timedEvents(head, async () => {
            await runner.start();
            if (!(await runner.waitFor(head, 600_000))) throw new Error(`Views did not reach ${head}`);
          }),
        );
        await runner.stop();
      } finally {
        await writer.close();
        await orm.close();
      }
    }
    const intoServer = await withDatabase('ib_read_model_bench', async (readModel) => {
      const database = await openReadModelDatabase({ server: serverFor(readModel) }, APP_VIEWS);
      const runner = new ProjectionRunner(store, database.orm, {
        views: APP_VIEWS,
        writer: database.writer,
        reader: database.runnerReader,
      });
      try {
        const timing = await timedEvents(head, async () => {
          await runner.start();
          if (!(await runner.waitFor(head, 600_000))) throw new Error(`Views did not reach ${head}`);
        });
        await runner.stop();
        return timing;
      } finally {
        await database.close();
      }
    });
    return { events: head, rounds: rounds.sort((a, b) => b.perSecond - a.perSecond), intoServer };
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Single appends and appends of 100: ours, the raw INSERT floor and the unchained append, in turns. */
async function appendRounds(databases: Readonly<{ chained: string; unchained: string }>): Promise<void> {
  const single = await alternate(
    databases,
    () => Array.from({ length: SINGLE_APPENDS }, (_, index) => [benchEvent(index)]),
    SINGLE_STREAMS,
  );
  report(
    'mysql-event-store.append.single.baseline',
    single.raw[0].perSecond,
    'inserts/s',
    `mysql2, one INSERT per row, autocommit, ${spread(single.raw)}`,
  );
  report(
    'mysql-event-store.append.single',
    single.ours[0].perSecond,
    'appends/s',
    `${SINGLE_APPENDS} appends over ${SINGLE_STREAMS} streams, ${spread(single.ours)}`,
  );
  reportRatio(
    'mysql-event-store.append.single.ratio',
    single.ours[0].perSecond,
    single.raw[0].perSecond,
    APPEND_TARGET,
  );
  report(
    'mysql-event-store.append.single.unchained',
    single.unchained[0].perSecond,
    'appends/s',
    `the same appends without the audit chain, ${spread(single.unchained)}`,
  );
  reportRatio(
    'mysql-event-store.append.single.chain-cost',
    single.ours[0].perSecond,
    single.unchained[0].perSecond,
    CHAIN_TARGET,
  );

  const batched = await alternate(
    databases,
    () =>
      Array.from({ length: BATCH_EVENTS / BATCH_SIZE }, (_, batch) =>
        Array.from({ length: BATCH_SIZE }, (_, index) => benchEvent(batch * BATCH_SIZE + index)),
      ),
    BATCH_STREAMS,
  );
  report(
    'mysql-event-store.append.batch100.baseline',
    batched.raw[0].perSecond,
    'events/s',
    `mysql2, one INSERT of ${BATCH_SIZE} rows, ${spread(batched.raw)}`,
  );
  report(
    'mysql-event-store.append.batch100',
    batched.ours[0].perSecond,
    'events/s',
    `${BATCH_EVENTS} events in appends of ${BATCH_SIZE}, ${spread(batched.ours)}`,
  );
  reportRatio(
    'mysql-event-store.append.batch100.ratio',
    batched.ours[0].perSecond,
    batched.raw[0].perSecond,
    APPEND_TARGET,
  );
  reportRatio(
    'mysql-event-store.append.batch100.chain-cost',
    batched.ours[0].perSecond,
    batched.unchained[0].perSecond,
    CHAIN_TARGET,
  );
}

export async function runMysqlEventStoreBench(): Promise<void> {
  await withDatabase('ib_event_store_bench', (chained) =>
    withDatabase('ib_unchained_bench', (unchained) => appendRounds({ chained, unchained })),
  );
  await withDatabase('ib_catch_up_bench', async (database) => {
    const { events, rounds, intoServer } = await catchUpFromServer(database);
    const verdict = rounds[0].perSecond >= CATCH_UP_TARGET ? 'met' : 'MISSED';
    report(
      'mysql-event-store.catch-up',
      rounds[0].perSecond,
      'events/s',
      `${events} events read from MariaDB into all ${APP_VIEWS.length} views, batches of ${DEFAULT_PROJECTION_BATCH_SIZE}, ` +
        `${spread(rounds)}, target >= ${CATCH_UP_TARGET} ${verdict}`,
    );
    report(
      'mysql-event-store.catch-up.mysql-read-model',
      intoServer.perSecond,
      'events/s',
      `the same events into all ${APP_VIEWS.length} views in a MariaDB read model (DATABASE_URL), one round, ` +
        `${intoServer.cpuMicrosPerEvent.toFixed(1)}µs cpu/event in this process`,
    );
  });
}

if (require.main === module) {
  runMysqlEventStoreBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
