import { Injectable } from '@nestjs/common';
import { type DeploymentCommand, IllegalStateError, type IntegrationDeployments } from '@ib/domain';
import { authorize, EnvironmentAccess, type RequestContext } from '../../identity';
import { ConnectionAccess } from '../../connections';
import { IntegrationViews } from '../../integrations';
import { type Unstamped } from '../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../publications/publication-index';
import { type GateRequest, PromotionGate } from './promotion-gate/promotion-gate';

/** `force` and `reason` override the promotion gate's schema mismatch (see PromotionGate). */
export type Promotion = Readonly<{ version: number; environment: string }> & GateRequest;

/**
 * A change of an integration's deployments, checked against the caller's rights and ready to be
 * decided on the deployments as they are: `commandFor` runs the promotion gate on that state.
 */
export type DeploymentChange = Readonly<{
  integrationName: string;
  commandFor: (state: IntegrationDeployments) => Promise<Unstamped<DeploymentCommand>>;
}>;

/**
 * What a promotion, a binding or an unbinding reads and checks before its command is decided, the same
 * whether it runs now (the handlers) or becomes a change request first (DeploymentChangeChecks). An
 * integration the caller may not read does not exist for them, whatever they administer.
 */
@Injectable()
export class DeploymentCommands {
  constructor(
    private readonly integrations: IntegrationViews,
    private readonly environments: EnvironmentAccess,
    private readonly connections: ConnectionAccess,
    private readonly index: PublicationIndex,
    private readonly gate: PromotionGate,
  ) {}

  /** A published version goes to a qa or production environment, by an administrator there. */
  async promotion(
    integrationId: string,
    promotion: Promotion,
    context: RequestContext,
  ): Promise<DeploymentChange> {
    const { version, environment } = promotion;
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
    return {
      integrationName: integration.applicationName,
      commandFor: async (state) => {
        const override = await this.gate.beforePromotion(
          state,
          { integrationId, environment, version },
          promotion,
        );
        return {
          type: 'DeployVersion',
          data: {
            integrationId,
            version,
            environment,
            environmentKind,
            publishedVersions: published.map((entry) => entry.version),
            builtAgainst: published.find((entry) => entry.version === version)?.dependencies ?? [],
            ...(override === undefined ? {} : { override }),
          },
          metadata: { environment },
        };
      },
    };
  }

  /** The connection that serves the integration in an environment, chosen by an administrator there. */
  async binding(
    integrationId: string,
    environment: string,
    connectionId: string,
    request: GateRequest,
    context: RequestContext,
  ): Promise<DeploymentChange> {
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    // Any existing connection: the decider says why one of another environment or provider cannot serve.
    const connection = await this.connections.existing(connectionId);
    return {
      integrationName: integration.applicationName,
      commandFor: async (state) => {
        const override = await this.gate.beforeBinding(
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
            ...(override === undefined ? {} : { override }),
          },
          metadata: { environment },
        };
      },
    };
  }

  /** No connection serves the integration in an environment any more, by an administrator there. */
  async unbinding(
    integrationId: string,
    environment: string,
    context: RequestContext,
  ): Promise<DeploymentChange> {
    const integration = await this.integrations.get(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    return {
      integrationName: integration.applicationName,
      commandFor: () =>
        Promise.resolve({
          type: 'UnbindConnection',
          data: { integrationId, environment },
          metadata: { environment },
        }),
    };
  }
}
