import { changeRequestStreamId, integrationDeploymentsStreamId } from '@ib/domain';
import { SecretShreddedError, SecretStore } from '../apps/api/src/infrastructure/secrets';
import { SAMPLE_CONNECTION_ID, createIntegration, eventually, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'four-eyes-password-1';

type Pending = { changeRequestId: string; status: string };
type ChangeRequest = { id: string; status: string; environment: string; requestedBy: string; kind: string };

/**
 * Four-eyes: where an environment's policy asks for it (production by default), promotions, bindings
 * and connection changes become change requests that another administrator of the environment
 * approves (the change then runs, once), rejects with a reason, or that the requester cancels.
 */
describe('four-eyes change requests', () => {
  let t: TestApp;
  let root: string;
  let rootProduction: string;
  let ann: string;
  let bob: string;
  let carl: string;
  let dora: string;
  let quinn: string;
  let annId: string;
  let integrationId: string;
  let productionConnectionId: string;

  const user = async (username: string, roles: object[], environment: string) => {
    const created = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ username, password: PASSWORD, roles })
      .expect(201);
    return { token: await t.login(username, PASSWORD, environment), id: created.body.id as string };
  };
  const pending = (response: { status: number; body: Pending }) => {
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ changeRequestId: expect.any(String), status: 'pending' });
    return response.body.changeRequestId;
  };
  const decide = (token: string, id: string, action: 'approve' | 'reject' | 'cancel', body: object = {}) =>
    t.http().post(`/api/change-requests/${id}/${action}`).set(bearer(token)).send(body);
  const approved = async (id: string, by = bob) => {
    const response = await decide(by, id, 'approve').expect(200);
    return response.body as ChangeRequest & { failureCode?: string };
  };
  const promote = (token: string, environment: string, version = 1) =>
    t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(token))
      .send({ version, environment });
  const deployments = async () =>
    (await t.http().get(`/api/integrations/${integrationId}/deployments`).set(bearer(root)).expect(200))
      .body as {
      items: { environment: string; version: number; binding: { connectionId: string } | null }[];
    };
  const createConnection = (token: string, body: object) =>
    t
      .http()
      .post('/api/connections')
      .set(bearer(token))
      .send({ environment: 'production', ...body });
  const connectionNamed = async (name: string) =>
    (
      (await t.http().get('/api/connections?limit=100').set(bearer(bob)).expect(200)).body as {
        items: { id: string; name: string; version: number }[];
      }
    ).items.filter((connection) => connection.name === name);
  const eventsOf = async (streamId: string) => (await t.store.readStream(streamId)).events;
  const everything = async () => JSON.stringify(await t.store.readAll({ fromPosition: 0, limit: 100_000 }));

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.login(ADMIN.username, ADMIN.password);
    for (const [name, kind] of [
      ['production', 'production'],
      ['qa', 'qa'],
    ])
      await t.http().post('/api/environments').set(bearer(root)).send({ name, kind }).expect(201);
    const admin = (environment: string) => ({ environment, role: 'admin' });
    const builder = { environment: 'development', role: 'developer' };
    ({ token: ann, id: annId } = await user('ann', [builder, admin('production')], 'production'));
    ({ token: bob } = await user('bob', [builder, admin('production')], 'production'));
    ({ token: carl } = await user('carl', [builder, admin('production')], 'production'));
    ({ token: dora } = await user(
      'dora',
      [builder, { environment: 'production', role: 'developer' }],
      'production',
    ));
    ({ token: quinn } = await user('quinn', [builder, admin('qa')], 'qa'));
    rootProduction = await t.login(ADMIN.username, ADMIN.password, 'production');
    integrationId = await createIntegration(t, root, {
      applicationName: 'Orders',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, root, integrationId);
  }, 60_000);
  afterAll(() => t.close());

  it('given the environments, then production asks for four eyes by default and qa does not', async () => {
    const { body } = await t.http().get('/api/environments').set(bearer(root)).expect(200);
    const policies = Object.fromEntries(
      (body.items as { name: string; fourEyes: boolean }[]).map(({ name, fourEyes }) => [name, fourEyes]),
    );
    expect(policies).toEqual({ development: false, production: true, qa: false });
  });

  it('given qa (four-eyes off by default), when its admin promotes, then it is deployed at once', async () => {
    await promote(quinn, 'qa').expect(200);
    expect((await deployments()).items.map(({ environment }) => environment)).toContain('qa');
  });

  it('given a promotion to production by ann, then nothing changes until bob approves; ann, a developer and an admin of another environment cannot', async () => {
    const id = pending(await promote(ann, 'production'));
    expect((await deployments()).items.map(({ environment }) => environment)).not.toContain('production');

    const own = await decide(ann, id, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES.SAME_PERSON');
    expect((await decide(dora, id, 'approve')).status).toBe(404);
    expect((await decide(quinn, id, 'approve')).status).toBe(404);
    expect((await t.http().get(`/api/change-requests/${id}`).set(bearer(ann)).expect(200)).body.status).toBe(
      'pending',
    );

    expect(await approved(id)).toMatchObject({ status: 'applied', decidedBy: expect.any(String) });
    expect((await deployments()).items).toContainEqual(
      expect.objectContaining({ environment: 'production', version: 1 }),
    );
    // The deployment's own event says who asked (ann) and which change request it applied.
    const deployed = (await eventsOf(integrationDeploymentsStreamId(integrationId))).at(-1)!;
    expect(deployed.metadata).toMatchObject({ actorId: annId, correlationId: id, environment: 'production' });

    const again = await decide(carl, id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHANGE_REQUEST.NOT_PENDING');
    expect(again.body.detail).toMatch(/already approved by bob at /);
  });

  it('given bad input or a developer, then the call is refused up front as it would be without four-eyes', async () => {
    expect((await promote(dora, 'production')).status).toBe(403);
    const unpublished = await promote(ann, 'production', 99);
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.code).toBe('DEPLOYMENT.VERSION_NOT_PUBLISHED');
    expect((await createConnection(ann, { name: '', provider: 'sqlite', details: {} })).status).toBe(400);
    const { body } = await t.http().get('/api/change-requests?status=pending').set(bearer(bob)).expect(200);
    expect(body.items).toEqual([]);
  });

  it('given a created connection, when bob rejects it with a reason, then nothing is created and its sealed password is destroyed', async () => {
    const id = pending(
      await createConnection(ann, {
        name: 'Rejected',
        provider: 'mysql',
        details: { host: 'db.prod.local', username: 'orders' },
        password: 'never-in-an-event-1',
      }),
    );
    const requested = (await eventsOf(changeRequestStreamId(id)))[0]!;
    const secretRef = (requested.data as { change: { secretRef: string } }).change.secretRef;
    expect(secretRef).toMatch(/^secret-/);
    expect(await everything()).not.toContain('never-in-an-event-1');
    // The view shows the change without the reference of its password.
    const shown = await t.http().get(`/api/change-requests/${id}`).set(bearer(bob)).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain(secretRef);

    expect((await decide(bob, id, 'reject', {})).status).toBe(400);
    const rejected = await decide(bob, id, 'reject', { reason: 'Use the replica' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Use the replica' });
    expect(await connectionNamed('Rejected')).toEqual([]);

    const secrets = t.app.get(SecretStore);
    await eventually(
      () =>
        secrets.get(secretRef).then(
          () => undefined,
          (error: unknown) => (error instanceof SecretShreddedError ? true : undefined),
        ),
      'the sealed password destroyed',
    );
  });

  it('given a pending change, then only its requester cancels it', async () => {
    const id = pending(
      await createConnection(ann, {
        name: 'Cancelled',
        provider: 'sqlite',
        details: { path: 'sample.sqlite' },
      }),
    );
    const byBob = await decide(bob, id, 'cancel');
    expect(byBob.status).toBe(403);
    expect(byBob.body.code).toBe('FOUR_EYES.NOT_REQUESTER');
    expect((await decide(ann, id, 'cancel').expect(200)).body.status).toBe('cancelled');
    expect((await decide(bob, id, 'approve')).status).toBe(409);
  });

  it('given two approvals at once, then the change is applied once and the other approval is a 409', async () => {
    const id = pending(
      await createConnection(ann, {
        name: 'Orders (prod)',
        provider: 'sqlite',
        details: { path: 'sample.sqlite' },
      }),
    );
    const answers = await Promise.all([decide(bob, id, 'approve'), decide(carl, id, 'approve')]);
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 409]);
    const created = await connectionNamed('Orders (prod)');
    expect(created).toHaveLength(1);
    productionConnectionId = created[0]!.id;
    const decisions = (await eventsOf(changeRequestStreamId(id))).map(({ type }) => type);
    expect(decisions).toEqual(['ChangeRequested', 'ChangeApproved', 'ChangeApplied']);
  });

  it('given a binding in production, then it waits for a second administrator', async () => {
    const bind = () =>
      t
        .http()
        .put(`/api/environments/production/integrations/${integrationId}/connection`)
        .set(bearer(ann))
        .send({ connectionId: productionConnectionId });
    const id = pending(await bind());
    expect(
      (await deployments()).items.find(({ environment }) => environment === 'production')?.binding
        ?.connectionId,
    ).toBe(undefined);
    expect((await approved(id)).status).toBe('applied');
    expect(
      (await deployments()).items.find(({ environment }) => environment === 'production')?.binding
        ?.connectionId,
    ).toBe(productionConnectionId);
  });

  it('given a connection in production, then editing, rotating and deleting it are change requests, and no password enters an event', async () => {
    const created = pending(
      await createConnection(ann, {
        name: 'Billing',
        provider: 'mysql',
        details: { host: 'db.prod.local', username: 'billing' },
        password: 'first-password-1',
      }),
    );
    expect((await approved(created)).status).toBe('applied');
    const [billing] = await connectionNamed('Billing');

    const edited = pending(
      await t
        .http()
        .patch(`/api/connections/${billing!.id}`)
        .set(bearer(ann))
        .set('If-Match', `"${billing!.version}"`)
        .send({ name: 'Billing (prod)' }),
    );
    expect(await connectionNamed('Billing (prod)')).toEqual([]);
    expect((await approved(edited)).status).toBe('applied');
    const [renamed] = await connectionNamed('Billing (prod)');

    const rotated = pending(
      await t
        .http()
        .put(`/api/connections/${renamed!.id}/password`)
        .set(bearer(ann))
        .send({ password: 'second-password-2' }),
    );
    expect((await approved(rotated, carl)).status).toBe('applied');
    const log = await everything();
    expect(log).not.toContain('first-password-1');
    expect(log).not.toContain('second-password-2');

    const deleted = pending(await t.http().delete(`/api/connections/${renamed!.id}`).set(bearer(ann)));
    await t.http().get(`/api/connections/${renamed!.id}`).set(bearer(bob)).expect(200);
    expect((await approved(deleted)).status).toBe('applied');
    await t.http().get(`/api/connections/${renamed!.id}`).set(bearer(bob)).expect(404);
  });

  it('given a change that no longer applies when approved, then it is recorded as failed with the reason', async () => {
    const [orders] = await connectionNamed('Orders (prod)');
    // Stale from the start: the If-Match the requester saw is checked again when it runs.
    const id = pending(
      await t
        .http()
        .patch(`/api/connections/${orders!.id}`)
        .set(bearer(ann))
        .set('If-Match', `"${orders!.version}"`)
        .send({ name: 'Orders (first)' }),
    );
    pending(
      await t
        .http()
        .patch(`/api/connections/${orders!.id}`)
        .set(bearer(bob))
        .set('If-Match', `"${orders!.version}"`)
        .send({ name: 'Orders (second)' }),
    );
    const second = (
      await t.http().get('/api/change-requests?status=pending').set(bearer(ann)).expect(200)
    ).body.items.find((request: ChangeRequest) => request.id !== id) as ChangeRequest;
    expect((await approved(second.id, ann)).status).toBe('applied');
    expect(await approved(id)).toMatchObject({ status: 'failed', failureCode: 'PRECONDITION_FAILED' });
  });

  it('given the policy, then turning four-eyes on is immediate and turning it off is itself a change request', async () => {
    const on = await t
      .http()
      .put('/api/environments/qa/policy')
      .set(bearer(quinn))
      .send({ fourEyes: true })
      .expect(200);
    expect(on.body).toMatchObject({ name: 'qa', fourEyes: true });
    pending(await promote(quinn, 'qa'));
    expect(
      (await t.http().put('/api/environments/qa/policy').set(bearer(dora)).send({ fourEyes: false })).status,
    ).toBe(404);
    expect(
      (await t.http().put('/api/environments/qa/policy').set(bearer(quinn)).send({ fourEyes: 'no' })).status,
    ).toBe(400);

    const off = pending(
      await t.http().put('/api/environments/qa/policy').set(bearer(quinn)).send({ fourEyes: false }),
    );
    expect((await t.http().get('/api/environments/qa').set(bearer(quinn)).expect(200)).body.fourEyes).toBe(
      true,
    );
    // The owner created qa, so administers it: a second administrator there.
    const rootQa = await t.login(ADMIN.username, ADMIN.password, 'qa');
    expect((await approved(off, rootQa)).status).toBe('applied');
    expect((await t.http().get('/api/environments/qa').set(bearer(quinn)).expect(200)).body.fourEyes).toBe(
      false,
    );
  });

  it('given change requests, then admins list those of their environments, requesters their own, filtered', async () => {
    const list = async (token: string, query = '') =>
      (
        (await t.http().get(`/api/change-requests${query}`).set(bearer(token)).expect(200)).body as {
          items: ChangeRequest[];
        }
      ).items;
    const applied = await list(bob, '?environment=production&status=applied');
    expect(applied.length).toBeGreaterThan(0);
    expect(
      applied.every(({ environment, status }) => environment === 'production' && status === 'applied'),
    ).toBe(true);
    expect((await list(bob)).some(({ environment }) => environment === 'qa')).toBe(false);
    expect(await list(dora)).toEqual([]);
    expect((await list(quinn)).every(({ environment }) => environment === 'qa')).toBe(true);
    const all = await list(rootProduction);
    expect(all.map(({ id }) => id)).toEqual([...all].map(({ id }) => id));
    await t.http().get('/api/change-requests?status=done').set(bearer(bob)).expect(400);
  });

  it('given a pending change, then the other admins find it in their approvals inbox and are notified; the requester is told the outcome', async () => {
    const id = pending(await promote(ann, 'production'));
    const inbox = async (token: string) =>
      (
        (await t.http().get('/api/approvals').set(bearer(token)).expect(200)).body as {
          items: { id: string; kind: string }[];
        }
      ).items;
    expect(await inbox(bob)).toContainEqual(expect.objectContaining({ id, kind: 'change-request' }));
    expect((await inbox(ann)).map((item) => item.id)).not.toContain(id);

    type Told = { kind: string; body: string; link: string };
    const toldOf = (token: string, what: (n: Told) => boolean) =>
      eventually(async () => {
        const { body } = await t.http().get('/api/notifications?limit=100').set(bearer(token)).expect(200);
        return (body.items as Told[]).find(what);
      }, 'a notification');
    await toldOf(bob, (n) => n.kind === 'change-requested' && n.link === `/change-requests/show/${id}`);
    await decide(carl, id, 'reject', { reason: 'Not on a Friday' }).expect(200);
    const rejected = await toldOf(ann, (n) => n.kind === 'change-rejected' && n.link.endsWith(id));
    expect(rejected.body).toContain('Not on a Friday');
  });

  it('shows the change requests projection with the others', async () => {
    const { body } = await t.http().get('/api/projections').set(bearer(root)).expect(200);
    expect(body.items.map((p: { name: string }) => p.name)).toContain('change_requests');
  });
});
