import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { type RequestContext } from '../../../identity';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { DeploymentCommands } from '../deployment-commands';

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
    private readonly deployments: DeploymentCommands,
  ) {}

  async execute({ integrationId, environment, context }: UnbindConnectionCommand) {
    const { commandFor } = await this.deployments.unbinding(integrationId, environment, context);
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      commandFor,
      context,
    );
  }
}
