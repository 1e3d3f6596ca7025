import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { ProjectionRunner } from '../apps/api/src/infrastructure/read-model/projection-runner';
import {
  createReadModelOrm,
  type ReadModelOrm,
  READ_MODEL_PROJECTIONS,
  READ_MODEL_VIEWS,
} from '../apps/api/src/read-model';
import { appendSampleHistory, sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { report } from './lib/report';

/** About 200,000 events: integrations through the wizard, connections, requests, users, environments. */
const INTEGRATIONS = 33_000;
const BATCH_SIZE = 1000;

const rowCounts = async (orm: ReadModelOrm): Promise<string> => {
  const em = orm.em.fork();
  const counts: string[] = [];
  for (const table of ['integrations', 'connections', 'connection_requests', 'environments', 'users']) {
    const [{ rows }] = await em.execute<{ rows: number }[]>(`select count(*) as rows from \`${table}\``);
    counts.push(`${rows} ${table}`);
  }
  return counts.join(', ');
};

/**
 * A fresh ProjectionRunner catching every projection up on a log it has never seen (the rebuild of
 * the whole read model), then one projection rebuilt in place while the others stay live.
 */
export async function runProjectionCatchUpBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-projection-bench-'));
  const store = new SqliteEventStore({ file: join(folder, 'events.sqlite') });
  const orm = await createReadModelOrm({ file: join(folder, 'read-model.db') });
  try {
    await appendSampleHistory(store, sampleHistory({ integrations: INTEGRATIONS }));
    const head = await store.headPosition();

    const runner = new ProjectionRunner(store, orm, { batchSize: BATCH_SIZE, views: READ_MODEL_VIEWS });
    const started = performance.now();
    await runner.start();
    const caughtUp = await runner.waitFor(head, 600_000);
    const seconds = (performance.now() - started) / 1000;
    if (!caughtUp) throw new Error(`Projections did not reach position ${head}`);
    report(
      'projection.catch-up',
      head / seconds,
      'events/s',
      `${head} events, ${READ_MODEL_PROJECTIONS.length} projections, batches of ${BATCH_SIZE}, ${seconds.toFixed(2)} s; ${await rowCounts(orm)}`,
    );

    const rebuildStarted = performance.now();
    await runner.rebuild('integrations');
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    report(
      'projection.rebuild.integrations',
      head / rebuildSeconds,
      'events/s',
      `${rebuildSeconds.toFixed(2)} s`,
    );

    const lagging = (await runner.status()).filter(({ lag }) => lag > 0);
    if (lagging.length > 0) throw new Error(`Projections still lagging: ${JSON.stringify(lagging)}`);
    await runner.stop();
  } finally {
    await store.close();
    await orm.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runProjectionCatchUpBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
