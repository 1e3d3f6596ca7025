import { integrationStreamId } from '@ib/domain';
import { type EventStore } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { type ProjectionRunner } from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { appendSampleHistory, sampleHistory } from '../../apps/api/src/read-model/testing/sample-history';
import { temporaryReadModel, type TemporaryReadModel } from '../support/read-model';
import { convertedToOpen, created } from '../support/runner-events';

/** The audit replay on a SQLite read model written by the writer thread, as the embedded application runs it. */
describe('audit replay on a SQLite read model', () => {
  let model: TemporaryReadModel;
  let runner: ProjectionRunner;
  let head: number;
  const replayOptions = { batchSize: 40, pageSize: 5 };

  beforeEach(async () => {
    model = await temporaryReadModel({ writer: 'thread' });
    await appendSampleHistory(model.store, sampleHistory({ integrations: 10, seed: 3 }));
    head = await model.store.headPosition();
    runner = model.runner({ batchSize: 100 });
    await runner.start();
    await runner.waitFor(head, 10_000);
  });
  afterEach(() => model.dispose());

  it('given a row edited by hand, when replayed, then only that row of that view differs, and it stays edited', async () => {
    // Given
    const before = await model.view('integrations').get('int-2');
    await model.orm.em.fork().execute("update integrations set version = 99 where id = 'int-2'");

    // When
    const report = await (await model.replay(runner, model.store, replayOptions)).replay();

    // Then
    expect(report).toMatchObject({ position: head, equal: false });
    expect(report.views.filter(({ equal }) => !equal)).toEqual([
      expect.objectContaining({
        view: 'integrations',
        differences: [
          {
            key: 'int-2',
            live: expect.objectContaining({ version: 99 }),
            replayed: before,
          },
        ],
      }),
    ]);
    expect(await model.view('integrations').get('int-2')).toMatchObject({ version: 99 });
    expect(await model.tables('%replay%')).toEqual([]);
  });

  it('given the live views moving on while the log is replayed, then they are compared as they were when the replay took them', async () => {
    // Given a log that, once the replay reads it, has grown and been projected further
    let moved = 0;
    const log: Pick<EventStore, 'readAll'> = {
      readAll: async (options) => {
        if (moved === 0) {
          await model.append(integrationStreamId('int-late'), created('int-late'));
          moved = (await model.append(integrationStreamId('int-1'), convertedToOpen('int-1'))).lastPosition;
          await runner.waitFor(moved, 5000);
        }
        return model.store.readAll(options);
      },
    };

    // When
    const report = await (await model.replay(runner, log, replayOptions)).replay();

    // Then
    expect(moved).toBeGreaterThan(head);
    expect(report).toMatchObject({ position: head, equal: true });
    expect(report.views.every(({ position }) => position === head)).toBe(true);
    expect(await model.view('integrations').get('int-late')).toMatchObject({ id: 'int-late' });
  });

  it('given a replay running, when another is asked of the same instance, then it is refused and the first one ends', async () => {
    // Given
    const replay = await model.replay(runner, model.store, replayOptions);
    const first = replay.replay();

    // When
    const second = replay.replay();

    // Then
    await expect(second).rejects.toMatchObject({ code: 'AUDIT.REPLAY_RUNNING' });
    expect((await first).equal).toBe(true);
    expect((await replay.replay()).equal).toBe(true);
  });
});
