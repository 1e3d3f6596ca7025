import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import {
  DEFAULT_PROJECTION_BATCH_SIZE,
  ProjectionRunner,
} from '../apps/api/src/infrastructure/read-model/projection-runner';
import { ThreadReadModelWriter } from '../apps/api/src/infrastructure/read-model/read-model-writer';
import { createReadModelOrm, type ReadModelOrm } from '../apps/api/src/read-model';
import { APP_VIEWS } from '../apps/api/src/app.views';
import { sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { readAndParseEveryEvent } from './lib/raw-log';
import { report, reportRatio } from './lib/report';
import { writeSampleLog } from './lib/sample-log';

/** BENCH_CATCH_UP_EVENTS sets the size of the log; a million events take about two minutes in all. */
const EVENTS = Number(process.env.BENCH_CATCH_UP_EVENTS ?? 1_000_000);
/** What sampleHistory writes per integration, with the connections, requests and users around it. */
const EVENTS_PER_INTEGRATION = 15.0;
const BATCH_SIZE = DEFAULT_PROJECTION_BATCH_SIZE;
const TARGET_PER_SECOND = 150_000;
/** Like the other benchmarks, the best of a few rounds: the machine's noise only ever slows a round down. */
const ROUNDS = 3;

type Timing = Readonly<{ seconds: number; cpuSeconds: number }>;

async function timed(work: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const { user, system } = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (user + system) / 1e6 };
}

const rowCounts = async (orm: ReadModelOrm): Promise<string> => {
  const em = orm.em.fork();
  const counts: string[] = [];
  for (const table of ['integrations', 'connections', 'connection_requests', 'environments', 'users']) {
    const [{ rows }] = await em.execute<{ rows: number }[]>(`select count(*) as rows from \`${table}\``);
    counts.push(`${rows} ${table}`);
  }
  return counts.join(', ');
};

const perSecond = (events: number, { seconds }: Timing) => events / seconds;
const figures = (events: number, timing: Timing) =>
  `${timing.seconds.toFixed(2)} s, ${((timing.cpuSeconds * 1e6) / events).toFixed(1)}µs cpu/event`;
const verdict = (events: number, timing: Timing) =>
  `target >= ${TARGET_PER_SECOND} ${perSecond(events, timing) >= TARGET_PER_SECOND ? 'met' : 'MISSED'}`;

/**
 * A fresh ProjectionRunner catching every projection up on a log it has never seen (the rebuild of
 * the whole read model), then one projection rebuilt in place while the others stay live, in ROUNDS
 * rounds; both against reading and parsing the same log raw, measured before and after them (the best
 * of each counts, every round is printed).
 */
export async function runProjectionCatchUpBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-projection-bench-'));
  const file = join(folder, 'events.sqlite');
  const integrations = Math.max(1, Math.round(EVENTS / EVENTS_PER_INTEGRATION));
  const head = writeSampleLog(file, sampleHistory({ integrations }), '2025-01-01T00:00:00.000Z');
  const store = new SqliteEventStore({ file });
  try {
    const baselines = [await timed(() => readAndParseEveryEvent(file, BATCH_SIZE))];
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++)
      rounds.push(await catchUpAndRebuild(store, join(folder, `read-model-${round}.db`), head));
    baselines.push(await timed(() => readAndParseEveryEvent(file, BATCH_SIZE)));

    const best = (timings: readonly Timing[]) => [...timings].sort((a, b) => a.seconds - b.seconds)[0];
    const all = (timings: readonly Timing[]) =>
      timings.map((timing) => Math.round(perSecond(head, timing))).join(' / ');
    const baseline = best(baselines);
    const catchUps = rounds.map(({ catchUp }) => catchUp);
    const rebuilds = rounds.map(({ rebuild }) => rebuild);
    const [catchUp, rebuild] = [best(catchUps), best(rebuilds)];
    report(
      'projection.catch-up.baseline',
      perSecond(head, baseline),
      'events/s',
      `node:sqlite read + JSON.parse of data and metadata, batches of ${BATCH_SIZE}, ${figures(head, baseline)}, ` +
        `best of ${all(baselines)}`,
    );
    report(
      'projection.catch-up',
      perSecond(head, catchUp),
      'events/s',
      `${head} events, ${APP_VIEWS.length} projections, batches of ${BATCH_SIZE}, writes on the writer thread, ` +
        `${figures(head, catchUp)}, ${verdict(head, catchUp)}, best of ${all(catchUps)}; ${rounds[0].rows}`,
    );
    reportRatio('projection.catch-up.ratio', perSecond(head, catchUp), perSecond(head, baseline));
    report(
      'projection.rebuild.integrations',
      perSecond(head, rebuild),
      'events/s',
      `${head} events in the log, ${figures(head, rebuild)}, ${verdict(head, rebuild)}, best of ${all(rebuilds)}`,
    );
    reportRatio('projection.rebuild.integrations.ratio', perSecond(head, rebuild), perSecond(head, baseline));
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

type Round = Readonly<{ catchUp: Timing; rebuild: Timing; rows: string }>;

/**
 * One round on a read model of its own: every view caught up from nothing, then the integrations
 * view rebuilt in place while the others stay live, written as the application writes them (on the
 * read model's writer thread, see ReadModelModule).
 */
async function catchUpAndRebuild(store: SqliteEventStore, file: string, head: number): Promise<Round> {
  const orm = await createReadModelOrm({ file, views: APP_VIEWS });
  const writer = new ThreadReadModelWriter(file);
  try {
    const runner = new ProjectionRunner(store, orm, { views: APP_VIEWS, writer });
    let caughtUp = false;
    const catchUp = await timed(async () => {
      await runner.start();
      caughtUp = await runner.waitFor(head, 600_000);
    });
    if (!caughtUp) throw new Error(`Projections did not reach position ${head}`);
    const rebuild = await timed(() => runner.rebuild('integrations'));
    const lagging = (await runner.status()).filter(({ lag }) => lag > 0);
    if (lagging.length > 0) throw new Error(`Projections still lagging: ${JSON.stringify(lagging)}`);
    await runner.stop();
    return { catchUp, rebuild, rows: await rowCounts(orm) };
  } finally {
    await writer.close();
    await orm.close();
  }
}

if (require.main === module) {
  runProjectionCatchUpBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
