import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type NullPolicy, integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

export class ChooseNullPolicyCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly nullPolicy: NullPolicy,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(ChooseNullPolicyCommand)
export class ChooseNullPolicyHandler implements ICommandHandler<ChooseNullPolicyCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  execute({ integrationId, nullPolicy, context }: ChooseNullPolicyCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'ChooseNullPolicy',
        data: { integrationId, nullPolicy },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
