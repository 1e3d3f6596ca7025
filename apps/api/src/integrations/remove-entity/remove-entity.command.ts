import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

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
    private readonly integrations: IntegrationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ integrationId, name, context }: RemoveEntityCommand) {
    return this.integrations.run(
      integrationId,
      {
        type: 'RemoveEntity',
        data: { integrationId, name },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
