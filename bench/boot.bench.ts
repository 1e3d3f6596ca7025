import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createApp } from '../apps/api/src/create-app';
import { createSqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import {
  countingEventStore,
  totalRead,
} from '../apps/api/src/infrastructure/event-store/testing/counting-event-store';
import { ProcessManagerRunner } from '../apps/api/src/infrastructure/process-managers/process-manager-runner';
import { ProjectionRunner } from '../apps/api/src/infrastructure/read-model/projection-runner';
import { appendSampleHistory, sampleHistory } from '../apps/api/src/read-model/testing/sample-history';
import { type INestApplication } from '@nestjs/common';
import { readAndParseEveryEvent } from './lib/raw-log';
import { report } from './lib/report';

/** About 15 events per integration, all aggregates included: ~105,000 events. */
const INTEGRATIONS = Number(process.env.BENCH_BOOT_INTEGRATIONS ?? 7_000);
const ROUNDS = 3;

/** The floor of any design that reads the whole log at boot: every event read and decoded once. */
function readWholeLog(file: string): number {
  const started = performance.now();
  if (readAndParseEveryEvent(file, 10_000) === 0) throw new Error('The log is empty');
  return performance.now() - started;
}

/** Until every view and every process manager has handed over the whole log (a clean, caught-up stop). */
async function caughtUp(app: INestApplication): Promise<void> {
  const lagging = async () =>
    [...(await app.get(ProjectionRunner).status()), ...(await app.get(ProcessManagerRunner).status())].filter(
      ({ lag }) => lag > 0,
    );
  for (let waited = 0; (await lagging()).length > 0; waited += 50) {
    if (waited > 120_000) throw new Error(`Still catching up: ${JSON.stringify(await lagging())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Restarts the API on a data folder whose log holds ~100k events and whose read model is caught up:
 * how long until it answers, and how many events it reads from the store to get there. A design
 * whose views and process managers resume from their checkpoints reads next to none.
 */
export async function runBootBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-bench-boot-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'bench-password',
    LOG_LEVEL: 'error',
    HTTP_ADAPTER: 'fastify',
    CONSOLE_DIR: join(dataDir, 'no-console'),
  });
  try {
    // The first start seeds the installation; the history then grows the log; one more start catches up.
    await (await createApp(config)).init().then((app) => app.close());
    const seeding = createSqliteEventStore(dataDir);
    await appendSampleHistory(seeding, sampleHistory({ integrations: INTEGRATIONS }));
    const head = await seeding.headPosition();
    await seeding.close();
    const catchingUp = await (await createApp(config)).init();
    await caughtUp(catchingUp);
    await catchingUp.close();

    const restarts: { ms: number; read: number; by: string }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { store, read } = countingEventStore(createSqliteEventStore(dataDir));
      const started = performance.now();
      const app = await createApp(config, { eventStore: store });
      await app.init();
      const ms = performance.now() - started;
      await app.close();
      restarts.push({ ms, read: totalRead(read), by: JSON.stringify(read) });
    }
    restarts.sort((a, b) => a.ms - b.ms);
    const best = restarts[0];
    const rawMs = Math.min(
      ...Array.from({ length: ROUNDS }, () => readWholeLog(join(dataDir, 'events.sqlite'))),
    );
    report('boot.restart', best.ms, 'ms', `${head} events in the log, best of ${ROUNDS}`);
    report('boot.restart.events-read', best.read, 'events', `by kind of read ${best.by}`);
    report('boot.baseline.read-whole-log', rawMs, 'ms', 'node:sqlite select + JSON.parse of every event');
    report('boot.restart.ratio', best.ms / rawMs, 'x', 'restart time / one raw read of the whole log');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
