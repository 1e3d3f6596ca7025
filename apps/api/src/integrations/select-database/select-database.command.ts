import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

export class SelectDatabaseCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly database: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(SelectDatabaseCommand)
export class SelectDatabaseHandler implements ICommandHandler<SelectDatabaseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, database, context }: SelectDatabaseCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'SelectDatabase',
        data: { integrationId, database },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
