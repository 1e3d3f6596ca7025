import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationDeployments, deploymentDecider, integrationDeploymentsStreamId } from '@ib/domain';
import { authorize, type RequestContext } from '../../../identity';
import { ConnectionAccess } from '../../../connections';
import { IntegrationViews } from '../../../integrations';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { type GateRequest, PromotionGate } from '../promotion-gate/promotion-gate';

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
    private readonly integrations: IntegrationViews,
    private readonly connections: ConnectionAccess,
    private readonly gate: PromotionGate,
  ) {}

  async execute({ integrationId, environment, connectionId, context, gateRequest }: BindConnectionCommand) {
    // An integration the caller may not read does not exist for them, whatever they administer.
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    // Any existing connection: the decider says why one of another environment or provider cannot serve.
    const connection = await this.connections.existing(connectionId);
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      async (state) => {
        const override = await this.gate.beforeBinding(
          state,
          { integrationId, environment, provider: integration.provider },
          connection,
          gateRequest,
        );
        return {
          type: 'BindConnection',
          data: {
            integrationId,
            environment,
            connectionId,
            connectionProvider: connection.provider,
            connectionEnvironment: connection.environment,
            integrationProvider: integration.provider,
            ...(override === undefined ? {} : { override }),
          },
          metadata: { environment },
        };
      },
      context,
    );
  }
}
