import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { authorize, type RequestContext } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export class UnbindConnectionCommand extends Command<CommandOutcome<IntegrationDeployments>> {
  constructor(
    readonly integrationId: string,
    readonly environment: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * No connection serves the integration in an environment any more, by an administrator there: its data
 * API answers as before any binding, and the connection may be deleted once it serves nothing else.
 */
@CommandHandler(UnbindConnectionCommand)
export class UnbindConnectionHandler implements ICommandHandler<UnbindConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly integrations: IntegrationViews,
  ) {}

  async execute({ integrationId, environment, context }: UnbindConnectionCommand) {
    // An integration the caller may not read does not exist for them, whatever they administer.
    await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      () => ({ type: 'UnbindConnection', data: { integrationId, environment }, metadata: { environment } }),
      context,
    );
  }
}
