import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { authorize, type RequestContext } from '../../../identity';
import { ConnectionAccess } from '../../../connections';
import { IntegrationViews } from '../../../integrations';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export class BindConnectionCommand extends Command<CommandOutcome<IntegrationDeployments>> {
  constructor(
    readonly integrationId: string,
    readonly environment: string,
    readonly connectionId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The connection that serves the integration in an environment, chosen by an administrator there. */
@CommandHandler(BindConnectionCommand)
export class BindConnectionHandler implements ICommandHandler<BindConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly integrations: IntegrationViews,
    private readonly connections: ConnectionAccess,
  ) {}

  async execute({ integrationId, environment, connectionId, context }: BindConnectionCommand) {
    // An integration the caller may not read does not exist for them, whatever they administer.
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    // Any existing connection: the decider says why one of another environment or provider cannot serve.
    const connection = await this.connections.existing(connectionId);
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      () => ({
        type: 'BindConnection',
        data: {
          integrationId,
          environment,
          connectionId,
          connectionProvider: connection.provider,
          connectionEnvironment: connection.environment,
          integrationProvider: integration.provider,
        },
        metadata: { environment },
      }),
      context,
    );
  }
}
