import { type Clock } from '../apps/api/src/infrastructure/clock';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a-password-for-tests';

/** A clock a test moves forward by hand. */
const movableClock = (start: Date) => {
  let now = start.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

describe('authorization is per environment, with an installation owner', () => {
  let t: TestApp;
  let owner: string;

  const createUser = async (username: string, roles: object[], token = owner, extra: object = {}) =>
    (
      await t
        .http()
        .post('/api/users')
        .set(bearer(token))
        .send({ username, password: PASSWORD, roles, ...extra })
        .expect(201)
    ).body as { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(owner)).send({ name: 'qa', kind: 'qa' }).expect(201);
    await createUser('dev-only', [{ environment: 'development', role: 'developer' }]);
    await createUser('qa-admin', [{ environment: 'qa', role: 'admin' }]);
  });
  afterAll(() => t.close());

  describe('environments', () => {
    it('given the bootstrap administrator, then they are the installation owner', async () => {
      const me = await t.http().get('/api/auth/me').set(bearer(owner)).expect(200);
      expect(me.body).toMatchObject({ username: ADMIN.username, owner: true });
    });

    it('given an administrator who is not an owner, when they create an environment, then 403 and nothing is created', async () => {
      const qaAdmin = await t.login('qa-admin', PASSWORD, 'qa');
      const before = await t.store.headPosition();

      const refused = await t
        .http()
        .post('/api/environments')
        .set(bearer(qaAdmin))
        .send({ name: 'shadow-dev', kind: 'development' })
        .expect(403);

      expect(refused.body.code).toBe('AUTH.OWNER_REQUIRED');
      expect(await t.store.headPosition()).toBe(before);
    });

    it('given a development environment, when an owner adds another without saying so, then 409 naming the one that exists', async () => {
      const refused = await t
        .http()
        .post('/api/environments')
        .set(bearer(owner))
        .send({ name: 'dev2', kind: 'development' })
        .expect(409);

      expect(refused.body).toMatchObject({ code: 'ENVIRONMENT.DEVELOPMENT_EXISTS' });
      expect(refused.body.detail).toContain("'development'");
    });

    it('given an owner who asks on purpose, when they add a second development environment, then it exists and they administer it', async () => {
      await t
        .http()
        .post('/api/environments')
        .set(bearer(owner))
        .send({ name: 'dev2', kind: 'development', anotherDevelopment: true })
        .expect(201);

      const me = await t.http().get('/api/auth/me').set(bearer(owner)).expect(200);
      expect(me.body.roles).toContainEqual({ environment: 'dev2', role: 'admin' });
    });

    it('lists to a user only the environments they hold a role in', async () => {
      const developer = await t.login('dev-only', PASSWORD);

      const listed = await t.http().get('/api/environments').set(bearer(developer)).expect(200);

      expect(listed.body.items.map(({ name }: { name: string }) => name)).toEqual(['development']);
      await t.http().get('/api/environments/qa').set(bearer(developer)).expect(404);
    });
  });

  describe('users', () => {
    it('given a developer, when they read another user, then it does not exist for them; themselves they read', async () => {
      const developer = await t.login('dev-only', PASSWORD);
      const users = await t.http().get('/api/users').set(bearer(owner)).expect(200);
      const idOf = (name: string) =>
        (users.body.items as { id: string; username: string }[]).find(({ username }) => username === name)!
          .id;

      await t
        .http()
        .get(`/api/users/${idOf('qa-admin')}`)
        .set(bearer(developer))
        .expect(404);
      await t
        .http()
        .get(`/api/users/${idOf('dev-only')}`)
        .set(bearer(developer))
        .expect(200);
      await t.http().get('/api/users').set(bearer(developer)).expect(403);
    });

    it('given a qa administrator, then they see the users of qa only, by list and by id alike', async () => {
      const qaAdmin = await t.login('qa-admin', PASSWORD, 'qa');
      const all = await t.http().get('/api/users').set(bearer(owner)).expect(200);
      const developerId = (all.body.items as { id: string; username: string }[]).find(
        ({ username }) => username === 'dev-only',
      )!.id;

      const listed = await t.http().get('/api/users').set(bearer(qaAdmin)).expect(200);

      expect(listed.body.items.map(({ username }: { username: string }) => username)).toEqual([
        ADMIN.username, // administers qa since creating it
        'qa-admin',
      ]);
      await t.http().get(`/api/users/${developerId}`).set(bearer(qaAdmin)).expect(404);
    });

    it('given an administrator, when they make someone an owner, then 403: only owners do', async () => {
      const qaAdmin = await t.login('qa-admin', PASSWORD, 'qa');

      const refused = await t
        .http()
        .post('/api/users')
        .set(bearer(qaAdmin))
        .send({
          username: 'would-be-owner',
          password: PASSWORD,
          roles: [{ environment: 'qa', role: 'developer' }],
          owner: true,
        })
        .expect(403);

      expect(refused.body.code).toBe('AUTH.OWNER_REQUIRED');
    });
  });

  describe('sessions', () => {
    it('given a token, when a role is granted, then it applies at once and the token stays valid', async () => {
      const user = await createUser('grows', [{ environment: 'development', role: 'developer' }]);
      const token = await t.login('grows', PASSWORD);
      await t.http().get('/api/environments/qa').set(bearer(token)).expect(404);

      await t
        .http()
        .put(`/api/users/${user.id}/roles`)
        .set(bearer(owner))
        .send({
          roles: [
            { environment: 'development', role: 'developer' },
            { environment: 'qa', role: 'admin' },
          ],
        })
        .expect(200);

      await t.http().get('/api/environments/qa').set(bearer(token)).expect(200);
      const keys = await t.http().get('/api/environments/qa/api-keys').set(bearer(token)).expect(200);
      expect(keys.body.items).toEqual([]);
    });

    it('given a token, when a role is withdrawn, then every older token of the user is refused', async () => {
      const user = await createUser('shrinks', [
        { environment: 'development', role: 'admin' },
        { environment: 'qa', role: 'admin' },
      ]);
      const token = await t.login('shrinks', PASSWORD);
      await t.http().get('/api/connections').set(bearer(token)).expect(200);

      await t
        .http()
        .put(`/api/users/${user.id}/roles`)
        .set(bearer(owner))
        .send({ roles: [{ environment: 'development', role: 'developer' }] })
        .expect(200);

      const refused = await t.http().get('/api/connections').set(bearer(token)).expect(401);
      expect(refused.body.code).toBe('AUTH.SESSION_ENDED');
      const fresh = await t.login('shrinks', PASSWORD);
      const me = await t.http().get('/api/auth/me').set(bearer(fresh)).expect(200);
      expect(me.body.roles).toEqual([{ environment: 'development', role: 'developer' }]);
    });

    it('given an administrator of development only, when they withdraw a qa grant, then 403: qa is not theirs', async () => {
      const user = await createUser('both', [
        { environment: 'development', role: 'developer' },
        { environment: 'qa', role: 'developer' },
      ]);
      await createUser('dev-admin', [{ environment: 'development', role: 'admin' }]);
      const devAdmin = await t.login('dev-admin', PASSWORD);

      const refused = await t
        .http()
        .put(`/api/users/${user.id}/roles`)
        .set(bearer(devAdmin))
        .send({ roles: [{ environment: 'development', role: 'developer' }] })
        .expect(403);

      expect(refused.body).toMatchObject({ code: 'AUTH.ADMIN_REQUIRED' });
      expect(refused.body.detail).toContain("'qa'");
    });

    it('given a logged-in user, when they log out, then their tokens are refused and a new login works', async () => {
      await createUser('leaves', [{ environment: 'development', role: 'developer' }]);
      const first = await t.login('leaves', PASSWORD);
      const second = await t.login('leaves', PASSWORD);

      await t.http().post('/api/auth/logout').set(bearer(first)).expect(204);

      await t.http().get('/api/auth/me').set(bearer(first)).expect(401);
      await t.http().get('/api/auth/me').set(bearer(second)).expect(401);
      const again = await t.login('leaves', PASSWORD);
      await t.http().get('/api/auth/me').set(bearer(again)).expect(200);
    });

    it('given the only owner, when they withdraw their own owner role, then 409 and they stay owner', async () => {
      const me = await t.http().get('/api/auth/me').set(bearer(owner)).expect(200);

      const refused = await t
        .http()
        .put(`/api/users/${me.body.id}/roles`)
        .set(bearer(owner))
        .send({ roles: me.body.roles, owner: false })
        .expect(409);

      expect(refused.body.code).toBe('USER.LAST_OWNER');
      await t.http().get('/api/projections').set(bearer(owner)).expect(200);
    });

    it('matches the Authorization scheme case-insensitively', async () => {
      for (const scheme of ['bearer', 'BEARER', 'Bearer'])
        await t.http().get('/api/auth/me').set('Authorization', `${scheme} ${owner}`).expect(200);
      await t.http().get('/api/auth/me').set('Authorization', `Basic ${owner}`).expect(401);
    });
  });

  describe('operations', () => {
    it('shows and rebuilds projections for owners only', async () => {
      await createUser('admin-not-owner', [{ environment: 'development', role: 'admin' }]);
      const admin = await t.login('admin-not-owner', PASSWORD);

      expect((await t.http().get('/api/projections').set(bearer(admin)).expect(403)).body.code).toBe(
        'AUTH.OWNER_REQUIRED',
      );
      await t.http().post('/api/projections/users/rebuild').set(bearer(admin)).expect(403);
      await t.http().get('/api/projections').set(bearer(owner)).expect(200);
    });

    it('tells an anonymous caller whether the service is ready, and no positions', async () => {
      const ready = await t.http().get('/ready').expect(200);

      expect(ready.body).toEqual({ status: 'ready' });
    });
  });

  describe('promotion and binding', () => {
    let integrationId: string;
    let qaConnectionId: string;

    beforeAll(async () => {
      integrationId = await createIntegration(t, owner, {
        applicationName: 'Promoted',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
      await publishedOrFail(t, owner, integrationId);
      const qaOwner = await t.login(ADMIN.username, ADMIN.password, 'qa');
      const connection = await t
        .http()
        .post('/api/connections')
        .set(bearer(qaOwner))
        .send({ name: 'QA shop', provider: 'sqlite', environment: 'qa', details: { path: 'sample.sqlite' } })
        .expect(201);
      qaConnectionId = connection.body.id as string;
    });

    it('given an administrator of qa who cannot read the integration, when they promote it, then 404 and nothing is deployed', async () => {
      const qaAdmin = await t.login('qa-admin', PASSWORD, 'qa');

      const refused = await t
        .http()
        .post(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(qaAdmin))
        .send({ version: 1, environment: 'qa' })
        .expect(404);

      expect(refused.body.code).toBe('INTEGRATION.NOT_FOUND');
      const deployments = await t
        .http()
        .get(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(owner))
        .expect(200);
      expect(deployments.body.items.map(({ environment }: { environment: string }) => environment)).toEqual([
        'development',
      ]);
    });

    it('given a developer of development who does not administer qa, when they promote, then 403', async () => {
      const developer = await t.login('dev-only', PASSWORD);

      const refused = await t
        .http()
        .post(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(developer))
        .send({ version: 1, environment: 'qa' })
        .expect(403);

      expect(refused.body.code).toBe('AUTH.ADMIN_REQUIRED');
    });

    it('given an administrator of qa who reads the integration, when they promote and bind, then both hold', async () => {
      await t
        .http()
        .post(`/api/integrations/${integrationId}/deployments`)
        .set(bearer(owner))
        .send({ version: 1, environment: 'qa' })
        .expect(200);
      const qaAdmin = await t.login('qa-admin', PASSWORD, 'qa');

      await t
        .http()
        .put(`/api/environments/qa/integrations/${integrationId}/connection`)
        .set(bearer(qaAdmin))
        .send({ connectionId: qaConnectionId })
        .expect(404);
      await t
        .http()
        .put(`/api/environments/qa/integrations/${integrationId}/connection`)
        .set(bearer(owner))
        .send({ connectionId: qaConnectionId })
        .expect(200);
    });
  });
});

describe('login throttling', () => {
  const start = new Date('2026-01-05T09:00:00.000Z');
  const time = movableClock(start);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '10', LOGIN_WINDOW_SECONDS: '900' }, { clock: time.clock });
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string) =>
    t.http().post('/api/auth/login').send({ environment: 'development', username, password });

  it('given 30 wrong passwords, then the later ones get 429 with Retry-After, and the right password works after the window', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(ADMIN.username, `wrong-${i}`)).status);

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    const throttled = await attempt(ADMIN.username, ADMIN.password).expect(429);
    expect(throttled.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(900);

    time.advance(901_000);

    await attempt(ADMIN.username, ADMIN.password).expect(200);
  });

  it('answers a username that does not exist exactly like one that does', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt('nobody-by-this-name', `wrong-${i}`)).status);

    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it('given many usernames guessed from one address, then the address is throttled too', async () => {
    const local = await startTestApp(
      { LOGIN_MAX_FAILURES: '10', LOGIN_MAX_FAILURES_PER_ADDRESS: '15' },
      { clock: movableClock(start).clock },
    );
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++)
        statuses.push(
          (
            await local
              .http()
              .post('/api/auth/login')
              .send({ environment: 'development', username: `guess-${i}`, password: 'wrong-password' })
          ).status,
        );

      expect(statuses).toEqual([...Array(15).fill(401), 429]);
    } finally {
      await local.close();
    }
  });
});
