import { authorizedFetch } from '../../apps/console/src/providers/http';
import { readSession, sessionExpired, writeSession } from '../../apps/console/src/providers/session';
import { refreshDelayMs, refreshSession } from '../../apps/console/src/providers/session-refresh';
import type { User } from '../../apps/console/src/types';

/** A browser's storage, as one tab sees it. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
  clear = () => this.items.clear();
}

const user: User = {
  id: 'u-1',
  username: 'sasha',
  roles: [{ environment: 'development', role: 'developer' }],
  owner: false,
};
const future = () => new Date(Date.now() + 600_000).toISOString();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refreshed = (accessToken: string, roles = user.roles) =>
  json(200, {
    accessToken,
    tokenType: 'Bearer',
    expiresAt: future(),
    passwordChangeRequired: false,
    user: { ...user, roles },
  });

describe('the console session: refreshing the access token', () => {
  let calls: { url: string; authorization: string | null }[];
  let answer: (url: string) => Response;
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    calls = [];
    Object.assign(globalThis, {
      localStorage: new MemoryStorage(),
      sessionStorage: new MemoryStorage(),
      window: new EventTarget(),
      fetch: async (url: string, init?: RequestInit) => {
        calls.push({ url, authorization: new Headers(init?.headers).get('Authorization') });
        return answer(url);
      },
    });
    writeSession({ accessToken: 'old', expiresAt: future(), user, environment: 'development' });
  });
  afterAll(() => Object.assign(globalThis, { fetch: realFetch }));

  it('given a 401 INVALID_TOKEN, when calling the API, then it refreshes once and sends again with the new token', async () => {
    answer = (url) =>
      url === '/api/auth/refresh'
        ? refreshed('new', [...user.roles, { environment: 'qa', role: 'developer' }])
        : calls.at(-1)?.authorization === 'Bearer new'
          ? json(200, { ok: true })
          : json(401, { code: 'AUTH.INVALID_TOKEN' });

    const response = await authorizedFetch('/api/integrations');

    expect(response.status).toBe(200);
    expect(calls.map(({ url, authorization }) => `${url} ${authorization}`)).toEqual([
      '/api/integrations Bearer old',
      '/api/auth/refresh null',
      '/api/integrations Bearer new',
    ]);
    // The roles granted meanwhile arrive with it, and the environment stays the one logged in to
    expect(readSession()).toMatchObject({ accessToken: 'new', environment: 'development' });
    expect(readSession()?.user.roles).toContainEqual({ environment: 'qa', role: 'developer' });
  });

  it('given a 401 other than INVALID_TOKEN (the session ended), then it does not refresh', async () => {
    answer = () => json(401, { code: 'AUTH.SESSION_ENDED' });

    expect((await authorizedFetch('/api/integrations')).status).toBe(401);
    expect(calls.map(({ url }) => url)).toEqual(['/api/integrations']);
  });

  it('given several calls refused at once, then one refresh serves them all', async () => {
    answer = (url) =>
      url === '/api/auth/refresh' ? refreshed('new') : json(401, { code: 'AUTH.INVALID_TOKEN' });

    const sessions = await Promise.all([refreshSession('old'), refreshSession('old'), refreshSession('old')]);

    expect(sessions.map((session) => session?.accessToken)).toEqual(['new', 'new', 'new']);
    expect(calls.filter(({ url }) => url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('given another tab refreshed meanwhile, then this one takes its token and spends no cookie', async () => {
    answer = () => refreshed('should-not-be-asked');
    writeSession({
      accessToken: 'from-the-other-tab',
      expiresAt: future(),
      user,
      environment: 'development',
    });

    const session = await refreshSession('old');

    expect(session?.accessToken).toBe('from-the-other-tab');
    expect(calls).toEqual([]);
  });

  it('given the refresh cookie is refused, then the session is cleared and the login page will say it expired', async () => {
    answer = () => json(401, { code: 'AUTH.REFRESH_TOKEN_INVALID' });

    expect(await refreshSession('old')).toBeUndefined();

    expect(readSession()).toBeUndefined();
    expect(sessionExpired()).toBe(true);
  });

  it('given the API cannot be reached, then the session stays for when it is back', async () => {
    answer = () => {
      throw new TypeError('fetch failed');
    };

    expect(await refreshSession('old')).toBeUndefined();

    expect(readSession()?.accessToken).toBe('old');
    expect(sessionExpired()).toBe(false);
  });

  it('refreshes a minute before the access token expires, or a quarter of its life for short ones', () => {
    const now = Date.parse('2026-03-02T08:00:00.000Z');
    const session = { accessToken: 't', user, environment: 'development' };

    expect(refreshDelayMs({ ...session, expiresAt: '2026-03-02T08:15:00.000Z' }, now)).toBe(14 * 60_000);
    expect(refreshDelayMs({ ...session, expiresAt: '2026-03-02T08:00:40.000Z' }, now)).toBe(30_000);
    expect(refreshDelayMs({ ...session, expiresAt: '2026-03-02T07:59:00.000Z' }, now)).toBe(0);
  });
});
