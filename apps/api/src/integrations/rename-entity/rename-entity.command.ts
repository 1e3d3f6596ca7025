import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

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
    private readonly integrations: IntegrationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ integrationId, name, newName, context }: RenameEntityCommand) {
    return this.integrations.run(
      integrationId,
      {
        type: 'RenameEntity',
        data: { integrationId, name, newName },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
