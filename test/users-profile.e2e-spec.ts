import { NOTIFICATION_KINDS } from '@ib/domain';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** Users' e-mail addresses and notification settings: set at creation, by an administrator, or by themselves. */
describe('user profiles: an e-mail address and which notifications go by email', () => {
  let t: TestApp;
  let admin: string;

  const create = (body: object) =>
    t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        password: 'profile-password-1',
        roles: [{ environment: 'development', role: 'developer' }],
        ...body,
      });
  const userWith = async (username: string, body: object = {}) => {
    const { body: user } = await create({ username, ...body }).expect(201);
    return { id: user.id as string, token: await t.login(username, 'profile-password-1') };
  };
  const me = async (token: string) =>
    (await t.http().get('/api/users/me').set(bearer(token)).expect(200)).body;
  const head = () => t.store.headPosition();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  it('given an address at creation, when the user is read, then it shows with its domain lower-cased', async () => {
    const created = await create({ username: 'dana', email: 'Dana.Scully@FBI.example' }).expect(201);
    expect(created.body).toMatchObject({ username: 'dana', email: 'Dana.Scully@fbi.example' });
    expect(created.body).not.toHaveProperty('emailKinds');

    const read = await t.http().get(`/api/users/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(read.body.email).toBe('Dana.Scully@fbi.example');
    const listed = await t.http().get('/api/users').set(bearer(admin)).expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ username: 'dana', email: 'Dana.Scully@fbi.example' }),
    );
  });

  it.each([
    ['no address', 'not-an-address'],
    ['a display name and brackets', 'Eli <eli@example.com>'],
    ['a header injection', 'eli@example.com\r\nBcc: all@example.com'],
  ])(
    'given %s as email, when a user is created, then 400 names the field and nothing is stored',
    async (_, email) => {
      const before = await head();
      const refused = await create({ username: 'eli', email }).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
      expect(await head()).toBe(before);
      await t
        .http()
        .post('/api/auth/login')
        .send({ environment: 'development', username: 'eli', password: 'profile-password-1' })
        .expect(401);
    },
  );

  it('given a user who never chose, when they read their profile, then every kind goes by email and no address shows', async () => {
    const { id, token } = await userWith('fox');
    const profile = await me(token);
    expect(profile).toMatchObject({ id, username: 'fox', notifications: { email: [...NOTIFICATION_KINDS] } });
    expect(profile).not.toHaveProperty('email');
    expect(profile).not.toHaveProperty('emailKinds');
  });

  it('given a developer, when they put their own address and settings, then both change and their profile says so', async () => {
    const { id, token } = await userWith('gina');
    const changed = await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({
        email: 'gina@Example.COM',
        notifications: { email: ['publication-failed', 'request-approved'] },
      })
      .expect(200);
    const expected = {
      id,
      email: 'gina@example.com',
      notifications: { email: ['request-approved', 'publication-failed'] },
    };
    expect(changed.body).toMatchObject(expected);
    expect(await me(token)).toMatchObject({ ...expected, version: changed.body.version });

    const again = await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({ email: 'gina@example.com' })
      .expect(200);
    expect(again.body.version).toBe(changed.body.version);

    const cleared = await t.http().put('/api/users/me').set(bearer(token)).send({ email: null }).expect(200);
    expect(cleared.body).not.toHaveProperty('email');
    expect(cleared.body.notifications).toEqual(expected.notifications);
  });

  it('given an unknown kind beside a valid address, when put, then 400 and neither changes', async () => {
    const { token } = await userWith('hank', { email: 'hank@example.com' });
    const before = await head();
    const refused = await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({ email: 'new@example.com', notifications: { email: ['request-approved', 'weekly-digest'] } })
      .expect(400);
    expect(refused.body.errors.map(({ field }: { field: string }) => field)).toEqual(['notifications.email']);
    const malformed = await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({ email: 'new at example.com', notifications: { email: [] } })
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'USER.INVALID', errors: [{ field: 'email' }] });
    expect(await head()).toBe(before);
    expect(await me(token)).toMatchObject({
      email: 'hank@example.com',
      notifications: { email: [...NOTIFICATION_KINDS] },
    });
  });

  it('given an If-Match of an older version, when put, then 412 and nothing changes', async () => {
    const { token } = await userWith('iris');
    const { version } = await me(token);
    await t.http().put('/api/users/me').set(bearer(token)).send({ email: 'iris@example.com' }).expect(200);
    const before = await head();
    await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .set('If-Match', `"${version}"`)
      .send({ email: 'other@example.com' })
      .expect(412);
    expect(await head()).toBe(before);
  });

  it('given an auditor, whose role changes nothing, when they put their own profile, then it changes', async () => {
    await create({ username: 'jack', roles: [{ environment: 'development', role: 'auditor' }] }).expect(201);
    const token = await t.login('jack', 'profile-password-1');
    await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({ email: 'jack@example.com', notifications: { email: [] } })
      .expect(200);
    expect(await me(token)).toMatchObject({ email: 'jack@example.com', notifications: { email: [] } });
  });

  it("given a developer, when they patch another user's address, then 403 and nothing changes; an administrator may", async () => {
    const target = await userWith('kate', { email: 'kate@example.com' });
    const developer = await userWith('liam');
    const before = await head();
    const refused = await t
      .http()
      .patch(`/api/users/${target.id}`)
      .set(bearer(developer.token))
      .send({ email: 'liam@example.com' })
      .expect(403);
    expect(refused.body.code).toBe('AUTH.ADMIN_REQUIRED');
    // The same answer whether the user exists or not.
    await t
      .http()
      .patch('/api/users/0190a000-0000-7000-8000-000000000000')
      .set(bearer(developer.token))
      .send({ email: 'liam@example.com' })
      .expect(403);
    expect(await head()).toBe(before);

    const changed = await t
      .http()
      .patch(`/api/users/${target.id}`)
      .set(bearer(admin))
      .send({ email: 'kate@new.example' })
      .expect(200);
    expect(changed.body).toMatchObject({ id: target.id, email: 'kate@new.example' });
    const cleared = await t
      .http()
      .patch(`/api/users/${target.id}`)
      .set(bearer(admin))
      .send({ email: null })
      .expect(200);
    expect(cleared.body).not.toHaveProperty('email');
    await t.http().patch(`/api/users/${target.id}`).set(bearer(admin)).send({}).expect(400);
    await t.http().patch(`/api/users/${target.id}`).set(bearer(admin)).send({ email: 'nope' }).expect(400);
  });

  it("given an address changed, when the user's history is read, then the change shows what it was and became, and who made it", async () => {
    const { id, token } = await userWith('mona', { email: 'mona@example.com' });
    await t.http().put('/api/users/me').set(bearer(token)).send({ email: 'mona@new.example' }).expect(200);
    await t
      .http()
      .put('/api/users/me')
      .set(bearer(token))
      .send({ notifications: { email: ['request-rejected'] } })
      .expect(200);

    const { body } = await t.http().get(`/api/users/${id}/history`).set(bearer(admin)).expect(200);
    const [, emailChange, settingsChange] = body.items;
    expect(emailChange).toMatchObject({
      type: 'UserEmailChanged',
      actor: { id, username: 'mona' },
      changes: expect.arrayContaining([
        { path: '/email', before: 'mona@example.com', after: 'mona@new.example' },
      ]),
    });
    expect(settingsChange).toMatchObject({
      type: 'UserNotificationSettingsChanged',
      changes: expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^\/emailKinds/) }),
      ]),
    });
  });
});

describe('GET /api/users/me on Express, which tries routes in their order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_ADAPTER: 'express' });
  });
  afterAll(() => t.close());

  it('given the caller, when they ask for /api/users/me, then they get themselves, not a bad id', async () => {
    const token = await t.login(ADMIN.username, ADMIN.password);
    const { body } = await t.http().get('/api/users/me').set(bearer(token)).expect(200);
    expect(body).toMatchObject({
      username: ADMIN.username,
      notifications: { email: [...NOTIFICATION_KINDS] },
    });
    await t.http().put('/api/users/me').set(bearer(token)).send({ email: 'admin@example.com' }).expect(200);
  });
});
