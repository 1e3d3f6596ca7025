import {
  type ConnectionCreated,
  type ConnectionRequested,
  connectionRequestStreamId,
  connectionStreamId,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { SecretShreddedError } from '../apps/api/src/infrastructure/secrets/secret-errors';
import { SecretStore } from '../apps/api/src/infrastructure/secrets/secret-store.port';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'lifecycle-password-1';
const SERVER = { host: 'db.invalid', port: 3306, database: 'shop', username: 'app' };

/**
 * A connection's life after its creation: its details change under If-Match, its password is rotated,
 * it is deleted once it serves nothing. Every secret nothing needs any more (a rotated password, a
 * deleted connection's, a rejected or cancelled request's) is destroyed, while the log stays whole.
 */
describe('connection lifecycle: change, rotate, delete, and the secrets destroyed on the way', () => {
  let t: TestApp;
  let secrets: SecretStore;
  let admin: string;
  let developer: string;
  let qaAdmin: string;
  let copies = 0;

  const user = async (username: string, roles: object[], environment: string) => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ username, password: PASSWORD, roles })
      .expect(201);
    return t.login(username, PASSWORD, environment);
  };
  const sqliteConnection = async (environment = 'development', token = admin) =>
    sampleCopy(t, token, {
      file: `lifecycle-${++copies}.sqlite`,
      name: `Lifecycle ${copies}`,
      environment,
    });
  const serverConnection = async (password = 'first-password') => {
    const { body } = await t
      .http()
      .post('/api/connections')
      .set(bearer(admin))
      .send({ name: `Server ${++copies}`, provider: 'mysql', details: SERVER, password })
      .expect(201);
    return body.id as string;
  };
  const secretOf = async (connectionId: string) => {
    const { events } = await t.store.readStream(connectionStreamId(connectionId));
    return (events[0]!.data as ConnectionCreated['data']).secretRef!;
  };
  const requestSecretOf = async (requestId: string) => {
    const { events } = await t.store.readStream(connectionRequestStreamId(requestId));
    return (events[0]!.data as ConnectionRequested['data']).secretRef!;
  };
  /** Resolves once the secret can no longer be read: its data key is gone. */
  const destroyed = (ref: string) =>
    eventually(
      () =>
        secrets.get(ref).then(
          () => undefined,
          (error: unknown) => (error instanceof SecretShreddedError ? true : undefined),
        ),
      `secret ${ref} to be destroyed`,
    );
  const patch = (id: string, body: object, token = admin) =>
    t.http().patch(`/api/connections/${id}`).set(bearer(token)).send(body);
  const rotate = (id: string, body: object, token = admin) =>
    t.http().put(`/api/connections/${id}/password`).set(bearer(token)).send(body);
  const remove = (id: string, token = admin) => t.http().delete(`/api/connections/${id}`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    secrets = t.app.get(SecretStore);
    admin = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    admin = await t.login(ADMIN.username, ADMIN.password);
    developer = await user('lc-dev', [{ environment: 'development', role: 'developer' }], 'development');
    qaAdmin = await user('lc-qa-admin', [{ environment: 'qa', role: 'admin' }], 'qa');
  }, 60_000);
  afterAll(() => t.close());

  describe('PATCH /api/connections/:id', () => {
    it('given the current ETag, when the details change, then it answers them with the next ETag, and a stale ETag is refused', async () => {
      const { connectionId } = await sqliteConnection();
      const read = await t.http().get(`/api/connections/${connectionId}`).set(bearer(admin)).expect(200);
      expect(read.headers.etag).toBe('"0"');
      const { path } = read.body.details as { path: string };

      const changed = await patch(connectionId, {
        name: 'Shop (renamed)',
        details: { path, options: { timeoutMs: 2000 } },
      })
        .set('If-Match', '"0"')
        .expect(200);
      expect(changed.headers.etag).toBe('"1"');
      expect(changed.body).toMatchObject({
        name: 'Shop (renamed)',
        details: { path, options: { timeoutMs: 2000 } },
        version: 1,
      });

      const before = await t.store.headPosition();
      const stale = await patch(connectionId, { name: 'Lost update' }).set('If-Match', '"0"');
      expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
      expect(await t.store.headPosition()).toBe(before);
      const after = await t.http().get(`/api/connections/${connectionId}`).set(bearer(admin)).expect(200);
      expect(after.body.name).toBe('Shop (renamed)');
      const history = await t
        .http()
        .get(`/api/connections/${connectionId}/history`)
        .set(bearer(admin))
        .expect(200);
      expect(history.body.items.map(({ type }: { type: string }) => type)).toEqual([
        'ConnectionCreated',
        'ConnectionDetailsChanged',
      ]);
    });

    it('given a connection browsed once, when it is pointed at another database, then browsing reads the new one', async () => {
      const { connectionId } = await sqliteConnection();
      const tables = async () =>
        (
          (
            await t
              .http()
              .get(`/api/connections/${connectionId}/databases/main/tables`)
              .set(bearer(admin))
              .expect(200)
          ).body.items as { name: string }[]
        ).map(({ name }) => name);
      expect(await tables()).not.toContain('audit_trail');
      const other = await sampleCopy(t, admin, {
        file: 'lifecycle-other.sqlite',
        name: 'Other copy',
        sql: 'CREATE TABLE audit_trail (id INTEGER PRIMARY KEY)',
      });
      const otherPath = (
        await t.http().get(`/api/connections/${other.connectionId}`).set(bearer(admin)).expect(200)
      ).body.details.path as string;

      await patch(connectionId, { details: { path: otherPath } }).expect(200);

      expect(await tables()).toContain('audit_trail');
    });

    it('given a change to nothing new, then it answers the connection as it is and records nothing', async () => {
      const { connectionId } = await sqliteConnection();
      const before = await t.store.headPosition();
      const same = await patch(connectionId, {}).expect(200);
      expect(same.headers.etag).toBe('"0"');
      expect(await t.store.headPosition()).toBe(before);
    });

    it.each([
      ['a provider', { provider: 'mysql' }, undefined],
      ['an environment', { environment: 'qa' }, undefined],
      ['an empty name', { name: '' }, undefined],
      ['a password in the details', { details: { path: 'x.sqlite', password: 'p' } }, undefined],
      ['a server for a SQLite file', { details: { path: 'x.sqlite', host: 'db.local' } }, 'details.host'],
      ['a path outside the databases folder', { details: { path: '../../etc/passwd' } }, 'details.path'],
    ])('given %s, then it answers 400 and changes nothing', async (_, body, field) => {
      const { connectionId } = await sqliteConnection();
      const before = await t.store.headPosition();
      const refused = await patch(connectionId, body);
      expect(refused.status).toBe(400);
      if (field !== undefined) {
        expect(refused.body.code).toBe('CONNECTION.INVALID');
        expect(refused.body.errors.map(({ field: named }: { field: string }) => named)).toEqual([field]);
      }
      expect(await t.store.headPosition()).toBe(before);
    });
  });

  describe('PUT /api/connections/:id/password', () => {
    it('given a connection with a password, when it is rotated, then the new one is stored and the old one destroyed, never shown', async () => {
      const connectionId = await serverConnection('first-password');
      const oldRef = await secretOf(connectionId);

      const rotated = await rotate(connectionId, { password: 'second-password' })
        .set('If-Match', '"0"')
        .expect(200);

      expect(rotated.headers.etag).toBe('"1"');
      expect(rotated.body).toMatchObject({ id: connectionId, hasSecret: true, version: 1 });
      await destroyed(oldRef);
      const { events } = await t.store.readStream(connectionStreamId(connectionId));
      const newRef = (events[1]!.data as { secretRef: string }).secretRef;
      expect(events[1]).toMatchObject({
        type: 'ConnectionPasswordRotated',
        data: { previousSecretRef: oldRef, secretRef: newRef },
      });
      expect(await secrets.get(newRef)).toBe('second-password');
      const history = await t
        .http()
        .get(`/api/connections/${connectionId}/history`)
        .set(bearer(admin))
        .expect(200);
      for (const shown of [rotated.text, history.text, JSON.stringify(events)])
        expect(shown).not.toMatch(/first-password|second-password/);
    });

    it('given a stale If-Match, then it answers 412 and keeps the password', async () => {
      const connectionId = await serverConnection();
      const ref = await secretOf(connectionId);
      const stale = await rotate(connectionId, { password: 'lost' }).set('If-Match', '"3"');
      expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
      expect(await secrets.get(ref)).toBe('first-password');
    });

    it('given a SQLite connection, or no password, then it answers 400', async () => {
      const { connectionId } = await sqliteConnection();
      const sqlite = await rotate(connectionId, { password: 'pointless' });
      expect([sqlite.status, sqlite.body.code]).toEqual([400, 'CONNECTION.INVALID']);
      await rotate(await serverConnection(), {}).expect(400);
      await rotate(await serverConnection(), { password: '' }).expect(400);
    });
  });

  describe('DELETE /api/connections/:id', () => {
    it('given a connection that serves a deployment, then it answers 409 until another one serves there', async () => {
      const integrationId = await createIntegration(t, admin, {
        applicationName: 'Served by a lifecycle connection',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
      await publishedOrFail(t, admin, integrationId);
      await eventually(async () => {
        const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
        return version >= 0 ? version : undefined;
      }, 'the deployment to development');
      const operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
      await t
        .http()
        .post(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(operator))
        .send({ version: 1, environment: 'qa' })
        .expect(200);
      const first = await sqliteConnection('qa', operator);
      const second = await sqliteConnection('qa', operator);
      const bind = (connectionId: string) =>
        t
          .http()
          .put(`/api/environments/qa/integrations/${integrationId}/connection`)
          .set(bearer(operator))
          .send({ connectionId })
          .expect(200);
      await bind(first.connectionId);

      const bound = await remove(first.connectionId, operator);
      expect([bound.status, bound.body.code]).toEqual([409, 'CONNECTION.BOUND']);
      expect(bound.body.detail).toContain(integrationId);

      await bind(second.connectionId);
      await remove(first.connectionId, operator).expect(204);
      await t.http().get(`/api/connections/${first.connectionId}`).set(bearer(operator)).expect(404);
      const again = await remove(first.connectionId, operator);
      expect([again.status, again.body.code]).toEqual([404, 'CONNECTION.NOT_FOUND']);
      const rebound = await t
        .http()
        .put(`/api/environments/qa/integrations/${integrationId}/connection`)
        .set(bearer(operator))
        .send({ connectionId: first.connectionId });
      expect(rebound.status).toBe(404);
    });

    it('given a connection an integration is built on in development, then it answers 409 naming the integration', async () => {
      const { connectionId } = await sqliteConnection();
      const integrationId = await createIntegration(t, admin, {
        applicationName: 'Built on a lifecycle connection',
        connectionId,
      });

      const refused = await remove(connectionId);

      expect([refused.status, refused.body.code]).toEqual([409, 'CONNECTION.BOUND']);
      expect(refused.body.detail).toContain(integrationId);
      expect(refused.body.detail).toContain("'development'");
      await t.http().get(`/api/connections/${connectionId}`).set(bearer(admin)).expect(200);
    });

    it('given a connection with a password, when it is deleted, then its secret is destroyed and nothing can change it any more', async () => {
      const connectionId = await serverConnection();
      const ref = await secretOf(connectionId);

      await remove(connectionId).set('If-Match', '"0"').expect(204);

      await destroyed(ref);
      for (const refused of [
        await patch(connectionId, { name: 'Back' }),
        await rotate(connectionId, { password: 'again' }),
      ])
        expect([refused.status, refused.body.code]).toEqual([404, 'CONNECTION.NOT_FOUND']);
      const list = await t.http().get('/api/connections?limit=100').set(bearer(admin)).expect(200);
      expect(list.body.items.map(({ id }: { id: string }) => id)).not.toContain(connectionId);
    });
  });

  describe('connection requests', () => {
    const requestWithPassword = async () => {
      const { body } = await t
        .http()
        .post('/api/connection-requests')
        .set(bearer(developer))
        .send({ name: `Wanted ${++copies}`, provider: 'mysql', details: SERVER, password: 'requested' })
        .expect(201);
      return body.id as string;
    };

    it('given a request rejected, then its secret is destroyed', async () => {
      const requestId = await requestWithPassword();
      const ref = await requestSecretOf(requestId);
      await t
        .http()
        .post(`/api/connection-requests/${requestId}/reject`)
        .set(bearer(admin))
        .send({ reason: 'Use the replica' })
        .expect(200);
      await destroyed(ref);
    });

    it('given a request cancelled by its requester, then its secret is destroyed', async () => {
      const requestId = await requestWithPassword();
      const ref = await requestSecretOf(requestId);
      await t.http().post(`/api/connection-requests/${requestId}/cancel`).set(bearer(developer)).expect(200);
      await destroyed(ref);
    });

    it('given a request approved, then its secret stays: it is the connection’s now', async () => {
      const requestId = await requestWithPassword();
      const ref = await requestSecretOf(requestId);
      const approved = await t
        .http()
        .post(`/api/connection-requests/${requestId}/approve`)
        .set(bearer(admin))
        .expect(200);
      expect(await secretOf(approved.body.connectionId as string)).toBe(ref);
      const shredder = async () => {
        const { body } = await t.http().get('/api/projections').set(bearer(admin)).expect(200);
        const process = (body.processes as { name: string; lag: number }[]).find(
          ({ name }) => name === 'secret-shredding',
        );
        return process?.lag === 0 ? process : undefined;
      };
      await eventually(shredder, 'the secret shredder to catch up');
      expect(await secrets.get(ref)).toBe('requested');
    });
  });

  describe('who may change, rotate and delete a connection', () => {
    it('given a developer, then each is refused (403); given an administrator of another environment, the connection does not exist for them (404)', async () => {
      const connectionId = await serverConnection();
      const calls = (token: string) => [
        patch(connectionId, { name: 'Mine now' }, token),
        rotate(connectionId, { password: 'mine' }, token),
        remove(connectionId, token),
      ];
      for (const refused of await Promise.all(calls(developer)))
        expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ADMIN_REQUIRED']);
      for (const hidden of await Promise.all(calls(qaAdmin)))
        expect([hidden.status, hidden.body.code]).toEqual([404, 'CONNECTION.NOT_FOUND']);
      const unchanged = await t.http().get(`/api/connections/${connectionId}`).set(bearer(admin)).expect(200);
      expect(unchanged.body).toMatchObject({ version: 0 });
    });
  });

  describe('the event log, once', () => {
    it('given every secret destroyed above, then it is intact and verifies', async () => {
      const { body } = await t.http().get('/api/audit/verify').set(bearer(admin)).expect(200);
      const head = await t.store.headPosition();
      expect(body).toMatchObject({ ok: true, checked: head, head, firstMismatch: null });
    });
  });
});
