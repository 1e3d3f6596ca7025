import { Inject, Injectable } from '@nestjs/common';
import {
  type DeploymentCommand,
  StaleVersionError,
  deploymentDecider,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { type RequestContext } from '../../../identity';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner, type Unstamped } from '../../../infrastructure/command-handling/command-runner';
import { type DeploymentChange, DeploymentCommands, type Promotion } from '../deployment-commands';
import { type GateRequest } from '../promotion-gate/promotion-gate';

type Checked = Readonly<{ integrationName: string }>;

/**
 * What a promotion, binding or unbinding checks before it becomes a change request, so it is refused as
 * the direct call would be (403, 404, 409, 412) rather than once approved: the caller's rights, the
 * If-Match, the promotion gate (a mismatch is the requester's to fix or force, not the approver's to
 * find), and the decider itself, run on the deployments as they are without storing anything. The
 * approved change runs them all again, on the deployments and database as they are then.
 */
@Injectable()
export class DeploymentChangeChecks {
  constructor(
    private readonly runner: CommandRunner,
    private readonly deployments: DeploymentCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async promote(integrationId: string, promotion: Promotion, context: RequestContext): Promise<Checked> {
    return this.decide(
      integrationId,
      context,
      await this.deployments.promotion(integrationId, promotion, context),
    );
  }

  async bind(
    integrationId: string,
    environment: string,
    connectionId: string,
    context: RequestContext,
    request: GateRequest = {},
  ): Promise<Checked> {
    return this.decide(
      integrationId,
      context,
      await this.deployments.binding(integrationId, environment, connectionId, request, context),
    );
  }

  async unbind(integrationId: string, environment: string, context: RequestContext): Promise<Checked> {
    return this.decide(
      integrationId,
      context,
      await this.deployments.unbinding(integrationId, environment, context),
    );
  }

  private async decide(
    integrationId: string,
    context: RequestContext,
    { integrationName, commandFor }: DeploymentChange,
  ): Promise<Checked> {
    const { state, version } = await this.runner.load(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
    );
    if (context.ifMatch !== undefined && context.ifMatch !== version)
      throw new StaleVersionError(context.ifMatch, version);
    const command: Unstamped<DeploymentCommand> = await commandFor(state);
    deploymentDecider.decide(
      { ...command, metadata: { actorId: context.user.id, now: this.clock.now() } } as DeploymentCommand,
      state,
    );
    return { integrationName };
  }
}
