import {
  connectionRequestStreamId,
  connectionStreamId,
  environmentStreamId,
  integrationStreamId,
  userStreamId,
} from '@ib/domain';
import {
  CHECKPOINTED_AT,
  everyViewAt,
  temporaryReadModel,
  type TemporaryReadModel,
  VIEW_TABLES,
} from '../support/read-model';
import { convertedToOpen, created, malformedCreated, RECORDED_AT } from '../support/runner-events';

const at = RECORDED_AT;

describe.each(['inline', 'thread'] as const)('ProjectionRunner writing %s', (writer) => {
  let model: TemporaryReadModel;
  beforeEach(async () => (model = await temporaryReadModel({ writer })));
  afterEach(() => model.dispose());

  it('given events of every aggregate, when it catches up, then each view has its rows and every checkpoint the head', async () => {
    await model.append(integrationStreamId('int-1'), created('int-1'), convertedToOpen('int-1'));
    await model.append(connectionStreamId('conn-1'), {
      type: 'ConnectionCreated',
      data: {
        connectionId: 'conn-1',
        environment: 'dev',
        name: 'Sales',
        provider: 'mysql',
        details: { host: 'db', port: 3306 },
        secretRef: 'secret-do-not-store',
        createdBy: 'root',
        createdAt: at,
      },
    });
    await model.append(connectionRequestStreamId('req-1'), {
      type: 'ConnectionRequested',
      data: {
        requestId: 'req-1',
        environment: 'dev',
        name: 'Chinook',
        provider: 'sqlite',
        details: { path: 'chinook.db' },
        secretRef: 'secret-of-a-request',
        requestedBy: 'bob',
        requestedAt: at,
      },
    });
    await model.append(environmentStreamId('dev'), {
      type: 'EnvironmentCreated',
      data: { name: 'dev', kind: 'development', createdBy: 'root', createdAt: at },
    });
    const { lastPosition } = await model.append(userStreamId('bob'), {
      type: 'UserRegistered',
      data: { userId: 'user-bob', username: 'bob', roles: [], createdBy: 'root', createdAt: at },
    });

    const runner = model.runner();
    await runner.start();

    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-1')).toEqual({
      id: 'int-1',
      environment: 'dev',
      provider: 'sqlite',
      applicationName: 'App int-1',
      moduleName: 'App_IS',
      description: '',
      status: 'open',
      entities: [],
      nullPolicy: 'preserve',
      createdBy: 'alice',
      createdAt: at,
      updatedAt: '2025-03-05T00:00:00.000Z',
      version: 1,
      unpublishedChanges: true,
    });
    expect(await model.view('connections').get('conn-1')).toMatchObject({ hasSecret: true, deleted: false });
    expect(await model.view('connection_requests').get('req-1')).toMatchObject({ status: 'pending' });
    expect(await model.view('environments').get('dev')).toMatchObject({ kind: 'development' });
    expect(await model.view('users').get('user-bob')).toMatchObject({ username: 'bob', roles: [] });
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
    expect(await model.rows('projection_checkpoints')).toEqual(
      expect.arrayContaining([{ name: 'integrations', position: lastPosition, updated_at: CHECKPOINTED_AT }]),
    );
    const stored = JSON.stringify([await model.rows('connections'), await model.rows('connection_requests')]);
    expect(stored).not.toContain('secret-');
    expect(await runner.status()).toEqual(
      VIEW_TABLES.map((name) => ({
        name,
        position: lastPosition,
        head: lastPosition,
        lag: 0,
        rebuilding: false,
      })),
    );
  });

  it('given a running runner, when events are appended, then it projects them as they come', async () => {
    const runner = model.runner();
    await runner.start();

    const { lastPosition } = await model.append(integrationStreamId('int-1'), created('int-1'));

    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-1')).toMatchObject({ status: 'draft', version: 0 });
  });

  it('given a stopped runner, when a new one starts, then it resumes from the checkpoint and applies no event twice', async () => {
    const first = model.runner();
    await first.start();
    await first.waitFor(
      (await model.append(integrationStreamId('int-1'), created('int-1'))).lastPosition,
      5000,
    );
    await first.stop();
    // Marks a row no later event touches: replaying the log from 0 would overwrite it.
    await model.orm.em.fork().execute("update integrations set description = 'kept' where id = 'int-1'");
    const { lastPosition } = await model.append(integrationStreamId('int-2'), created('int-2'));

    const second = model.runner();
    await second.start();

    expect(await second.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-1')).toMatchObject({ description: 'kept' });
    expect(await model.view('integrations').get('int-2')).toMatchObject({ description: '', version: 0 });
    expect((await model.rows('integrations')).map(({ id }) => id)).toEqual(['int-1', 'int-2']);
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
  });

  it('given views with nothing to apply, when batches pass, then their checkpoints are written lazily and a restart applies nothing twice', async () => {
    // Given a runner that writes idle checkpoints only on stop (an hour apart)
    const first = model.runner({ idleCheckpointIntervalMs: 3_600_000 });
    await first.start();
    await first.waitFor(
      (await model.append(integrationStreamId('int-1'), created('int-1'))).lastPosition,
      5000,
    );
    const { lastPosition } = await model.append(integrationStreamId('int-2'), created('int-2'));
    await first.waitFor(lastPosition, 5000);
    // Then the integrations view, which applied events, has its checkpoint stored at once
    expect((await model.checkpoints()).integrations).toBe(lastPosition);
    // While a view that only skipped events keeps an older stored checkpoint
    expect((await model.checkpoints()).users).toBeLessThan(lastPosition);
    // And the status shows every view caught up, though idle views have not stored that yet
    expect((await first.status()).every(({ lag }) => lag === 0)).toBe(true);
    // When the runner stops, every checkpoint is stored
    await first.stop();
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
    // And a new runner replays nothing
    await model.orm.em.fork().execute("update integrations set description = 'kept' where id = 'int-2'");
    const second = model.runner({ idleCheckpointIntervalMs: 3_600_000 });
    await second.start();
    expect(await second.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-2')).toMatchObject({ description: 'kept' });
  });

  it('given a batch one event of which cannot be stored, then that view keeps its rows and checkpoint while the others go on', async () => {
    await model.append(integrationStreamId('int-1'), created('int-1'));
    await model.append(integrationStreamId('int-2'), created('int-2'));
    await model.append(integrationStreamId('int-1'), convertedToOpen('int-1'));
    await model.append(integrationStreamId('int-3'), malformedCreated('int-3'));
    const { lastPosition } = await model.append(userStreamId('bob'), {
      type: 'UserRegistered',
      data: { userId: 'user-bob', username: 'bob', roles: [], createdBy: 'root', createdAt: at },
    });

    const runner = model.runner({ batchSize: 2 });
    await runner.start();

    // A failed view is not waited for: read-your-writes answers at once instead of timing out.
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-1')).toMatchObject({ status: 'draft', version: 0 });
    expect(await model.view('integrations').get('int-2')).toMatchObject({ status: 'draft' });
    expect(await model.view('integrations').get('int-3')).toBeUndefined();
    expect(await model.view('users').get('user-bob')).toMatchObject({ username: 'bob' });
    // The connection bindings fold integrations' creation too, and refuse the malformed one alike.
    expect(await model.checkpoints()).toEqual({
      ...everyViewAt(lastPosition),
      integrations: 2,
      connection_bindings: 2,
    });
    expect((await runner.status()).find(({ name }) => name === 'integrations')).toEqual({
      name: 'integrations',
      position: 2,
      head: lastPosition,
      lag: lastPosition - 2,
      rebuilding: false,
      failed: 'NOT NULL constraint failed: integrations.environment',
    });
  });

  it('given a failed view, when its rebuild fails on the same event, then the live rows stay as they were', async () => {
    await model.append(integrationStreamId('int-1'), created('int-1'));
    await model.append(integrationStreamId('int-3'), malformedCreated('int-3'));
    const runner = model.runner({ batchSize: 1 });
    await runner.start();
    await runner.waitFor(2, 5000);
    const before = await model.rows('integrations');

    await expect(runner.rebuild('integrations')).rejects.toThrow(/NOT NULL/);

    expect(before).toEqual([expect.objectContaining({ id: 'int-1' })]);
    expect(await model.rows('integrations')).toEqual(before);
    expect(await model.checkpoints()).toEqual({ ...everyViewAt(2), integrations: 1, connection_bindings: 1 });
    const shadows = await model.orm.em
      .fork()
      .execute("select name from sqlite_master where type = 'table' and name like '%rebuild%'");
    expect(shadows).toEqual([]);
  });

  it('given a batch whose checkpoints cannot be written, then none of it is kept and it is retried until it can', async () => {
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(
      (await model.append(integrationStreamId('int-1'), created('int-1'))).lastPosition,
      5000,
    );
    const execute = (sql: string) => model.orm.em.fork().execute(sql);
    await execute('alter table projection_checkpoints rename to projection_checkpoints_away');

    const { lastPosition } = await model.append(integrationStreamId('int-2'), created('int-2'));

    expect(await runner.waitFor(lastPosition, 200)).toBe(false);
    expect(await model.view('integrations').get('int-2')).toBeUndefined();
    await execute('alter table projection_checkpoints_away rename to projection_checkpoints');
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-2')).toMatchObject({ id: 'int-2' });
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
  });

  it('answers false when the projections do not reach a position in time', async () => {
    const runner = model.runner();
    await runner.start();

    expect(await runner.waitFor(1, 50)).toBe(false);
  });

  it('refuses to rebuild a projection it does not know', async () => {
    await expect(model.runner().rebuild('invoices')).rejects.toThrow('Unknown projection invoices');
  });
});
