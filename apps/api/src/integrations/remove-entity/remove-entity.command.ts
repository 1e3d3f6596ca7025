import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

export class RemoveEntityCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly name: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(RemoveEntityCommand)
export class RemoveEntityHandler implements ICommandHandler<RemoveEntityCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, name, context }: RemoveEntityCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'RemoveEntity',
        data: { integrationId, name },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
