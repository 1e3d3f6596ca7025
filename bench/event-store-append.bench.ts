import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type NewEvent } from '../apps/api/src/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { report } from './lib/report';

const ROUNDS = 3;
const SINGLE_APPENDS = 20_000;
const SINGLE_STREAMS = 500;
const BATCH_EVENTS = 200_000;
const BATCH_SIZE = 100;
const BATCH_STREAMS = 100;

const metadata = {
  actorId: 'user-0190a1b2-0000-7000-8000-000000000001',
  correlationId: 'correlation-0190a1b2-0000-7000-8000-000000000002',
  causationId: 'causation-0190a1b2-0000-7000-8000-000000000003',
  environment: 'development',
};

/** A realistic payload (~200 bytes of JSON); events are built before timing so only the store is measured. */
const anEvent = (index: number): NewEvent => ({
  eventId: uuidv7(),
  type: 'IntegrationTablesAdded',
  schemaVersion: 1,
  data: {
    integrationId: `integration-${index}`,
    database: 'chinook',
    tables: [{ name: 'Album', kind: 'table', primaryKey: ['AlbumId'], attributes: 3 }],
    addedAt: '2025-01-01T00:00:00.000Z',
  },
  metadata: { ...metadata },
});

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

/** The machine is shared: run fresh rounds and report the best, with the spread beside it. */
async function rounds(folder: string, name: string, run: (file: string) => Promise<Round>): Promise<Round[]> {
  const results: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const file = join(folder, `${name}-${round}.sqlite`);
    results.push(await run(file));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  return results.sort((a, b) => b.perSecond - a.perSecond);
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
    const single = await rounds(folder, 'single', (file) =>
      appendRound(
        file,
        Array.from({ length: SINGLE_APPENDS }, (_, index) => [anEvent(index)]),
        SINGLE_STREAMS,
      ),
    );
    const latencies = single[0].latenciesMs;
    report(
      'event-store.append.single',
      single[0].perSecond,
      'appends/s',
      `${SINGLE_APPENDS} appends over ${SINGLE_STREAMS} streams, ${spread(single)}, ` +
        `p50 ${percentileMicros(latencies, 0.5)}, p99 ${percentileMicros(latencies, 0.99)}`,
    );

    const batched = await rounds(folder, 'batch', (file) =>
      appendRound(
        file,
        Array.from({ length: BATCH_EVENTS / BATCH_SIZE }, (_, batch) =>
          Array.from({ length: BATCH_SIZE }, (_, index) => anEvent(batch * BATCH_SIZE + index)),
        ),
        BATCH_STREAMS,
      ),
    );
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
