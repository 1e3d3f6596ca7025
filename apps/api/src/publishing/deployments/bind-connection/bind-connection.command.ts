import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { type RequestContext } from '../../../identity';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { DeploymentCommands } from '../deployment-commands';
import { type GateRequest } from '../promotion-gate/promotion-gate';

export class BindConnectionCommand extends Command<CommandOutcome<IntegrationDeployments>> {
  constructor(
    readonly integrationId: string,
    readonly environment: string,
    readonly connectionId: string,
    readonly context: RequestContext,
    /** Overrides the promotion gate's schema mismatch (see PromotionGate). */
    readonly gateRequest: GateRequest = {},
  ) {
    super();
  }
}

/** The connection that serves the integration in an environment, chosen by an administrator there. */
@CommandHandler(BindConnectionCommand)
export class BindConnectionHandler implements ICommandHandler<BindConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly deployments: DeploymentCommands,
  ) {}

  async execute({ integrationId, environment, connectionId, context, gateRequest }: BindConnectionCommand) {
    const { commandFor } = await this.deployments.binding(
      integrationId,
      environment,
      connectionId,
      gateRequest,
      context,
    );
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      commandFor,
      context,
    );
  }
}
