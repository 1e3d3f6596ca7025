import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@ib/domain';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { RefreshSessions } from '../refresh/refresh-sessions';
import { type RequestContext } from '../request-context.decorator';

export class LogoutCommand extends Command<void> {
  constructor(readonly context: RequestContext) {
    super();
  }
}

/**
 * Ends every session of the caller: their tokens, in every tab and on every instance, are refused, and
 * their refresh tokens are forgotten (first: should the append fail, no session can be continued).
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly sessions: RefreshSessions,
  ) {}

  async execute({ context }: LogoutCommand): Promise<void> {
    const { user, actor } = context;
    await this.sessions.endAll(user.id);
    await this.runner.run(
      userStreamId(user.username),
      userDecider,
      () => ({ type: 'LogOutUser', data: { userId: user.id } }),
      { actor },
    );
  }
}
