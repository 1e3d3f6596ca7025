import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, type RoleGrant, userDecider, userStreamId } from '@ib/domain';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { HttpProblem } from '../../infrastructure/http/http-problem';
import { CredentialStore, PasswordHasher, TokenService } from '../crypto';

export type LoginResult = Readonly<{
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: { id: string; username: string; displayName?: string; roles: readonly RoleGrant[] };
}>;

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly environment: string,
    readonly username: string,
    readonly password: string,
  ) {
    super();
  }
}

const invalidCredentials = () =>
  new HttpProblem(401, 'AUTH.INVALID_CREDENTIALS', 'Unauthenticated', 'Unknown user or wrong password', {
    'WWW-Authenticate': 'Bearer',
  });

/** Environment + IT user credentials give a short-lived token for that user's roles. */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ environment, username, password }: LoginCommand): Promise<LoginResult> {
    const { state } = await this.runner.load(userStreamId(username), userDecider);
    const hash = state.status === 'registered' ? this.credentials.get(state.userId) : undefined;
    // Verify even for an unknown user so timing does not reveal which usernames exist.
    const valid = await this.hasher.verify(password, hash);
    if (!valid || state.status !== 'registered') throw invalidCredentials();
    const noAccess = HttpProblem.forbidden(
      `Environment '${environment}' does not exist or you have no role in it`,
      'AUTH.NO_ACCESS_TO_ENVIRONMENT',
    );
    if (!state.roles.some((grant) => grant.environment === environment)) throw noAccess;
    await this.environments.kindOf(environment).catch((error: unknown) => {
      throw error instanceof NotFoundError ? noAccess : error;
    });
    const issued = this.tokens.issue(
      { sub: state.userId, username: state.username, roles: state.roles, env: environment },
      this.clock.now(),
    );
    return {
      accessToken: issued.token,
      tokenType: 'Bearer',
      expiresAt: issued.expiresAt.toISOString(),
      user: {
        id: state.userId,
        username: state.username,
        ...(state.displayName ? { displayName: state.displayName } : {}),
        roles: state.roles,
      },
    };
  }
}
