import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@ib/domain';
import { ApiKeyVerifier } from '../api-keys/api-key-verifier';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { type HttpRequest } from '../../infrastructure/http/http-types';
import { API_KEY_CHALLENGE, API_KEY_HEADER } from './accepts-api-key.decorator';
import { type AuthenticatedUser } from './authenticated-user';
import { type TokenClaims, TokenService } from './crypto/token-service';
import { stalenessOf } from './stale-session';
import { UserDirectory } from './user-sessions/user-directory';

const headerOf = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** RFC 9110: the scheme name is case-insensitive (`bearer`, `BEARER` are the same). */
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

const unauthorized = (code: string, detail: string, challenge?: string) =>
  new Unauthenticated(code, detail, challenge);

/** What a data-API caller is told to send: an app authenticates with its key, a console user with a token. */
const API_KEY_HOW = `send the app's API key in the ${API_KEY_HEADER} header`;
const DATA_API_CHALLENGE = `${API_KEY_CHALLENGE}, Bearer`;

/** No usable credential: where an app key is accepted, the answer says how to send one first. */
const missing = (acceptsApiKey: boolean, authorization: string | undefined) => {
  if (!acceptsApiKey) return Unauthenticated.bearerRequired();
  const detail =
    authorization === undefined
      ? `Authentication required: ${API_KEY_HOW} (a console user may send a bearer token in Authorization instead)`
      : `Authorization takes a console user's bearer token only: ${API_KEY_HOW}`;
  return unauthorized('AUTH.UNAUTHENTICATED', detail, DATA_API_CHALLENGE);
};

/** A token that does not verify; on the data API, likely an app key sent the wrong way. */
const invalidToken = (acceptsApiKey: boolean) =>
  acceptsApiKey
    ? unauthorized(
        'AUTH.INVALID_TOKEN',
        `The bearer token is invalid or expired; an app does not send a bearer token: ${API_KEY_HOW}`,
        `${API_KEY_CHALLENGE}, Bearer error="invalid_token"`,
      )
    : unauthorized('AUTH.INVALID_TOKEN', 'The bearer token is invalid or expired; log in again');

/** How a route takes its callers (see AuthGuard): an app's key, and a user who must change their password. */
export type RouteAccess = Readonly<{ acceptsApiKey: boolean; passwordChange?: boolean }>;

/**
 * Who calls: a bearer token's user, or, where `acceptsApiKey`, the app an `X-API-Key` belongs to;
 * anything else is a 401 problem. A token says who it was issued to; what that user may do is read
 * from the log now, and a token issued before the user's sessions ended (a withdrawn role, a new or
 * reset password, a logout, being disabled) is refused, as is every token of a disabled user. A user
 * logged in with a one-time password may only change it (`passwordChange` routes): elsewhere 403.
 * A token issued before a role was granted still stands, and its user says so (`staleSession`).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyVerifier,
    private readonly users: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `asOf`: a head position read after the request began (see LogHead), which the users and keys are
   * caught up to instead of reading the head again.
   */
  async authenticate(
    request: HttpRequest,
    { acceptsApiKey, passwordChange = false }: RouteAccess,
    asOf?: number,
  ): Promise<AuthenticatedUser> {
    const authorization = headerOf(request, 'authorization');
    const apiKey = acceptsApiKey ? headerOf(request, API_KEY_HEADER.toLowerCase()) : undefined;
    if (apiKey !== undefined) {
      // Two credentials may name two principals; answering as either one would be a guess.
      if (authorization !== undefined)
        throw unauthorized(
          'AUTH.AMBIGUOUS_CREDENTIALS',
          `Send either ${API_KEY_HEADER} or Authorization, not both`,
          API_KEY_CHALLENGE,
        );
      return this.apiKeys.verify(apiKey, asOf);
    }
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (token === undefined) throw missing(acceptsApiKey, authorization);
    const user = await this.userOf(this.claimsOf(token, acceptsApiKey), asOf);
    if (user.mustChangePassword === true && !passwordChange)
      throw new ForbiddenError(
        'AUTH.PASSWORD_CHANGE_REQUIRED',
        'Your password is a one-time one: change it (POST /api/auth/password) before anything else',
      );
    return user;
  }

  /** The claims of a token this service signed, that has not expired. */
  claimsOf(token: string, acceptsApiKey = false): TokenClaims {
    try {
      return this.tokens.verify(token, this.clock.now());
    } catch {
      throw invalidToken(acceptsApiKey);
    }
  }

  /**
   * A user as they are now, acting in `environment`, for work done on their behalf later (an approved
   * change runs with its requester's rights of the moment); undefined when gone or disabled.
   */
  async currentUser(userId: string, environment: string): Promise<AuthenticatedUser | undefined> {
    const user = await this.users.current(userId);
    if (user === undefined || user.disabled === true) return undefined;
    return { id: user.id, username: user.username, roles: user.roles, owner: user.owner, environment };
  }

  private async userOf(claims: TokenClaims, asOf?: number): Promise<AuthenticatedUser> {
    const user = await this.users.current(claims.sub, asOf);
    // Named apart from an ended session, so the client can say why logging in again will not help.
    if (user?.disabled === true) throw unauthorized('AUTH.USER_DISABLED', 'This user is disabled');
    if (user === undefined || user.sessionVersion !== claims.ver)
      throw unauthorized('AUTH.SESSION_ENDED', 'This session has ended; log in again');
    const staleSession = stalenessOf(claims, user);
    return {
      id: user.id,
      username: user.username,
      roles: user.roles,
      owner: user.owner,
      environment: claims.env,
      ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}),
      ...(staleSession === undefined ? {} : { staleSession }),
    };
  }
}
