import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { type NewEvent } from '../apps/api/src/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { ChainExtension } from '../apps/api/src/infrastructure/audit-chain/chain-link';
import { digestOfAppended } from '../apps/api/src/infrastructure/event-store/chained-event';
import { encodeEvent } from '../apps/api/src/infrastructure/event-store/append-outcome';
import {
  CREATE_EVENTS,
  DURABILITY_PRAGMAS,
  SQL,
} from '../apps/api/src/infrastructure/event-store/sqlite-event-store.schema';
import { addSqliteAuditColumns } from '../apps/api/src/infrastructure/event-store/audit-query/sqlite-audit-schema';
import { benchEvent } from './lib/bench-event';
import { report, reportRatio } from './lib/report';

const ROUNDS = 3;
/** Single appends and their baseline alternate, so both meet the same machine state. */
const SINGLE_ROUNDS = 5;
const SINGLE_TARGET = 0.75;
/** The audit chain may make an append at most 15% slower than the same append without it. */
const CHAIN_TARGET = 0.85;
const SINGLE_APPENDS = 20_000;
const SINGLE_STREAMS = 500;
const BATCH_EVENTS = 200_000;
const BATCH_SIZE = 100;
const BATCH_STREAMS = 100;

/** Events per second (= appends per second when each append carries one event). */
type Round = { perSecond: number; cpuMicrosPerEvent: number; latenciesMs: Float64Array };

/** Appends every batch (one append call each) round-robin over the streams, with expected versions. */
async function appendRound(file: string, batches: readonly NewEvent[][], streams: number): Promise<Round> {
  const store = new SqliteEventStore({ file });
  const versions = new Array<number>(streams).fill(-1);
  const latenciesMs = new Float64Array(batches.length);
  await store.headPosition();

  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [index, batch] of batches.entries()) {
    const stream = index % streams;
    const before = performance.now();
    const result = await store.append(`integration-${stream}`, batch, { expectedVersion: versions[stream] });
    latenciesMs[index] = performance.now() - before;
    versions[stream] = result.nextExpectedVersion;
  }
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);

  // A figure is only worth printing if every event landed, gapless.
  const events = batches.reduce((sum, batch) => sum + batch.length, 0);
  const head = await store.headPosition();
  if (head !== events) throw new Error(`Expected ${events} events, the head is at ${head}`);
  await store.close();
  return { perSecond: events / seconds, cpuMicrosPerEvent: (user + system) / events, latenciesMs };
}

/** The INSERT of an event as the store wrote it before the audit chain: no link, no previous position. */
const UNCHAINED_INSERT = `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The floor under single appends: node:sqlite alone, on the store's table, indexes and durability
 * pragmas, one prepared INSERT per event (without the chain), each its own (autocommit) transaction,
 * with the versions known to the loop and the positions assigned by SQLite.
 */
function rawInsertRound(file: string, batches: readonly NewEvent[][], streams: number): Round {
  const db = new DatabaseSync(file);
  for (const pragma of DURABILITY_PRAGMAS) db.exec(pragma);
  db.exec(CREATE_EVENTS);
  // The store maintains the audit search's indexes on every append: so does the floor.
  addSqliteAuditColumns(db);
  const insert = db.prepare(UNCHAINED_INSERT);
  const versions = new Array<number>(streams).fill(-1);
  const latenciesMs = new Float64Array(batches.length);
  let events = 0;

  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [index, batch] of batches.entries()) {
    const stream = index % streams;
    const before = performance.now();
    for (const event of batch) {
      insert.run(
        event.eventId,
        `integration-${stream}`,
        ++versions[stream],
        event.type,
        event.schemaVersion ?? 1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date().toISOString(),
      );
      events++;
    }
    latenciesMs[index] = performance.now() - before;
  }
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  db.close();
  return { perSecond: events / seconds, cpuMicrosPerEvent: (user + system) / events, latenciesMs };
}

/**
 * The same floor with the audit chain, as the store chains: the position after the last event known,
 * its link computed from the previous link and the digest of the event's fields, given to the INSERT.
 * Against rawInsertRound, what the chain costs an append.
 */
function rawChainedInsertRound(file: string, batches: readonly NewEvent[][], streams: number): Round {
  const db = new DatabaseSync(file);
  for (const pragma of DURABILITY_PRAGMAS) db.exec(pragma);
  db.exec(CREATE_EVENTS);
  addSqliteAuditColumns(db);
  const insert = db.prepare(SQL.insert);
  const versions = new Array<number>(streams).fill(-1);
  const latenciesMs = new Float64Array(batches.length);
  let events = 0;
  const chain = new ChainExtension();

  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [index, batch] of batches.entries()) {
    const stream = index % streams;
    const before = performance.now();
    for (const event of batch) {
      const encoded = encodeEvent(event);
      const [eventId, type, schemaVersion, data, metadata] = encoded;
      const streamId = `integration-${stream}`;
      const version = ++versions[stream];
      const recordedAt = new Date().toISOString();
      const { position, previousPosition, hash } = chain.next(
        chain.head.position + 1,
        digestOfAppended(encoded, streamId, version, recordedAt),
      );
      insert.run(
        position,
        previousPosition,
        hash,
        eventId,
        streamId,
        version,
        type,
        schemaVersion,
        data,
        metadata,
        recordedAt,
      );
      events++;
    }
    latenciesMs[index] = performance.now() - before;
  }
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  db.close();
  return { perSecond: events / seconds, cpuMicrosPerEvent: (user + system) / events, latenciesMs };
}

/**
 * The machine is shared: run fresh rounds and report the best, with the spread beside it. Contenders
 * take turns within each round, so a busy spell does not land on one of them only.
 */
async function rounds<Name extends string>(
  folder: string,
  count: number,
  contenders: Readonly<Record<Name, (file: string) => Round | Promise<Round>>>,
): Promise<Record<Name, Round[]>> {
  const names = Object.keys(contenders) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as Round[]])) as Record<Name, Round[]>;
  for (let round = 0; round < count; round++) {
    for (const name of names) {
      const file = join(folder, `${name}-${round}.sqlite`);
      results[name].push(await contenders[name](file));
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  }
  for (const name of names) results[name].sort((a, b) => b.perSecond - a.perSecond);
  return results;
}

const spread = (results: readonly Round[]) =>
  `best of ${results.length}: ${results.map((round) => Math.round(round.perSecond)).join(' / ')}, ` +
  `${results[0].cpuMicrosPerEvent.toFixed(1)}µs cpu/event`;

const percentileMicros = (latenciesMs: Float64Array, p: number) => {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return `${Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 1000)}µs`;
};

export async function runEventStoreAppendBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-event-store-bench-'));
  try {
    // The same events for every round and contender: each round writes a fresh file.
    const singles = Array.from({ length: SINGLE_APPENDS }, (_, index) => [benchEvent(index)]);
    const single = await rounds(folder, SINGLE_ROUNDS, {
      store: (file) => appendRound(file, singles, SINGLE_STREAMS),
      baseline: (file) => rawInsertRound(file, singles, SINGLE_STREAMS),
      chained: (file) => rawChainedInsertRound(file, singles, SINGLE_STREAMS),
    });
    const latencies = (round: Round) =>
      `p50 ${percentileMicros(round.latenciesMs, 0.5)}, p99 ${percentileMicros(round.latenciesMs, 0.99)}`;
    report(
      'event-store.append.single.baseline',
      single.baseline[0].perSecond,
      'inserts/s',
      `node:sqlite, one INSERT per transaction, ${spread(single.baseline)}, ${latencies(single.baseline[0])}`,
    );
    report(
      'event-store.append.single',
      single.store[0].perSecond,
      'appends/s',
      `${SINGLE_APPENDS} appends over ${SINGLE_STREAMS} streams, ${spread(single.store)}, ` +
        latencies(single.store[0]),
    );
    reportRatio(
      'event-store.append.single.ratio',
      single.store[0].perSecond,
      single.baseline[0].perSecond,
      SINGLE_TARGET,
    );
    report(
      'event-store.append.single.chained-baseline',
      single.chained[0].perSecond,
      'inserts/s',
      `the baseline with the audit chain, ${spread(single.chained)}, ${latencies(single.chained[0])}`,
    );
    reportRatio(
      'event-store.append.single.chain-cost',
      single.chained[0].perSecond,
      single.baseline[0].perSecond,
      CHAIN_TARGET,
    );

    const batches = Array.from({ length: BATCH_EVENTS / BATCH_SIZE }, (_, batch) =>
      Array.from({ length: BATCH_SIZE }, (_, index) => benchEvent(batch * BATCH_SIZE + index)),
    );
    const batched = (
      await rounds(folder, ROUNDS, { batch: (file) => appendRound(file, batches, BATCH_STREAMS) })
    ).batch;
    report(
      'event-store.append.batch100',
      batched[0].perSecond,
      'events/s',
      `${BATCH_EVENTS} events in appends of ${BATCH_SIZE} over ${BATCH_STREAMS} streams, ${spread(batched)}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runEventStoreAppendBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
