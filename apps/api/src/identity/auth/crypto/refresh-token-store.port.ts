/**
 * A refresh token's session: the login it continues. Every token rotated from one login shares its
 * family; `familyExpiresAt` is the family's absolute end, whatever the rotations.
 */
export type RefreshSession = Readonly<{
  familyId: string;
  userId: string;
  username: string;
  environment: string;
  /** The user's session version at login: once the user's sessions end, the family ends too. */
  sessionVersion: number;
  familyExpiresAt: string;
}>;

/** A stored token: its session, when it stops working unless rotated, and whether it was rotated already. */
export type RefreshTokenRecord = RefreshSession & Readonly<{ expiresAt: string; spentAt?: string }>;

/**
 * The sha256 of each refresh token with its session: operational state, not facts, so never in events.
 * A token is 256 random bits, so a plain sha256 is enough (as for API keys). Failures surface as
 * CredentialStoreUnavailableError (answer 503). The abstract class is the injection token.
 */
export abstract class RefreshTokenStore {
  /** Stores a new token; refuses anything but a sha256 in hex, so a plain token never lands here. */
  abstract save(tokenHash: string, record: RefreshTokenRecord): Promise<void>;
  abstract get(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Marks an unspent token spent at `at`; false when it was spent already (by a concurrent rotation
   * too: only one caller ever gets true for a token) or is gone.
   */
  abstract spend(tokenHash: string, at: string): Promise<boolean>;
  /** Forgets every token of a family (a reuse, a session that ended). */
  abstract revokeFamily(familyId: string): Promise<void>;
  /** Forgets every token of a user (logout, a password change). */
  abstract revokeUser(userId: string): Promise<void>;
  /** Forgets the tokens of families past their absolute end at `now`. */
  abstract purgeExpired(now: string): Promise<void>;
  abstract close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertRefreshTokenHash(tokenHash: string, record: RefreshTokenRecord): void {
  if (typeof tokenHash !== 'string' || !SHA256_HEX.test(tokenHash))
    throw new TypeError('RefreshTokenStore.save expects a sha256 in lower-case hex');
  if (!record.familyId || !record.userId) throw new TypeError('familyId and userId are required');
}

/** A row as both stores read it back. */
export type RefreshTokenRow = Readonly<{
  family_id: string;
  user_id: string;
  username: string;
  environment: string;
  session_version: number | bigint;
  expires_at: string;
  family_expires_at: string;
  spent_at: string | null;
}>;

export const recordOf = (row: RefreshTokenRow): RefreshTokenRecord => ({
  familyId: row.family_id,
  userId: row.user_id,
  username: row.username,
  environment: row.environment,
  sessionVersion: Number(row.session_version),
  expiresAt: row.expires_at,
  familyExpiresAt: row.family_expires_at,
  ...(row.spent_at === null ? {} : { spentAt: row.spent_at }),
});

export const REFRESH_TOKEN_COLUMNS =
  'family_id, user_id, username, environment, session_version, expires_at, family_expires_at, spent_at';
