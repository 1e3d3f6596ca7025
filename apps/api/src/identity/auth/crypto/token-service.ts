import { type KeyObject, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type RoleGrant } from '@ib/domain';
import { uuidv7 } from '../../../infrastructure/ids';

export type TokenLogger = { warn(msg: string): void; log(msg: string): void };

/**
 * Who the bearer is: the user, their role grants and installation role when the token was issued, the
 * environment they logged in to, and `ver`, the user's session version then (a token whose version is
 * no longer the user's is refused: see the user decider's sessionVersion).
 */
export type TokenSubject = Readonly<{
  sub: string;
  username: string;
  roles: readonly RoleGrant[];
  owner: boolean;
  env: string;
  ver: number;
}>;

/** The verified payload: the subject plus JWT NumericDates (seconds) and a unique token id. */
export type TokenClaims = TokenSubject & Readonly<{ iat: number; exp: number; jti: string }>;

export type IssuedToken = Readonly<{ token: string; expiresAt: Date }>;

export type TokenServiceOptions = Readonly<{
  /** HMAC key, at least 32 bytes. Without one a random per-process key is used (tokens die with the process). */
  secret?: string | Buffer;
  /** Token lifetime; 15 minutes by default. */
  ttlSeconds?: number;
  logger?: TokenLogger;
}>;

export type InvalidTokenReason = 'malformed' | 'signature' | 'expired';

/** Answer 401. The reason is for logs; the message is the same for every reason. */
export class InvalidTokenError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN';
  constructor(readonly reason: InvalidTokenReason) {
    super('The bearer token is invalid or expired');
    this.name = new.target.name;
  }
}

/** The configured token secret is unusable. The message never contains the secret. */
export class InvalidTokenSecretError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN_SECRET';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export const DEFAULT_TOKEN_TTL_SECONDS = 15 * 60;
export const MIN_TOKEN_SECRET_BYTES = 32;
const MAX_TOKEN_LENGTH = 8 * 1024;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const HEADER_SEGMENT = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Short-lived HS256 JWTs (`header.payload.signature`, base64url), verified on every request: the HMAC
 * key object is built once, the signature is checked (in constant time) before the payload is parsed,
 * and only HS256 is accepted, so `alg: none` or a swapped algorithm never gets through.
 */
export class TokenService {
  private readonly key: KeyObject;
  private readonly ttlSeconds: number;
  private readonly verified = new Map<string, TokenClaims>();

  constructor({ secret, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS, logger }: TokenServiceOptions = {}) {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError('The token lifetime must be a positive whole number of seconds');
    }
    this.ttlSeconds = ttlSeconds;
    if (secret === undefined || secret === '') {
      this.key = createSecretKey(randomBytes(MIN_TOKEN_SECRET_BYTES));
      logger?.warn(
        'No token secret configured: signing tokens with a random per-process key. ' +
          'Tokens become invalid on restart and are not accepted by other API instances; configure a secret for scale-out.',
      );
      return;
    }
    const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (bytes.length < MIN_TOKEN_SECRET_BYTES) {
      throw new InvalidTokenSecretError(
        `The token secret must be at least ${MIN_TOKEN_SECRET_BYTES} bytes (generate one with: openssl rand -base64 48)`,
      );
    }
    this.key = createSecretKey(bytes);
  }

  issue(subject: TokenSubject, now: Date): IssuedToken {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims: TokenClaims = {
      sub: subject.sub,
      username: subject.username,
      roles: subject.roles.map(({ environment, role }) => ({ environment, role })),
      owner: subject.owner,
      env: subject.env,
      ver: subject.ver,
      iat,
      exp,
      jti: uuidv7(now.getTime()),
    };
    const signingInput = `${HEADER_SEGMENT}.${base64url(JSON.stringify(claims))}`;
    return { token: `${signingInput}.${this.sign(signingInput)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a token this service signed and that has not expired at `now`; otherwise InvalidTokenError. */
  verify(token: string, now: Date): TokenClaims {
    // A token's signature is checked once; later uses of the same token only check its expiry.
    const known = this.verified.get(token);
    if (known) {
      if (now.getTime() / 1000 >= known.exp) throw new InvalidTokenError('expired');
      return known;
    }
    const claims = this.verifySignature(token, now);
    if (this.verified.size >= VERIFIED_CACHE_SIZE)
      this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims);
    return claims;
  }

  private verifySignature(token: string, now: Date): TokenClaims {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)
      throw new InvalidTokenError('malformed');
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part)))
      throw new InvalidTokenError('malformed');
    const [header, payload, signature] = parts;
    if (header !== HEADER_SEGMENT && !isHs256Header(header)) throw new InvalidTokenError('malformed');

    const expected = Buffer.from(this.sign(`${header}.${payload}`), 'ascii');
    const actual = Buffer.from(signature, 'ascii');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new InvalidTokenError('signature');
    }

    const claims = parseClaims(payload);
    if (!claims) throw new InvalidTokenError('malformed');
    if (now.getTime() / 1000 >= claims.exp) throw new InvalidTokenError('expired');
    return claims;
  }

  private sign(signingInput: string): string {
    return createHmac('sha256', this.key).update(signingInput).digest('base64url');
  }
}

/** Verified tokens remembered (oldest forgotten first); a token is only as long as MAX_TOKEN_LENGTH. */
const VERIFIED_CACHE_SIZE = 10_000;

function base64url(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Other JWT libraries may order or extend the header; only the algorithm matters, and it must be HS256. */
function isHs256Header(segment: string): boolean {
  const header = decodeJson(segment);
  if (!isRecord(header)) return false;
  return (
    header.alg === 'HS256' && (header.typ === undefined || header.typ === 'JWT') && header.crit === undefined
  );
}

function parseClaims(segment: string): TokenClaims | undefined {
  const value = decodeJson(segment);
  if (!isRecord(value)) return undefined;
  const { sub, username, roles, owner, env, ver, iat, exp, jti } = value;
  if (typeof sub !== 'string' || typeof username !== 'string' || typeof env !== 'string') return undefined;
  if (typeof jti !== 'string' || !Number.isInteger(iat) || !Number.isInteger(exp)) return undefined;
  if (typeof owner !== 'boolean' || !Number.isSafeInteger(ver)) return undefined;
  if (!Array.isArray(roles)) return undefined;
  const grants: RoleGrant[] = [];
  for (const grant of roles) {
    if (!isRecord(grant) || typeof grant.environment !== 'string') return undefined;
    const role = ROLES.find((known) => known === grant.role);
    if (!role) return undefined;
    grants.push({ environment: grant.environment, role });
  }
  return {
    sub,
    username,
    roles: grants,
    owner,
    env,
    ver: ver as number,
    iat: iat as number,
    exp: exp as number,
    jti,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
