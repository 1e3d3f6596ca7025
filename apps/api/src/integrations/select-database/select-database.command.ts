import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

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
    private readonly integrations: IntegrationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ integrationId, database, context }: SelectDatabaseCommand) {
    return this.integrations.run(
      integrationId,
      {
        type: 'SelectDatabase',
        data: { integrationId, database },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
