import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

export class RenameEntityCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly name: string,
    readonly newName: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Always refused by the Integration aggregate; routed so the caller gets the rule, not a 404. */
@CommandHandler(RenameEntityCommand)
export class RenameEntityHandler implements ICommandHandler<RenameEntityCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, name, newName, context }: RenameEntityCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'RenameEntity',
        data: { integrationId, name, newName },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
