import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ForbiddenError,
  NotFoundError,
  type RegisteredUser,
  type RoleGrant,
  userDecider,
  userStreamId,
} from '@ib/domain';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { TooManyAttempts, Unauthenticated } from '../../../infrastructure/access/access-errors';
import { CredentialStore, PasswordHasher, TokenService } from '../crypto';
import { type IssuedRefreshToken, RefreshSessions } from '../refresh/refresh-sessions';
import { LoginThrottle } from './login-throttle';

export type LoginResult = Readonly<{
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  /** Logged in with a one-time password: the token may only change it (POST /api/auth/password). */
  passwordChangeRequired: boolean;
  user: {
    id: string;
    username: string;
    displayName?: string;
    roles: readonly RoleGrant[];
    owner: boolean;
  };
}>;

/** A session's answer, and the refresh token that continues it (for the cookie, never the body). */
export type SessionGrant = Readonly<{ answer: LoginResult; refresh: IssuedRefreshToken }>;

export class LoginCommand extends Command<SessionGrant> {
  constructor(
    readonly environment: string,
    readonly username: string,
    readonly password: string,
    /** The client's network address, for throttling. */
    readonly address: string,
  ) {
    super();
  }
}

const invalidCredentials = () =>
  new Unauthenticated('AUTH.INVALID_CREDENTIALS', 'Unknown user or wrong password');

const tooManyAttempts = (seconds: number) =>
  new TooManyAttempts(
    'AUTH.TOO_MANY_ATTEMPTS',
    `Too many failed logins; try again in ${seconds} seconds`,
    seconds,
  );

/**
 * Environment + IT user credentials give a short-lived token for that user's roles, and a refresh token
 * that continues the session (see RefreshSessions).
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: RefreshSessions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ environment, username, password, address }: LoginCommand): Promise<SessionGrant> {
    // Refused before the password is checked: a guesser learns nothing and costs no hashing.
    const wait = this.throttle.retryAfterSeconds(username, address, this.clock.now());
    if (wait > 0) throw tooManyAttempts(wait);
    const { state } = await this.runner.load(userStreamId(username), userDecider);
    const hash = state.status === 'registered' ? await this.credentials.get(state.userId) : undefined;
    // Verify even for an unknown user so timing does not reveal which usernames exist.
    const valid = await this.hasher.verify(password, hash);
    if (!valid || state.status !== 'registered') {
      this.throttle.recordFailure(username, address, this.clock.now());
      throw invalidCredentials();
    }
    this.throttle.recordSuccess(username);
    // Told only to who knows the password, so it reveals nothing of who exists.
    if (state.disabled)
      throw new Unauthenticated(
        'AUTH.USER_DISABLED',
        'This user is disabled; an administrator may enable them again',
      );
    const noAccess = new ForbiddenError(
      'AUTH.NO_ACCESS_TO_ENVIRONMENT',
      `Environment '${environment}' does not exist or you have no role in it`,
    );
    if (!state.roles.some((grant) => grant.environment === environment)) throw noAccess;
    await this.environments.kindOf(environment).catch((error: unknown) => {
      throw error instanceof NotFoundError ? noAccess : error;
    });
    const now = this.clock.now();
    const refresh = await this.sessions.start(
      { userId: state.userId, username: state.username, environment, sessionVersion: state.sessionVersion },
      now,
    );
    return { answer: sessionAnswer(this.tokens, state, environment, now), refresh };
  }
}

/** The access token for `environment` and who the user is, as the log holds them now. */
export function sessionAnswer(
  tokens: TokenService,
  state: RegisteredUser,
  environment: string,
  now: Date,
): LoginResult {
  const issued = tokens.issue(
    {
      sub: state.userId,
      username: state.username,
      roles: state.roles,
      owner: state.owner,
      env: environment,
      ver: state.sessionVersion,
    },
    now,
  );
  return {
    accessToken: issued.token,
    tokenType: 'Bearer',
    expiresAt: issued.expiresAt.toISOString(),
    passwordChangeRequired: state.mustChangePassword,
    user: {
      id: state.userId,
      username: state.username,
      ...(state.displayName ? { displayName: state.displayName } : {}),
      roles: state.roles,
      owner: state.owner,
    },
  };
}
