import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type NullPolicy, type Provider, integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';

export type CreateIntegrationInput = Readonly<{
  environment: string;
  provider: Provider;
  applicationName: string;
  moduleName?: string;
  description?: string;
  icon?: string;
  nullPolicy?: NullPolicy;
}>;

export class CreateIntegrationCommand extends Command<CommandOutcome & { integrationId: string }> {
  constructor(
    readonly input: CreateIntegrationInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(CreateIntegrationCommand)
export class CreateIntegrationHandler implements ICommandHandler<CreateIntegrationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  async execute({ input, context }: CreateIntegrationCommand) {
    await this.environments.assertBuilder(context.user, input.environment);
    const integrationId = context.ids.next();
    const outcome = await this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      () => ({
        type: 'CreateIntegration',
        data: { integrationId, ...input },
        metadata: { environment: input.environment },
      }),
      { actor: context.actor },
    );
    return { ...outcome, integrationId };
  }
}
