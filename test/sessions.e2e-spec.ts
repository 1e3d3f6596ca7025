import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Response } from 'supertest';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'sessions-password-1';
const developerOf = (environment: string) => ({ environment, role: 'developer' });

/** The `ib_refresh` cookie an answer sets, with its attributes. */
const refreshCookieOf = (response: Response) => {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = header?.find((value) => value.startsWith('ib_refresh='));
  if (cookie === undefined) throw new Error('no ib_refresh cookie was set');
  const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
  return { value: pair.slice('ib_refresh='.length), attributes, cookie: pair };
};

/** Refresh tokens: login sets one in a cookie, refresh rotates it, reuse, logout and a new password end it. */
describe('sessions: refresh tokens in an HttpOnly cookie', () => {
  let t: TestApp;
  let root: string;

  const createUser = async (username: string, roles = [developerOf('development')]) => {
    const { body } = await t
      .http()
      .post('/api/users')
      .set(bearer(root))
      .send({ username, password: PASSWORD, roles })
      .expect(201);
    return body.id as string;
  };
  const login = (username: string, password = PASSWORD) =>
    t.http().post('/api/auth/login').send({ environment: 'development', username, password }).expect(200);
  const refresh = (cookie?: string) => {
    const call = t.http().post('/api/auth/refresh');
    return cookie === undefined ? call : call.set('Cookie', cookie);
  };

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.login(ADMIN.username, ADMIN.password);
    await t.http().post('/api/environments').set(bearer(root)).send({ name: 'qa', kind: 'qa' }).expect(201);
    root = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  it('given a login, then it sets the refresh cookie HttpOnly, SameSite=Strict, for /api/auth only, and never in the body', async () => {
    await createUser('carol');

    const answer = await login('carol');

    const { value, attributes } = refreshCookieOf(answer);
    expect(value).toMatch(/^ibr_[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict', `Max-Age=${12 * 3600}`]),
    );
    // Plain http (the embedded default): a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
    expect(JSON.stringify(answer.body)).not.toContain(value);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('given a refresh cookie, when it is refreshed, then a new access token and a new cookie answer, and the old cookie is spent', async () => {
    await createUser('rhea');
    const first = refreshCookieOf(await login('rhea'));

    const refreshed = await refresh(first.cookie).expect(200);

    const next = refreshCookieOf(refreshed);
    expect(next.value).not.toBe(first.value);
    expect(refreshed.body).toMatchObject({ tokenType: 'Bearer', user: { username: 'rhea' } });
    const me = await t
      .http()
      .get('/api/auth/me')
      .set(bearer(refreshed.body.accessToken as string))
      .expect(200);
    expect(me.body).toMatchObject({ username: 'rhea', environment: 'development' });
    await refresh(next.cookie).expect(200);
  });

  it('given a spent cookie, when it comes back, then 401 REFRESH_TOKEN_REUSED and the whole login ends: its newest cookie is refused too', async () => {
    await createUser('theo');
    const stolen = refreshCookieOf(await login('theo'));
    const userCookie = refreshCookieOf(await refresh(stolen.cookie).expect(200));

    const reused = await refresh(stolen.cookie).expect(401);

    expect(reused.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    expect(refreshCookieOf(reused).attributes).toContain('Max-Age=0');
    expect((await refresh(userCookie.cookie).expect(401)).body.code).toBe('AUTH.REFRESH_TOKEN_INVALID');
  });

  it('given no cookie or an unknown one, when refreshing, then 401 REFRESH_TOKEN_INVALID', async () => {
    expect((await refresh().expect(401)).body.code).toBe('AUTH.REFRESH_TOKEN_INVALID');
    expect((await refresh(`ib_refresh=ibr_${'x'.repeat(43)}`).expect(401)).body.code).toBe(
      'AUTH.REFRESH_TOKEN_INVALID',
    );
  });

  it('given a logout, then every refresh cookie of the user is refused, in every browser, and the cookie is cleared', async () => {
    await createUser('lola');
    const first = await login('lola');
    const otherBrowser = refreshCookieOf(await login('lola'));

    const out = await t
      .http()
      .post('/api/auth/logout')
      .set(bearer(first.body.accessToken as string))
      .expect(204);

    expect(refreshCookieOf(out).attributes).toContain('Max-Age=0');
    await refresh(refreshCookieOf(first).cookie).expect(401);
    await refresh(otherBrowser.cookie).expect(401);
  });

  it('given a password change, then the refresh cookies of the older logins are refused', async () => {
    await createUser('pablo');
    const session = await login('pablo');

    await t
      .http()
      .post('/api/auth/password')
      .set(bearer(session.body.accessToken as string))
      .send({ currentPassword: PASSWORD, newPassword: 'pablo-new-password-1' })
      .expect(204);

    await refresh(refreshCookieOf(session).cookie).expect(401);
    await refresh(refreshCookieOf(await login('pablo', 'pablo-new-password-1')).cookie).expect(200);
  });

  it('given an administrator resets the password, then the refresh answers 401 SESSION_ENDED', async () => {
    const id = await createUser('rosa');
    const session = refreshCookieOf(await login('rosa'));

    await t.http().post(`/api/users/${id}/password-reset`).set(bearer(root)).expect(200);

    expect((await refresh(session.cookie).expect(401)).body.code).toBe('AUTH.SESSION_ENDED');
  });

  it('given a role granted after the login, when the session is refreshed, then the new role shows up without logging out', async () => {
    const id = await createUser('gina');
    const session = await login('gina');
    expect(session.body.user.roles).toEqual([developerOf('development')]);

    await t
      .http()
      .patch(`/api/users/${id}`)
      .set(bearer(root))
      .send({ roles: [developerOf('development'), developerOf('qa')] })
      .expect(200);
    const refreshed = await refresh(refreshCookieOf(session).cookie).expect(200);

    expect(refreshed.body.user.roles).toEqual(
      expect.arrayContaining([developerOf('development'), developerOf('qa')]),
    );
    const payload = JSON.parse(
      Buffer.from((refreshed.body.accessToken as string).split('.')[1], 'base64url').toString(),
    ) as { roles: unknown[] };
    expect(payload.roles).toEqual(expect.arrayContaining([developerOf('qa')]));
  });

  it('keeps refresh tokens out of the log: no event holds one', async () => {
    await createUser('ezra');
    const cookie = refreshCookieOf(await login('ezra'));
    const next = refreshCookieOf(await refresh(cookie.cookie).expect(200));

    const events = JSON.stringify(await t.store.readAll({ fromPosition: 0, limit: 100_000 }));

    expect(events).not.toContain(cookie.value);
    expect(events).not.toContain(next.value);
  });
});

describe('sessions across a restart', () => {
  it('given a server restart (a new signing key without TOKEN_SECRET), then the old bearer token is refused and the refresh cookie continues the login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-sessions-restart-'));
    try {
      const before = await startTestApp({ DATA_DIR: dataDir });
      const login = await before
        .http()
        .post('/api/auth/login')
        .send({ environment: 'development', username: ADMIN.username, password: ADMIN.password })
        .expect(200);
      await before.close();

      const after = await startTestApp({ DATA_DIR: dataDir });
      try {
        const stale = await after
          .http()
          .get('/api/auth/me')
          .set(bearer(login.body.accessToken as string));
        expect(stale.status).toBe(401);
        expect(stale.body.code).toBe('AUTH.INVALID_TOKEN');

        const refreshed = await after
          .http()
          .post('/api/auth/refresh')
          .set('Cookie', refreshCookieOf(login).cookie)
          .expect(200);
        await after
          .http()
          .get('/api/auth/me')
          .set(bearer(refreshed.body.accessToken as string))
          .expect(200);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('sessions on the Express adapter', () => {
  it('given HTTP_ADAPTER=express, then login sets the cookie and refresh rotates it as on Fastify', async () => {
    const t = await startTestApp({ HTTP_ADAPTER: 'express' });
    try {
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ environment: 'development', username: ADMIN.username, password: ADMIN.password })
        .expect(200);
      const first = refreshCookieOf(login);
      expect(first.attributes).toEqual(
        expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict']),
      );

      const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie).expect(200);
      const reused = await t.http().post('/api/auth/refresh').set('Cookie', first.cookie).expect(401);

      expect(refreshCookieOf(refreshed).value).not.toBe(first.value);
      expect(refreshCookieOf(reused).attributes).toContain('Max-Age=0');
    } finally {
      await t.close();
    }
  });
});
