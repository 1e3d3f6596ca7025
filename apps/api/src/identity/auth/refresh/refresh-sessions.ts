import { createHash, randomBytes } from 'node:crypto';
import { Unauthenticated } from '../../../infrastructure/access/access-errors';
import { uuidv7 } from '../../../infrastructure/ids';
import {
  type RefreshSession,
  RefreshTokenStore,
  type RefreshTokenRecord,
} from '../crypto/refresh-token-store.port';

/** How long a session lasts: `idleSeconds` without a refresh (sliding), `maxSeconds` after the login whatever. */
export type RefreshTiming = Readonly<{ idleSeconds: number; maxSeconds: number }>;

export const DEFAULT_REFRESH_TIMING: RefreshTiming = { idleSeconds: 12 * 3600, maxSeconds: 7 * 24 * 3600 };

/** A new refresh token; `maxAgeSeconds`: how long it works from now (the cookie's Max-Age). */
export type IssuedRefreshToken = Readonly<{ token: string; expiresAt: Date; maxAgeSeconds: number }>;

/** Who logs in: the session a new family continues. */
export type RefreshLogin = Omit<RefreshSession, 'familyId' | 'familyExpiresAt'>;

export type Rotated = Readonly<{ session: RefreshSession; next: IssuedRefreshToken }>;

const TOKEN = /^ibr_[A-Za-z0-9_-]{43}$/;

export const refreshTokenInvalid = () =>
  new Unauthenticated('AUTH.REFRESH_TOKEN_INVALID', 'The session has expired or ended; log in again');

/** A spent token came back: it was copied, so neither copy is trusted any more. */
export const refreshTokenReused = () =>
  new Unauthenticated(
    'AUTH.REFRESH_TOKEN_REUSED',
    'This session was refreshed already; every session continuing this login ended: log in again',
  );

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Rotating refresh tokens. A login starts a family; each refresh spends the token it is given and
 * answers the family's next one, so a token works once. A spent token that comes back means two
 * holders (a thief and the user): the whole family is revoked, and both must log in again. Only the
 * sha256 of a token is stored; the token itself is only ever in the answer's cookie.
 */
export class RefreshSessions {
  constructor(
    private readonly store: RefreshTokenStore,
    private readonly timing: RefreshTiming = DEFAULT_REFRESH_TIMING,
  ) {}

  async start(login: RefreshLogin, now: Date): Promise<IssuedRefreshToken> {
    // Logins are rare enough to carry the cleaning: families past their end are forgotten.
    await this.store.purgeExpired(now.toISOString());
    const familyExpiresAt = new Date(now.getTime() + this.timing.maxSeconds * 1000).toISOString();
    return this.issue({ ...login, familyId: uuidv7(now.getTime()), familyExpiresAt }, now);
  }

  /** Spends `token` and answers the family's next one; 401 when it is missing, unknown, expired or spent. */
  async rotate(token: string | undefined, now: Date): Promise<Rotated> {
    if (token === undefined || !TOKEN.test(token)) throw refreshTokenInvalid();
    const tokenHash = hashOf(token);
    const record = await this.store.get(tokenHash);
    if (record === undefined) throw refreshTokenInvalid();
    if (record.spentAt !== undefined) return this.reused(record);
    const at = now.toISOString();
    if (record.expiresAt <= at || record.familyExpiresAt <= at) {
      await this.store.revokeFamily(record.familyId);
      throw refreshTokenInvalid();
    }
    // Of two concurrent refreshes with one token, one spends it; the other is a reuse.
    if (!(await this.store.spend(tokenHash, at))) return this.reused(record);
    const session = sessionOf(record);
    return { session, next: await this.issue(session, now) };
  }

  /** Ends one login's sessions (its family). */
  endFamily(familyId: string): Promise<void> {
    return this.store.revokeFamily(familyId);
  }

  /** Ends every session of a user (logout, a password change). */
  endAll(userId: string): Promise<void> {
    return this.store.revokeUser(userId);
  }

  private async reused(record: RefreshTokenRecord): Promise<never> {
    await this.store.revokeFamily(record.familyId);
    throw refreshTokenReused();
  }

  private async issue(session: RefreshSession, now: Date): Promise<IssuedRefreshToken> {
    const token = `ibr_${randomBytes(32).toString('base64url')}`;
    const idleEnd = new Date(now.getTime() + this.timing.idleSeconds * 1000);
    const familyEnd = new Date(session.familyExpiresAt);
    const expiresAt = idleEnd < familyEnd ? idleEnd : familyEnd;
    await this.store.save(hashOf(token), { ...session, expiresAt: expiresAt.toISOString() });
    return { token, expiresAt, maxAgeSeconds: Math.floor((expiresAt.getTime() - now.getTime()) / 1000) };
  }
}

const sessionOf = ({
  familyId,
  userId,
  username,
  environment,
  sessionVersion,
  familyExpiresAt,
}: RefreshTokenRecord): RefreshSession => ({
  familyId,
  userId,
  username,
  environment,
  sessionVersion,
  familyExpiresAt,
});
