import { type Response } from 'supertest';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'stale-roles-password-1';
const developerIn = (environment: string) => ({ environment, role: 'developer' });
const adminIn = (environment: string) => ({ environment, role: 'admin' });

const staleHeaderOf = (response: Response): string | undefined =>
  response.headers['x-session-stale'] as string | undefined;

const refreshCookieOf = (response: Response): string => {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = header?.find((value) => value.startsWith('ib_refresh='));
  if (cookie === undefined) throw new Error('no ib_refresh cookie was set');
  return cookie.split(';')[0];
};

/**
 * A role granted to a logged-in user: the API already answers with it, and tells the console, whose
 * menus come from the token's login answer, that the token's roles are out of date (X-Session-Stale),
 * until it holds a token issued after the grant.
 */
describe.each(['fastify', 'express'])('sessions on %s: a token from before a role was granted', (adapter) => {
  let t: TestApp;
  let root: string;

  const createUser = async (username: string) => {
    const { body } = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ username, password: PASSWORD, roles: [developerIn('development')] })
      .expect(201);
    return body.id as string;
  };
  const login = (username: string) =>
    t
      .http()
      .post('/api/auth/login')
      .send({ environment: 'development', username, password: PASSWORD })
      .expect(200);
  const grantQaAdmin = (id: string) =>
    t
      .http()
      .put(`/api/users/${id}/roles`)
      .set(bearer(root))
      .send({ roles: [developerIn('development'), adminIn('qa')] })
      .expect(200);
  const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token)).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ HTTP_ADAPTER: adapter });
    root = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    root = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  it("given a token whose roles are the user's, then no answer says the session is stale", async () => {
    await createUser('nora');
    const { body } = await login('nora');

    expect(staleHeaderOf(await me(body.accessToken as string))).toBeUndefined();
  });

  it('given a role granted after the login, then the answers to the older token say X-Session-Stale: roles, and those to a token issued since do not', async () => {
    const id = await createUser('gina');
    const before = await login('gina');
    const oldToken = before.body.accessToken as string;

    await grantQaAdmin(id);

    // The old token still works, with the new role already, and every answer to it says so
    const answer = await me(oldToken);
    expect(answer.body.roles).toEqual(expect.arrayContaining([adminIn('qa')]));
    expect(staleHeaderOf(answer)).toBe('roles');
    const list = await t.http().get('/api/integrations').set(bearer(oldToken)).expect(200);
    expect(staleHeaderOf(list)).toBe('roles');
    // A refusal too: whatever the answer, the console learns its menus are out of date
    const missing = await t
      .http()
      .get('/api/integrations/00000000-0000-7000-8000-000000000000')
      .set(bearer(oldToken))
      .expect(404);
    expect(staleHeaderOf(missing)).toBe('roles');
    // And the data API, which the console's data browser calls with the same token
    const data = await t
      .http()
      .get('/api/data/development/00000000-0000-7000-8000-000000000000/things')
      .set(bearer(oldToken));
    expect(data.status).toBeGreaterThanOrEqual(400);
    expect(staleHeaderOf(data)).toBe('roles');

    // A token refreshed since the grant carries the new role: its answers say nothing
    const refreshed = await t
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieOf(before))
      .expect(200);
    expect(staleHeaderOf(await me(refreshed.body.accessToken as string))).toBeUndefined();
    // Nor do those to a login made since
    const after = await login('gina');
    expect(staleHeaderOf(await me(after.body.accessToken as string))).toBeUndefined();
  });

  it('given a route open to everyone (login), then its answer never says the session is stale', async () => {
    const id = await createUser('omar');
    await login('omar');
    await grantQaAdmin(id);

    expect(staleHeaderOf(await login('omar'))).toBeUndefined();
  });
});
