import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

export class ConvertToOpenCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Hands the integration's code over to its developers: the builder no longer edits or publishes it. */
@CommandHandler(ConvertToOpenCommand)
export class ConvertToOpenHandler implements ICommandHandler<ConvertToOpenCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, context }: ConvertToOpenCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'ConvertToOpen',
        data: { integrationId },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
