import { ProjectionRunner } from '../../apps/api/src/infrastructure/read-model/projection-runner';
import { READ_MODEL_ORM, type ReadModelOrm } from '../../apps/api/src/read-model';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from '../support/publishing';
import { VIEW_TABLES } from '../support/read-model';
import { ADMIN, bearer, startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'replay-password-for-tests';

type ReplayedView = {
  view: string;
  position: number;
  equal: boolean;
  liveRows: number;
  replayedRows: number;
  differences: {
    key: string;
    live: Record<string, unknown> | null;
    replayed: Record<string, unknown> | null;
  }[];
};

/**
 * The audit replay proves the read model: every view rebuilt from the log beside the live one and
 * compared with it, row by row, changing nothing the API serves.
 */
describe('POST /api/audit/replay', () => {
  let t: TestApp;
  let owner: string;
  let integrationId: string;
  let apiKeyId: string;

  /**
   * Runs SQL on the read model's file, as someone editing it by hand would. On the ORM's connection: a
   * second SQLite library in this process (node:sqlite) would drop libsql's file locks when it closes.
   */
  const editReadModel = (sql: string, ...values: unknown[]) =>
    t.app.get<ReadModelOrm>(READ_MODEL_ORM).em.fork().execute(sql, values);
  const replayTablesLeft = () =>
    t.app
      .get<ReadModelOrm>(READ_MODEL_ORM)
      .em.fork()
      .execute("select name from sqlite_master where type = 'table' and name like '%replay%'");
  const replay = (token = owner) => t.http().post('/api/audit/replay').set(bearer(token));
  const viewOf = (views: ReplayedView[], name: string) => views.find(({ view }) => view === name);

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login(ADMIN.username, ADMIN.password);
    // Given a history of every kind of object: environments, users, API keys, connection requests and
    // connections, integrations, publications and deployments, dependencies
    await t.http().post('/api/environments').set(bearer(owner)).send({ name: 'qa', kind: 'qa' }).expect(201);
    owner = await t.login(ADMIN.username, ADMIN.password);
    for (const [username, role] of [
      ['replay-developer', 'developer'],
      ['replay-admin', 'admin'],
      ['replay-auditor', 'auditor'],
    ])
      await t
        .http()
        .post('/api/users')
        .set(bearer(owner))
        .send({ username, password: PASSWORD, roles: [{ environment: 'development', role }] })
        .expect(201);
    apiKeyId = (
      await t
        .http()
        .post('/api/environments/development/api-keys')
        .set(bearer(owner))
        .send({ appName: 'Replay app' })
        .expect(201)
    ).body.id as string;
    const developer = await t.login('replay-developer', PASSWORD);
    const request = await t
      .http()
      .post('/api/connection-requests')
      .set(bearer(developer))
      .send({
        name: 'Requested shop',
        provider: 'sqlite',
        environment: 'development',
        details: { path: 'sample.sqlite' },
      })
      .expect(201);
    await t
      .http()
      .post(`/api/connection-requests/${request.body.id as string}/approve`)
      .set(bearer(owner))
      .expect(200);
    integrationId = await createIntegration(t, owner, {
      applicationName: 'Replayed shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, owner, integrationId);
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(owner))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await createIntegration(t, owner, { applicationName: 'Draft only' });
  }, 60_000);
  afterAll(() => t.close());

  it('given a history of every kind of object, when an owner replays, then every view equals its replay and no replay table is left', async () => {
    // When
    const response = await replay().expect(200);

    // Then
    const { body } = response;
    expect(body).toMatchObject({ equal: true, startedAt: expect.any(String), tookMs: expect.any(Number) });
    expect(body.position).toBeGreaterThan(0);
    const views = body.views as ReplayedView[];
    expect(views.map(({ view }) => view).sort()).toEqual([...VIEW_TABLES].sort());
    for (const view of views)
      expect(view).toEqual({
        view: view.view,
        position: expect.any(Number),
        equal: true,
        liveRows: view.replayedRows,
        replayedRows: expect.any(Number),
        differences: [],
      });
    expect(viewOf(views, 'integrations')?.liveRows).toBe(2);
    expect(viewOf(views, 'users')?.liveRows).toBe(4);
    expect(viewOf(views, 'connections')?.liveRows).toBeGreaterThanOrEqual(2);
    expect(viewOf(views, 'deployments')?.liveRows).toBeGreaterThanOrEqual(1);
    expect(await replayTablesLeft()).toEqual([]);
  });

  it('given a row of the integrations view edited by hand, when replayed, then that view differs at that row, and the live row stays as edited', async () => {
    // Given
    await editReadModel("update integrations set application_name = 'Tampered' where id = ?", integrationId);

    // When
    const { body } = await replay().expect(200);

    // Then the report names the view and the row, both versions of it
    expect(body.equal).toBe(false);
    const views = body.views as ReplayedView[];
    expect(views.filter(({ equal }) => !equal).map(({ view }) => view)).toEqual(['integrations']);
    expect(viewOf(views, 'integrations')).toMatchObject({
      liveRows: 2,
      replayedRows: 2,
      differences: [
        {
          key: integrationId,
          live: expect.objectContaining({ id: integrationId, applicationName: 'Tampered' }),
          replayed: expect.objectContaining({ id: integrationId, applicationName: 'Replayed shop' }),
        },
      ],
    });
    // And nothing was swapped: the API still serves the edited row
    const served = await t.http().get(`/api/integrations/${integrationId}`).set(bearer(owner)).expect(200);
    expect(served.body.applicationName).toBe('Tampered');
    expect(await replayTablesLeft()).toEqual([]);
    await editReadModel(
      "update integrations set application_name = 'Replayed shop' where id = ?",
      integrationId,
    );
  });

  it('given a row deleted by hand and one the log never made, when replayed, then each is a difference with null on the side that lacks it', async () => {
    // Given
    await editReadModel('delete from api_keys where id = ?', apiKeyId);
    await editReadModel(
      "insert into environments (name, kind, created_by, created_at) select '~forged', kind, created_by, created_at from environments where name = 'qa'",
    );

    // When
    const { body } = await replay().expect(200);

    // Then
    const views = body.views as ReplayedView[];
    expect(
      views
        .filter(({ equal }) => !equal)
        .map(({ view }) => view)
        .sort(),
    ).toEqual(['api_keys', 'environments']);
    expect(viewOf(views, 'api_keys')?.differences).toEqual([
      { key: apiKeyId, live: null, replayed: expect.objectContaining({ appName: 'Replay app' }) },
    ]);
    expect(viewOf(views, 'environments')?.differences).toEqual([
      { key: '~forged', live: expect.objectContaining({ name: '~forged' }), replayed: null },
    ]);
  });

  it('given a replay running, when another is asked for, then 409 AUDIT.REPLAY_RUNNING, and the first one answers', async () => {
    // Given a replay held where it takes the live rows
    const runner = t.app.get(ProjectionRunner);
    const hold = runner.hold.bind(runner);
    let reached!: () => void;
    const atHold = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const spy = jest.spyOn(runner, 'hold').mockImplementationOnce(async (task) => {
      reached();
      await released;
      return hold(task);
    });
    const first = replay().then((response) => response);
    await atHold;

    try {
      // When
      const second = await replay().expect(409);

      // Then
      expect(second.body).toMatchObject({ status: 409, code: 'AUDIT.REPLAY_RUNNING' });
    } finally {
      release();
      spy.mockRestore();
    }
    expect((await first).status).toBe(200);
  });

  it.each([
    ['developer', 'replay-developer'],
    ['admin', 'replay-admin'],
    ['auditor', 'replay-auditor'],
  ])(
    'given a %s of development, when they ask for a replay, then 403 AUTH.OWNER_REQUIRED',
    async (_, username) => {
      const token = await t.login(username, PASSWORD);

      const refused = await replay(token).expect(403);

      expect(refused.body).toMatchObject({ code: 'AUTH.OWNER_REQUIRED' });
    },
  );

  it('given no credentials, when a replay is asked for, then 401', async () => {
    await t.http().post('/api/audit/replay').expect(401);
  });
});
