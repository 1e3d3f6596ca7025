import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

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
    private readonly integrations: IntegrationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ integrationId, context }: ConvertToOpenCommand) {
    return this.integrations.run(
      integrationId,
      {
        type: 'ConvertToOpen',
        data: { integrationId },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
