import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@ib/domain';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { Unauthenticated } from '../../../infrastructure/access/access-errors';
import { TokenService } from '../crypto';
import { type SessionGrant, sessionAnswer } from '../login/login.command';
import { RefreshSessions } from './refresh-sessions';

export class RefreshCommand extends Command<SessionGrant> {
  constructor(
    /** The refresh cookie's value; undefined when the browser sent none. */
    readonly token: string | undefined,
  ) {
    super();
  }
}

/**
 * Spends a refresh token for a new access token carrying the user's roles as the log holds them now
 * (a role granted since the login shows up), and the login's next refresh token. Whatever ended the
 * user's sessions since the login (a logout, a new or reset password, a withdrawn right, being
 * disabled: see the user decider's sessionVersion) ends this login's refresh tokens too.
 */
@CommandHandler(RefreshCommand)
export class RefreshHandler implements ICommandHandler<RefreshCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly sessions: RefreshSessions,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ token }: RefreshCommand): Promise<SessionGrant> {
    const now = this.clock.now();
    const { session, next } = await this.sessions.rotate(token, now);
    const { state } = await this.runner.load(userStreamId(session.username), userDecider);
    if (state.status !== 'registered' || state.userId !== session.userId || state.disabled) {
      await this.sessions.endFamily(session.familyId);
      throw new Unauthenticated('AUTH.USER_DISABLED', 'This user is disabled');
    }
    if (state.sessionVersion !== session.sessionVersion) {
      await this.sessions.endFamily(session.familyId);
      throw new Unauthenticated('AUTH.SESSION_ENDED', 'This session has ended; log in again');
    }
    return { answer: sessionAnswer(this.tokens, state, session.environment, now), refresh: next };
  }
}
