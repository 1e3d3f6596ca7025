import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ChangeIntegrationDetails, integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

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
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, details, context }: ChangeDetailsCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'ChangeIntegrationDetails',
        data: { integrationId, ...details },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
