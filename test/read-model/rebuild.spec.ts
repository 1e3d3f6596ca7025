import { integrationStreamId, type RecordedEvent } from '@ib/domain';
import { projectAll, type Projection } from '../../apps/api/src/infrastructure/read-model/projection';
import { type ProjectionRunner } from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { openReadOnlyConnection } from '../../apps/api/src/infrastructure/read-model/read-only-connection';
import { ViewStores } from '../../apps/api/src/infrastructure/read-model/view-store';
import { everyViewAt, temporaryReadModel, type TemporaryReadModel, VIEW_TABLES } from '../support/read-model';
import { appendSampleHistory, sampleHistory } from '../../apps/api/src/read-model/testing/sample-history';
import { APP_VIEWS } from '../../apps/api/src/app.views';

/** A view of the application, whichever context owns it. */
const viewNamed = (name: string) => {
  const view = APP_VIEWS.find(({ projection }) => projection.name === name);
  if (view === undefined) throw new Error(`No view ${name}`);
  return view;
};
const projectionNamed = (name: string): Projection => viewNamed(name).projection;

type Keyed = { id?: string; name?: string; environment?: string };
const keyOf = ({ id, name, environment }: Keyed) => String(id ?? name ?? environment);
const byKey = (a: Keyed, b: Keyed) => keyOf(a).localeCompare(keyOf(b));

describe.each(['inline', 'thread'] as const)('read model rebuild, writing %s', (writer) => {
  let model: TemporaryReadModel;
  let runner: ProjectionRunner;
  let head: number;

  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for (;;) {
      const batch = await model.store.readAll({ fromPosition: events.length, limit: 500 });
      if (batch.length === 0) return events;
      events.push(...batch);
    }
  };
  /** Every row of every view table, exactly as stored. */
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(VIEW_TABLES.map(async (table) => [table, await model.rows(table)])));
  /** Every document the read model serves, by view. */
  const served = async () => ({
    integrations: (await model.view('integrations').list()).items,
    connections: (await model.view('connections').list()).items,
    connection_requests: (await model.view('connection_requests').list()).items,
    environments: (await model.view('environments').list()).items,
    users: (await model.view('users').list()).items,
    publications: (await model.view('publications').list()).items,
    deployments: (await model.view('deployments').list()).items,
    integration_dependency_states: (await model.view('integration_dependency_states').list()).items,
    dependencies: (await model.view('dependencies').list()).items,
    api_keys: (await model.view('api_keys').list()).items,
    connection_bindings: (await model.view('connection_bindings').list()).items,
    schema_drift: (await model.view('schema_drift').list()).items,
    environment_drift_checks: (await model.view('environment_drift_checks').list()).items,
    change_requests: (await model.view('change_requests').list()).items,
  });
  /** The same documents folded in memory from the log: what any rebuild must come out as. */
  const folded = async () => {
    const events = await allEvents();
    const documents = <D extends object>(projection: Projection<D>) => [
      ...projectAll(projection, events).values(),
    ];
    return {
      integrations: documents(projectionNamed('integrations')),
      connections: documents(projectionNamed('connections')),
      connection_requests: documents(projectionNamed('connection_requests')),
      environments: documents(projectionNamed('environments')),
      users: documents(projectionNamed('users')),
      publications: documents(projectionNamed('publications')),
      deployments: documents(projectionNamed('deployments')),
      integration_dependency_states: documents(projectionNamed('integration_dependency_states')),
      dependencies: documents(projectionNamed('dependencies')),
      api_keys: documents(projectionNamed('api_keys')),
      connection_bindings: documents(projectionNamed('connection_bindings')),
      schema_drift: documents(projectionNamed('schema_drift')),
      environment_drift_checks: documents(projectionNamed('environment_drift_checks')),
      change_requests: documents(projectionNamed('change_requests')),
    };
  };
  const sorted = (views: Record<string, object[]>) =>
    Object.fromEntries(Object.entries(views).map(([name, documents]) => [name, [...documents].sort(byKey)]));

  beforeEach(async () => {
    model = await temporaryReadModel({ writer });
    await appendSampleHistory(model.store, sampleHistory({ integrations: 80, seed: 11 }));
    head = await model.store.headPosition();
    runner = model.runner({ batchSize: 100 });
    await runner.start();
    await runner.waitFor(head, 10_000);
  });
  afterEach(() => model.dispose());

  it('given a mixed history of hundreds of events, then the rows are the in-memory fold of the log', async () => {
    expect(head).toBeGreaterThan(400);
    const rows = await snapshot();
    // The sample history starts no republish run: that view stays empty.
    for (const table of VIEW_TABLES.filter((name) => name !== 'republish_runs'))
      expect(rows[table].length).toBeGreaterThan(0);
    expect(sorted(await served())).toStrictEqual(sorted(await folded()));
  });

  it('given every view caught up, when each is rebuilt from position 0, then every row comes out identical', async () => {
    const before = await snapshot();

    for (const { projection } of APP_VIEWS) await runner.rebuild(projection.name);

    expect(await snapshot()).toStrictEqual(before);
    expect(await model.checkpoints()).toEqual(everyViewAt(head));
  });

  it('given a view rebuilt twice, then its table keeps the same columns, indexes and rows, and no shadow is left', async () => {
    const schemaOf = async (table: string) =>
      model.orm.em
        .fork()
        .execute<{ type: string; name: string }[]>(
          'select type, name from sqlite_master where tbl_name = ? order by type, name',
          [table],
        );
    const columnsOf = (table: string) => model.orm.em.fork().execute(`pragma table_info(\`${table}\`)`);
    const before = { schema: await schemaOf('integrations'), columns: await columnsOf('integrations') };
    const rows = await model.rows('integrations');

    await runner.rebuild('integrations');
    await runner.rebuild('integrations');

    expect(before.schema.filter(({ type }) => type === 'index').length).toBeGreaterThan(1);
    expect(await schemaOf('integrations')).toEqual(before.schema);
    expect(await columnsOf('integrations')).toEqual(before.columns);
    expect(await model.rows('integrations')).toStrictEqual(rows);
    expect(await schemaOf('integrations__rebuild')).toEqual([]);
  });

  it('given a read-only connection that read a view by id, when the view is rebuilt, then it reads the rebuilt table', async () => {
    const reader = openReadOnlyConnection(model.orm.config.get('dbName'));
    try {
      const integrations = new ViewStores(model.orm, reader).of(viewNamed('integrations').entity);
      const before = (await integrations.get('int-7')) as { version?: number } | undefined;

      await runner.rebuild('integrations');
      const { lastPosition } = await model.append(integrationStreamId('int-7'), {
        type: 'IntegrationConvertedToOpen',
        data: { integrationId: 'int-7', convertedAt: '2026-01-01T00:00:00.000Z' },
      });
      await runner.waitFor(lastPosition, 5000);

      expect(before).toMatchObject({ id: 'int-7' });
      expect(await integrations.get('int-7')).toStrictEqual({
        ...before,
        status: 'open',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: (before?.version ?? 0) + 1,
        unpublishedChanges: true,
      });
    } finally {
      reader.close();
    }
  });

  it('serves the old rows during a rebuild and takes in the events appended meanwhile', async () => {
    const before = model.view('integrations').get('int-7');

    const rebuilding = runner.rebuild('integrations');
    const duringRebuild = model.view('integrations').get('int-7');
    const { lastPosition } = await model.append(integrationStreamId('int-7'), {
      type: 'IntegrationConvertedToOpen',
      data: { integrationId: 'int-7', convertedAt: '2026-01-01T00:00:00.000Z' },
    });
    await rebuilding;

    expect(duringRebuild).toStrictEqual(before);
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-7')).toMatchObject({
      status: 'open',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(sorted(await served())).toStrictEqual(sorted(await folded()));
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
  });
});
