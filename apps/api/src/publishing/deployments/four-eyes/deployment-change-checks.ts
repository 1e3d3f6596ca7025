import { Inject, Injectable } from '@nestjs/common';
import {
  type DeploymentCommand,
  IllegalStateError,
  type IntegrationDeployments,
  StaleVersionError,
  deploymentDecider,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { authorize, EnvironmentAccess, type RequestContext } from '../../../identity';
import { ConnectionAccess } from '../../../connections';
import { IntegrationViews } from '../../../integrations';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../../publications/publication-index';
import { type GateRequest, PromotionGate } from '../promotion-gate/promotion-gate';

type Checked = Readonly<{ integrationName: string }>;

/**
 * What a promotion or binding checks before it becomes a change request, so it is refused as the
 * direct call would be (403, 404, 409, 412) rather than once approved: the caller's rights, the
 * If-Match, the promotion gate (a mismatch is the requester's to fix or force, not the approver's to
 * find), and the decider itself, run on the deployments as they are without storing anything. The
 * approved change runs them all again, on the deployments and database as they are then.
 */
@Injectable()
export class DeploymentChangeChecks {
  constructor(
    private readonly runner: CommandRunner,
    private readonly integrations: IntegrationViews,
    private readonly environments: EnvironmentAccess,
    private readonly connections: ConnectionAccess,
    private readonly index: PublicationIndex,
    private readonly gate: PromotionGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async promote(
    integrationId: string,
    { version, environment, ...request }: Readonly<{ version: number; environment: string }> & GateRequest,
    context: RequestContext,
  ): Promise<Checked> {
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.promote', environment);
    const environmentKind = await this.environments.kindOf(environment);
    if (environmentKind === 'development')
      throw new IllegalStateError(
        'DEPLOYMENT.PROMOTION_TARGET',
        `Versions are promoted to qa or production; '${environment}' is a development environment`,
      );
    const published = (await this.index.publicationsOf(integrationId)).filter(
      (entry) => entry.status === 'published',
    );
    await this.decide(integrationId, context, async (state) => {
      await this.gate.beforePromotion(state, { integrationId, environment, version }, request);
      return {
        type: 'DeployVersion',
        data: {
          integrationId,
          version,
          environment,
          environmentKind,
          publishedVersions: published.map((entry) => entry.version),
          builtAgainst: published.find((entry) => entry.version === version)?.dependencies ?? [],
        },
      };
    });
    return { integrationName: integration.applicationName };
  }

  async bind(
    integrationId: string,
    environment: string,
    connectionId: string,
    context: RequestContext,
    request: GateRequest = {},
  ): Promise<Checked> {
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    const connection = await this.connections.existing(connectionId);
    await this.decide(integrationId, context, async (state) => {
      await this.gate.beforeBinding(
        state,
        { integrationId, environment, provider: integration.provider },
        connection,
        request,
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
        },
      };
    });
    return { integrationName: integration.applicationName };
  }

  async unbind(integrationId: string, environment: string, context: RequestContext): Promise<Checked> {
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    await this.decide(integrationId, context, () =>
      Promise.resolve({ type: 'UnbindConnection', data: { integrationId, environment } }),
    );
    return { integrationName: integration.applicationName };
  }

  private async decide(
    integrationId: string,
    context: RequestContext,
    commandFor: (state: IntegrationDeployments) => Promise<Omit<DeploymentCommand, 'metadata'>>,
  ): Promise<void> {
    const { state, version } = await this.runner.load(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
    );
    if (context.ifMatch !== undefined && context.ifMatch !== version)
      throw new StaleVersionError(context.ifMatch, version);
    const command = await commandFor(state);
    deploymentDecider.decide(
      { ...command, metadata: { actorId: context.user.id, now: this.clock.now() } } as DeploymentCommand,
      state,
    );
  }
}
