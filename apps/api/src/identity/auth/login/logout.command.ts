import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@ib/domain';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { type RequestContext } from '../request-context.decorator';

export class LogoutCommand extends Command<void> {
  constructor(readonly context: RequestContext) {
    super();
  }
}

/** Ends every session of the caller: their tokens, in every tab and on every instance, are refused. */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ context }: LogoutCommand): Promise<void> {
    const { user, actor } = context;
    await this.runner.run(
      userStreamId(user.username),
      userDecider,
      () => ({ type: 'LogOutUser', data: { userId: user.id } }),
      { actor },
    );
  }
}
