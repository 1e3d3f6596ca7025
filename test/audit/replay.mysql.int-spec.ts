import { ConcurrencyError, integrationStreamId } from '@ib/domain';
import { type EventStore } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { type ProjectionRunner } from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { appendSampleHistory, sampleHistory } from '../../apps/api/src/read-model/testing/sample-history';
import { mysqlUrl } from '../support/mariadb';
import { temporaryReadModel, type TemporaryReadModel, VIEW_TABLES } from '../support/read-model';
import { convertedToOpen, created } from '../support/runner-events';

/**
 * The audit replay on a read model in MariaDB/MySQL, as the application runs it there: the replayed
 * tables and the live snapshots made with `create table ... like` (schema statements commit on their
 * own), the rows copied in the fenced write's transaction, and JSON columns compared as documents.
 * Small batches and pages, so the log and the tables are read in several of each.
 */
describe('audit replay on a MariaDB/MySQL read model', () => {
  let model: TemporaryReadModel;
  let runner: ProjectionRunner;
  let head: number;
  const replayOptions = { batchSize: 50, pageSize: 7 };

  beforeEach(async () => {
    model = await temporaryReadModel({ mysqlUrl: mysqlUrl() });
    await appendSampleHistory(model.store, sampleHistory({ integrations: 12, seed: 5 }));
    head = await model.store.headPosition();
    runner = model.runner({ batchSize: 100 });
    await runner.start();
    await runner.waitFor(head, 10_000);
  }, 30_000);
  afterEach(() => model.dispose());

  const execute = (sql: string, values: unknown[] = []) => model.orm.em.fork().execute(sql, values);

  it('given views caught up with a mixed history, when replayed, then every view is equal up to the head and no replay table is left', async () => {
    // When
    const report = await (await model.replay(runner, model.store, replayOptions)).replay();

    // Then
    expect(report).toMatchObject({ position: head, equal: true });
    expect(report.views.map(({ view }) => view)).toEqual([...VIEW_TABLES]);
    for (const view of report.views)
      expect(view).toEqual({
        ...view,
        position: head,
        equal: true,
        liveRows: view.replayedRows,
        differences: [],
      });
    expect(report.views.find(({ view }) => view === 'integrations')?.liveRows).toBe(12);
    expect(await model.tables('%replay%')).toEqual([]);
  });

  it('given rows edited and deleted by hand, when replayed, then each view says which rows differ, and the live rows stay as they were left', async () => {
    // Given
    const before = await model.view('integrations').get('int-3');
    await execute("update integrations set application_name = 'Tampered' where id = 'int-3'");
    await execute("update integrations set entities = json_array() where id = 'int-5'");
    const [{ removed }] = await execute('select min(id) as removed from users');
    await execute('delete from users where id = ?', [removed]);
    const edited = await model.rows('integrations');

    // When
    const report = await (await model.replay(runner, model.store, replayOptions)).replay();

    // Then
    expect(report.equal).toBe(false);
    expect(report.views.filter(({ equal }) => !equal).map(({ view }) => view)).toEqual([
      'integrations',
      'users',
    ]);
    const integrations = report.views.find(({ view }) => view === 'integrations');
    expect(integrations?.differences.map(({ key }) => key)).toEqual(['int-3', 'int-5']);
    expect(integrations?.differences[0]).toEqual({
      key: 'int-3',
      live: { ...before, applicationName: 'Tampered' },
      replayed: before,
    });
    expect(integrations?.differences[1]).toMatchObject({
      live: { id: 'int-5', entities: [] },
      replayed: { id: 'int-5', entities: expect.arrayContaining([expect.anything()]) },
    });
    const users = report.views.find(({ view }) => view === 'users');
    expect(users?.differences).toEqual([
      { key: removed, live: null, replayed: expect.objectContaining({ id: removed }) },
    ]);
    expect(users?.liveRows).toBe((users?.replayedRows ?? 0) - 1);
    expect(await model.rows('integrations')).toStrictEqual(edited);
    expect(await model.tables('%replay%')).toEqual([]);
  });

  it('given the live views moving on while the log is replayed, then they are compared as they were when the replay took them', async () => {
    // Given a log that, once the replay reads it, has grown and been projected further
    let moved = 0;
    const log: Pick<EventStore, 'readAll'> = {
      readAll: async (options) => {
        if (moved === 0) {
          await model.append(integrationStreamId('int-late'), created('int-late'));
          moved = (await model.append(integrationStreamId('int-3'), convertedToOpen('int-3'))).lastPosition;
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
    expect(report.views.find(({ view }) => view === 'integrations')?.liveRows).toBe(12);
    expect(await model.view('integrations').get('int-late')).toMatchObject({ id: 'int-late' });
  });

  it('given the projections not run here, when replayed, then it is refused as running elsewhere and nothing is made', async () => {
    // Given
    await runner.stop();

    // When
    const refused = (await model.replay(runner, model.store, replayOptions)).replay();

    // Then
    await expect(refused).rejects.toThrow(ConcurrencyError);
    await expect(refused).rejects.toMatchObject({ code: 'PROJECTION.RUNS_ELSEWHERE' });
    expect(await model.tables('%replay%')).toEqual([]);
  });
});
