import { userStreamId } from '@ib/domain';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'management-password-1';
const developerOf = (environment: string) => ({ environment, role: 'developer' });
const adminOf = (environment: string) => ({ environment, role: 'admin' });

/** Disabling and enabling users, changing their grants, and one-time passwords an administrator sets. */
describe('user management: disable, enable, grants and one-time passwords', () => {
  let t: TestApp;
  let root: string;

  const createUser = async (username: string, body: object = {}) => {
    const { body: user } = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ username, password: PASSWORD, roles: [developerOf('development')], ...body })
      .expect(201);
    return user.id as string;
  };
  const patch = (token: string, id: string, body: object) =>
    t.http().patch(`/api/users/${id}`).set(bearer(token)).send(body);
  const reset = (token: string, id: string) =>
    t.http().post(`/api/users/${id}/password-reset`).set(bearer(token));
  const login = (username: string, password: string, environment = 'development') =>
    t.http().post('/api/auth/login').send({ environment, username, password });
  const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token));
  const head = () => t.store.headPosition();

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    root = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  describe('disabling and enabling', () => {
    it('given a user with a session, when an administrator disables them, then their token and their logins answer 401 USER_DISABLED; enabled again, they log in', async () => {
      const id = await createUser('dora');
      const token = await t.login('dora', PASSWORD);
      await me(token).expect(200);

      const disabled = await patch(root, id, { disabled: true }).expect(200);
      expect(disabled.body).toMatchObject({ id, disabled: true });

      const refused = await me(token).expect(401);
      expect(refused.body.code).toBe('AUTH.USER_DISABLED');
      const noLogin = await login('dora', PASSWORD).expect(401);
      expect(noLogin.body.code).toBe('AUTH.USER_DISABLED');
      // A wrong password is told nothing more than for anyone else.
      expect((await login('dora', 'wrong-password-1').expect(401)).body.code).toBe(
        'AUTH.INVALID_CREDENTIALS',
      );
      const listed = await t.http().get(`/api/users/${id}`).set(bearer(root)).expect(200);
      expect(listed.body.disabled).toBe(true);

      const enabled = await patch(root, id, { disabled: false }).expect(200);
      expect(enabled.body.disabled).toBe(false);
      // The old session stays ended: enabling reopens none.
      expect((await me(token).expect(401)).body.code).toBe('AUTH.SESSION_ENDED');
      const again = await login('dora', PASSWORD).expect(200);
      await me(again.body.accessToken as string).expect(200);
    });

    it('given a disabled user, when they are disabled again, then nothing is recorded', async () => {
      const id = await createUser('dirk');
      await patch(root, id, { disabled: true }).expect(200);
      const before = await head();
      await patch(root, id, { disabled: true }).expect(200);
      expect(await head()).toBe(before);
    });

    it('given an administrator, when they disable themselves, then 409 CANNOT_DISABLE_SELF and they keep working', async () => {
      const { body: self } = await me(root).expect(200);
      const refused = await patch(root, self.id as string, { disabled: true }).expect(409);
      expect(refused.body.code).toBe('USER.CANNOT_DISABLE_SELF');
      await me(root).expect(200);
    });

    it('given two owners, when one is disabled, then the other is the last one who can log in and keeps the role', async () => {
      const olgaId = await createUser('olga', {
        roles: [adminOf('development'), adminOf('qa')],
        owner: true,
      });
      const olga = await t.login('olga', PASSWORD);
      const { body: admin } = await me(root).expect(200);

      await patch(olga, admin.id as string, { disabled: true }).expect(200);
      const refused = await patch(olga, olgaId, { owner: false }).expect(409);
      expect(refused.body.code).toBe('USER.LAST_OWNER');

      await patch(olga, admin.id as string, { disabled: false }).expect(200);
      root = await t.login(ADMIN.username, ADMIN.password);
    });

    it('given a developer, when they disable another user, then 403 whether or not the user exists, and nothing changes', async () => {
      const id = await createUser('dina');
      await createUser('devon');
      const developer = await t.login('devon', PASSWORD);
      const before = await head();
      expect((await patch(developer, id, { disabled: true }).expect(403)).body.code).toBe(
        'AUTH.ADMIN_REQUIRED',
      );
      await patch(developer, '0190a000-0000-7000-8000-000000000000', { disabled: true }).expect(403);
      expect(await head()).toBe(before);
    });

    it('given an administrator of another environment, when they disable a user, then 404 for one they cannot see and 403 for one who also works elsewhere', async () => {
      await createUser('quinn', { roles: [adminOf('qa')] });
      const qaAdmin = await t.login('quinn', PASSWORD, 'qa');
      const developmentOnly = await createUser('dev-only');
      const both = await createUser('both', { roles: [developerOf('development'), developerOf('qa')] });
      const before = await head();

      expect((await patch(qaAdmin, developmentOnly, { disabled: true }).expect(404)).body.code).toBe(
        'USER.NOT_FOUND',
      );
      expect((await patch(qaAdmin, both, { disabled: true }).expect(403)).body.code).toBe(
        'AUTH.ADMIN_REQUIRED',
      );
      expect(await head()).toBe(before);
    });
  });

  describe('changing several things at once', () => {
    it('given an administrator, when they patch grants, address and disabled together, then every part changes in one step', async () => {
      const id = await createUser('gina');
      const before = await head();
      const changed = await patch(root, id, {
        roles: [adminOf('development')],
        email: 'gina@example.com',
        disabled: true,
      }).expect(200);
      expect(changed.body).toMatchObject({
        roles: [adminOf('development')],
        email: 'gina@example.com',
        disabled: true,
      });
      const { events } = await t.store.readStream(userStreamId('gina'));
      expect(events.filter(({ globalPosition }) => globalPosition > before).map(({ type }) => type)).toEqual([
        'UserRolesChanged',
        'UserEmailChanged',
        'UserDisabled',
      ]);
    });

    it('given one part the caller may not change, when they patch, then nothing changes', async () => {
      await createUser('quentin', { roles: [adminOf('qa'), developerOf('development')] });
      const qaAdmin = await t.login('quentin', PASSWORD, 'qa');
      const id = await createUser('hugo', { roles: [developerOf('qa')] });
      const before = await head();
      const refused = await patch(qaAdmin, id, {
        email: 'hugo@example.com',
        roles: [developerOf('qa'), developerOf('development')],
      }).expect(403);
      expect(refused.body.code).toBe('AUTH.ADMIN_REQUIRED');
      expect(await head()).toBe(before);
      // Within their own environment, they may.
      await patch(qaAdmin, id, { roles: [adminOf('qa')] }).expect(200);
    });

    it('given the grants changed with PUT .../roles, then it works as before', async () => {
      const id = await createUser('ivy');
      const changed = await t
        .http()
        .put(`/api/users/${id}/roles`)
        .set(bearer(root))
        .send({ roles: [adminOf('development')] })
        .expect(200);
      expect(changed.body.roles).toEqual([adminOf('development')]);
    });
  });

  describe('one-time passwords', () => {
    it('given a reset password, when the user logs in with it, then they may only change it; then the new password works and every older token is refused', async () => {
      const id = await createUser('rita');
      const oldToken = await t.login('rita', PASSWORD);

      const reset1 = await reset(root, id).expect(200);
      const oneTimePassword = reset1.body.oneTimePassword as string;
      expect(Object.keys(reset1.body)).toEqual(['oneTimePassword']);
      expect(reset1.headers['cache-control']).toBe('no-store');
      const { events } = await t.store.readStream(userStreamId('rita'));
      expect(events.at(-1)?.type).toBe('UserPasswordReset');
      expect(JSON.stringify(events)).not.toContain(oneTimePassword);

      expect((await me(oldToken).expect(401)).body.code).toBe('AUTH.SESSION_ENDED');
      await login('rita', PASSWORD).expect(401);
      const user = await t.http().get(`/api/users/${id}`).set(bearer(root)).expect(200);
      expect(user.body.mustChangePassword).toBe(true);

      const restricted = await login('rita', oneTimePassword).expect(200);
      expect(restricted.body.passwordChangeRequired).toBe(true);
      const restrictedToken = restricted.body.accessToken as string;
      for (const path of ['/api/auth/me', '/api/integrations', '/api/users/me']) {
        const refused = await t.http().get(path).set(bearer(restrictedToken)).expect(403);
        expect(refused.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      }
      await t.http().post('/api/auth/logout').set(bearer(restrictedToken)).expect(403);

      const change = (body: object) =>
        t.http().post('/api/auth/password').set(bearer(restrictedToken)).send(body);
      const wrong = await change({
        currentPassword: 'not-it-at-all',
        newPassword: 'rita-new-password',
      }).expect(400);
      expect(wrong.body.code).toBe('AUTH.WRONG_PASSWORD');
      const same = await change({ currentPassword: oneTimePassword, newPassword: oneTimePassword }).expect(
        400,
      );
      expect(same.body.errors).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
      await change({ currentPassword: oneTimePassword, newPassword: 'rita-new-password' }).expect(204);

      expect((await me(restrictedToken).expect(401)).body.code).toBe('AUTH.SESSION_ENDED');
      await login('rita', oneTimePassword).expect(401);
      const fresh = await login('rita', 'rita-new-password').expect(200);
      expect(fresh.body.passwordChangeRequired).toBe(false);
      await me(fresh.body.accessToken as string).expect(200);
      const after = await t.http().get(`/api/users/${id}`).set(bearer(root)).expect(200);
      expect(after.body.mustChangePassword).toBe(false);
    });

    it('given any user, when they change their own password with the current one, then their sessions end and the new one works', async () => {
      await createUser('sam');
      const token = await t.login('sam', PASSWORD);
      await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: PASSWORD, newPassword: 'sam-new-password' })
        .expect(204);
      await me(token).expect(401);
      await login('sam', PASSWORD).expect(401);
      await login('sam', 'sam-new-password').expect(200);
    });

    it('given an administrator, when they reset their own password, then 409 and nothing changes', async () => {
      const { body: self } = await me(root).expect(200);
      const before = await head();
      expect((await reset(root, self.id as string).expect(409)).body.code).toBe(
        'USER.CANNOT_RESET_OWN_PASSWORD',
      );
      expect(await head()).toBe(before);
    });

    it('given a developer or an administrator of another environment, when they reset a password, then 403 or 404 and nothing changes', async () => {
      const id = await createUser('tara');
      await createUser('tom');
      const developer = await t.login('tom', PASSWORD);
      await createUser('uma', { roles: [adminOf('qa')] });
      const qaAdmin = await t.login('uma', PASSWORD, 'qa');
      const before = await head();
      expect((await reset(developer, id).expect(403)).body.code).toBe('AUTH.ADMIN_REQUIRED');
      expect((await reset(qaAdmin, id).expect(404)).body.code).toBe('USER.NOT_FOUND');
      expect(await head()).toBe(before);
      await login('tara', PASSWORD).expect(200);
    });

    it("given an owner, when a mere administrator resets the owner's password, then 403", async () => {
      const id = await createUser('owen', { owner: true });
      await createUser('ada', { roles: [adminOf('development')] });
      const admin = await t.login('ada', PASSWORD);
      expect((await reset(admin, id).expect(403)).body.code).toBe('AUTH.OWNER_REQUIRED');
    });
  });
});
