import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

describe('connection requests: approved or rejected once, cancelled only while pending', () => {
  let t: TestApp;
  let admin: string;
  let dana: string;
  let eli: string;

  const developer = async (username: string) => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        username,
        password: `${username}-password-1`,
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    return t.login(username, `${username}-password-1`);
  };
  const request = async (token: string, name: string) =>
    (
      await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(token))
        .send({ name, provider: 'sqlite', details: { path: 'sample.sqlite' } })
        .expect(201)
    ).body as { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    dana = await developer('dana');
    eli = await developer('eli');
  });
  afterAll(() => t.close());

  it('rejects with a reason, after which the request can be neither approved nor cancelled', async () => {
    const { id } = await request(dana, 'Rejected one');
    const missingReason = await t
      .http()
      .post(`/api/connection-requests/${id}/reject`)
      .set(bearer(admin))
      .send({});
    expect(missingReason.status).toBe(400);
    const rejected = await t
      .http()
      .post(`/api/connection-requests/${id}/reject`)
      .set(bearer(admin))
      .send({ reason: 'Use the replica' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Use the replica' });
    for (const action of ['approve', 'cancel']) {
      const again = await t
        .http()
        .post(`/api/connection-requests/${id}/${action}`)
        .set(bearer(action === 'cancel' ? dana : admin));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONNECTION_REQUEST.NOT_PENDING');
    }
    const connections = await t.http().get('/api/connections').set(bearer(dana)).expect(200);
    expect(connections.body.items.map((c: { name: string }) => c.name)).not.toContain('Rejected one');
  });

  it('lets only administrators decide, and only the requester (or an administrator) cancel', async () => {
    const { id } = await request(dana, 'Cancelled one');
    const byDeveloper = await t.http().post(`/api/connection-requests/${id}/approve`).set(bearer(dana));
    expect(byDeveloper.status).toBe(403);
    // Another developer does not even see someone else's request, to read or to cancel it
    await t.http().get(`/api/connection-requests/${id}`).set(bearer(eli)).expect(404);
    const byOther = await t.http().post(`/api/connection-requests/${id}/cancel`).set(bearer(eli));
    expect(byOther.status).toBe(404);
    expect(byOther.body.code).toBe('CONNECTION_REQUEST.NOT_FOUND');
    const cancelled = await t
      .http()
      .post(`/api/connection-requests/${id}/cancel`)
      .set(bearer(dana))
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('approves once: a second approval is a conflict and creates no second connection', async () => {
    const { id } = await request(dana, 'Approved once');
    const approved = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(admin))
      .set('If-Match', '"0"')
      .expect(200);
    expect(approved.headers.etag).toBe('"1"');
    const again = await t.http().post(`/api/connection-requests/${id}/approve`).set(bearer(admin));
    expect(again.status).toBe(409);
    const connections = await t.http().get('/api/connections').set(bearer(dana)).expect(200);
    expect(connections.body.items.filter((c: { requestId?: string }) => c.requestId === id)).toHaveLength(1);
  });

  it('tells an out-of-date tab that approves who approved the request and when, not a version number', async () => {
    // Given a request two administrators' tabs show at version 0, approved in one of them
    const { id, version } = await request(dana, 'Approved in another tab');
    const first = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(admin))
      .set('If-Match', `"${version}"`)
      .expect(200);
    // When the other tab approves it with the version it saw
    const stale = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(admin))
      .set('If-Match', `"${version}"`);
    // Then it is told who approved it and when
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CONNECTION_REQUEST.NOT_PENDING',
      decision: 'approved',
      decidedBy: first.body.decidedBy,
      decidedByName: ADMIN.username,
      decidedAt: first.body.decidedAt,
    });
    expect(stale.body.detail).toBe(
      `Connection request ${id} was already approved by ${ADMIN.username} at ${first.body.decidedAt}`,
    );
    // And whoever may not decide it learns nothing of the decision
    const byRequester = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(dana))
      .set('If-Match', `"${version}"`);
    expect(byRequester.status).toBe(403);
    const byOther = await t
      .http()
      .post(`/api/connection-requests/${id}/cancel`)
      .set(bearer(eli))
      .set('If-Match', `"${version}"`);
    expect(byOther.status).toBe(404);
  });

  it('answers 412 to an If-Match that names a version a pending request never had', async () => {
    const { id } = await request(dana, 'Never at version 7');
    const response = await t
      .http()
      .post(`/api/connection-requests/${id}/approve`)
      .set(bearer(admin))
      .set('If-Match', '"7"');
    expect(response.status).toBe(412);
    expect(response.body.code).toBe('PRECONDITION_FAILED');
  });

  it('shows each projection caught up with the event store head', async () => {
    const status = await t.http().get('/api/projections').set(bearer(admin)).expect(200);
    const head = await t.store.headPosition();
    expect(status.body.items.map((p: { name: string }) => p.name).sort()).toEqual([
      'api_keys',
      'change_requests',
      'connection_bindings',
      'connection_requests',
      'connections',
      'dependencies',
      'deployments',
      'environment_drift_checks',
      'environments',
      'integration_dependency_states',
      'integrations',
      'publications',
      'republish_runs',
      'schema_drift',
      'user_sessions',
      'users',
    ]);
    for (const projection of status.body.items)
      expect(projection).toMatchObject({ head, position: head, lag: 0, rebuilding: false });
  });

  it('publishes the OpenAPI document of every endpoint', async () => {
    const document = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/integrations/{id}/review',
        '/api/connection-requests/{id}/approve',
        '/api/connections/{id}/databases/{db}/tables/{table}',
      ]),
    );
  });
});

describe('rebuilding a projection through the API', () => {
  it('answers 202 at once, keeps serving, and ends with the same rows', async () => {
    const t = await startTestApp();
    try {
      // Given some integrations
      const admin = await t.login(ADMIN.username, ADMIN.password);
      for (const name of ['One', 'Two', 'Three'])
        await t
          .http()
          .post('/api/integrations')
          .set(bearer(admin))
          .send({ provider: 'sqlite', applicationName: name })
          .expect(201);
      const before = (await t.http().get('/api/integrations').set(bearer(admin)).expect(200)).body;
      // When an administrator rebuilds the integrations projection
      await t.http().post('/api/projections/integrations/rebuild').set(bearer(admin)).expect(202);
      // Then reads keep working meanwhile, and once done the rows are identical
      await t.http().get('/api/integrations').set(bearer(admin)).expect(200);
      let status: { name: string; rebuilding: boolean }[] = [];
      for (let attempt = 0; attempt < 100; attempt++) {
        status = (await t.http().get('/api/projections').set(bearer(admin)).expect(200)).body.items;
        if (!status.some((projection) => projection.rebuilding)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status.some((projection) => projection.rebuilding)).toBe(false);
      const after = (await t.http().get('/api/integrations').set(bearer(admin)).expect(200)).body;
      expect(after).toEqual(before);
      // And unknown names or non-administrators are refused
      await t.http().post('/api/projections/nope/rebuild').set(bearer(admin)).expect(404);
    } finally {
      await t.close();
    }
  });
});
