import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ChangeIntegrationDetails } from '@ib/domain';
import { type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

export type IntegrationDetailsInput = Omit<ChangeIntegrationDetails['data'], 'integrationId'>;

export class ChangeDetailsCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly details: IntegrationDetailsInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeDetailsCommand)
export class ChangeDetailsHandler implements ICommandHandler<ChangeDetailsCommand> {
  constructor(
    private readonly integrations: IntegrationCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ integrationId, details, context }: ChangeDetailsCommand) {
    return this.integrations.run(
      integrationId,
      {
        type: 'ChangeIntegrationDetails',
        data: { integrationId, ...details },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
