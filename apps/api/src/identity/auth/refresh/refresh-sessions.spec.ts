import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Unauthenticated } from '../../../infrastructure/access/access-errors';
import { SqliteRefreshTokenStore } from '../crypto/refresh-token-store';
import { type RefreshLogin, RefreshSessions } from './refresh-sessions';

const HOUR = 3600 * 1000;
const LOGIN_AT = new Date('2026-03-02T08:00:00.000Z');
const at = (hours: number) => new Date(LOGIN_AT.getTime() + hours * HOUR);
const dana: RefreshLogin = {
  userId: 'user-dana',
  username: 'dana',
  environment: 'development',
  sessionVersion: 2,
};

const refusedWith = (code: string) => expect.objectContaining({ code, constructor: Unauthenticated });

describe('RefreshSessions', () => {
  let dir: string;
  let store: SqliteRefreshTokenStore;
  let sessions: RefreshSessions;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refresh-sessions-'));
    store = new SqliteRefreshTokenStore({ file: join(dir, 'credentials.sqlite') });
    sessions = new RefreshSessions(store, { idleSeconds: 12 * 3600, maxSeconds: 7 * 24 * 3600 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a login, when its token is refreshed, then the session continues with a new token', async () => {
    const first = await sessions.start(dana, LOGIN_AT);

    const { session, next } = await sessions.rotate(first.token, at(1));

    expect(session).toMatchObject(dana);
    expect(next.token).not.toBe(first.token);
    expect(next.expiresAt).toEqual(at(13));
  });

  it('given a rotated token, when the spent one comes back, then the whole family is revoked', async () => {
    const first = await sessions.start(dana, LOGIN_AT);
    const { next } = await sessions.rotate(first.token, at(1));

    await expect(sessions.rotate(first.token, at(2))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_REUSED'),
    );
    await expect(sessions.rotate(next.token, at(2))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_INVALID'),
    );
  });

  it('given two concurrent refreshes with one token, then one rotates and the other revokes the family', async () => {
    const first = await sessions.start(dana, LOGIN_AT);

    const outcomes = await Promise.allSettled([
      sessions.rotate(first.token, at(1)),
      sessions.rotate(first.token, at(1)),
    ]);

    expect(outcomes.map(({ status }) => status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('given a reused family, then the other logins of the user stay', async () => {
    const stolen = await sessions.start(dana, LOGIN_AT);
    const otherDevice = await sessions.start(dana, LOGIN_AT);
    await sessions.rotate(stolen.token, at(1));
    await sessions.rotate(stolen.token, at(1)).catch(() => undefined);

    await expect(sessions.rotate(otherDevice.token, at(2))).resolves.toBeDefined();
  });

  it('given a token idle past its sliding lifetime, when it is refreshed, then it is refused', async () => {
    const first = await sessions.start(dana, LOGIN_AT);

    await expect(sessions.rotate(first.token, at(12))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_INVALID'),
    );
  });

  it('slides with each refresh, but never past the absolute end a week after the login', async () => {
    let token = (await sessions.start(dana, LOGIN_AT)).token;
    for (let hours = 11; hours < 7 * 24; hours += 11) {
      const { next } = await sessions.rotate(token, at(hours));
      expect(next.expiresAt.getTime()).toBeLessThanOrEqual(at(7 * 24).getTime());
      token = next.token;
    }

    await expect(sessions.rotate(token, at(7 * 24))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_INVALID'),
    );
  });

  it('given every session of a user ended, then none of their tokens refreshes, and other users keep theirs', async () => {
    const first = await sessions.start(dana, LOGIN_AT);
    const second = await sessions.start(dana, LOGIN_AT);
    const fox = await sessions.start({ ...dana, userId: 'user-fox', username: 'fox' }, LOGIN_AT);

    await sessions.endAll(dana.userId);

    await expect(sessions.rotate(first.token, at(1))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_INVALID'),
    );
    await expect(sessions.rotate(second.token, at(1))).rejects.toEqual(
      refusedWith('AUTH.REFRESH_TOKEN_INVALID'),
    );
    await expect(sessions.rotate(fox.token, at(1))).resolves.toBeDefined();
  });

  it.each([undefined, '', 'not-a-token', `ibr_${'A'.repeat(43)}`])(
    'given no or an unknown token (%p), then it is refused',
    async (token) => {
      await expect(sessions.rotate(token, at(1))).rejects.toEqual(refusedWith('AUTH.REFRESH_TOKEN_INVALID'));
    },
  );
});
