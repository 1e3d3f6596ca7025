import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { type RequestContext } from '../../../identity';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { DeploymentCommands, type Promotion } from '../deployment-commands';

export { type Promotion } from '../deployment-commands';

export class PromoteVersionCommand extends Command<CommandOutcome<IntegrationDeployments>> {
  constructor(
    readonly integrationId: string,
    readonly promotion: Promotion,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** A published version goes to a qa or production environment, by an administrator there. */
@CommandHandler(PromoteVersionCommand)
export class PromoteVersionHandler implements ICommandHandler<PromoteVersionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly deployments: DeploymentCommands,
  ) {}

  async execute({ integrationId, promotion, context }: PromoteVersionCommand) {
    const { commandFor } = await this.deployments.promotion(integrationId, promotion, context);
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      commandFor,
      context,
    );
  }
}
