import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RepublishEvent, republishStreamId } from '@ib/domain';
import { type AppConfig } from '../../config/app-config';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { uuidv7 } from '../../infrastructure/ids';
import { SqliteEventStore } from '../../infrastructure/event-store/sqlite-event-store';
import { ProjectionRunner } from '../../infrastructure/read-model/projection-runner';
import { ViewStores } from '../../infrastructure/read-model/view-store';
import { createReadModelOrm, type ReadModelOrm } from '../../read-model';
import { PUBLISHING_VIEWS } from '../publishing-views.list';
import { RepublishRunViews } from './republish-queries/republish-run-views';
import { RepublishRuns } from './republish-runs';

const started = (runId: string, environment?: string): RepublishEvent => ({
  type: 'RepublishStarted',
  data: {
    runId,
    integrationIds: ['int-1'],
    startedBy: 'admin',
    startedAt: '2025-03-04T05:06:07.000Z',
    ...(environment === undefined ? {} : { environment }),
  },
});
const finished = (runId: string): RepublishEvent => ({
  type: 'RepublishFinished',
  data: { runId, published: 1, failed: 0, skipped: 0, finishedAt: '2025-03-04T05:07:07.000Z' },
});

describe('RepublishRuns', () => {
  let dir: string;
  let store: SqliteEventStore;
  let orm: ReadModelOrm;
  let runner: ProjectionRunner;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'republish-runs-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 10 });
    orm = await createReadModelOrm({ file: join(dir, 'read-model.sqlite'), views: PUBLISHING_VIEWS });
    runner = new ProjectionRunner(store, orm, { views: PUBLISHING_VIEWS });
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The runs once a log of republish events is stored; `environment` is the metadata's. */
  const runsAfter = async (...entries: (readonly [RepublishEvent, string | undefined])[]) => {
    for (const [event, environment] of entries)
      await store.append(
        republishStreamId((event.data as { runId: string }).runId),
        [
          {
            eventId: uuidv7(),
            ...event,
            metadata: { actorId: 'admin', correlationId: 'c', causationId: 'c', environment },
          },
        ],
        { expectedVersion: 'any' },
      );
    await runner.start();
    const config = { readYourWritesTimeoutMs: 2000 } as AppConfig;
    const stores = new ViewStores(orm, await orm.em.getConnection().getNativeClient());
    return new RepublishRuns(new RepublishRunViews(stores), new CurrentViews(store, runner, config));
  };

  it('given runs started in several environments, then each environment sees only its own run still running', async () => {
    const runs = await runsAfter(
      [started('run-0', 'dev2'), 'dev2'],
      [started('run-1', 'development'), 'development'],
      [finished('run-0'), 'dev2'],
      [started('run-2', 'dev3'), 'dev3'],
    );
    expect(await runs.runningRunIds('development')).toEqual(['run-1']);
    expect(await runs.runningRunIds('dev2')).toEqual([]);
    expect(await runs.runningRunIds('dev3')).toEqual(['run-2']);
  });

  it('given runs started before runs were per environment, then each belongs to the environment of its metadata, or else to every one', async () => {
    const runs = await runsAfter([started('run-1'), 'development'], [started('run-2'), undefined]);
    expect(await runs.runningRunIds('development')).toEqual(['run-1', 'run-2']);
    expect(await runs.runningRunIds('dev2')).toEqual(['run-2']);
  });
});
