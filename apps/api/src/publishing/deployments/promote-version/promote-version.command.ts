import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  IllegalStateError,
  type IntegrationDeployments,
  deploymentDecider,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { authorize, type RequestContext, EnvironmentAccess } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../../publications/publication-index';
import { type GateRequest, PromotionGate } from '../promotion-gate/promotion-gate';

/** `force` and `reason` override the promotion gate's schema mismatch (see PromotionGate). */
export type Promotion = Readonly<{ version: number; environment: string }> & GateRequest;

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
    private readonly integrations: IntegrationViews,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
    private readonly gate: PromotionGate,
  ) {}

  async execute({ integrationId, promotion, context }: PromoteVersionCommand) {
    const { version, environment } = promotion;
    // An integration the caller may not read does not exist for them, whatever they administer.
    await this.integrations.get(integrationId, context.user);
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
    return this.runner.run(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
      async (state) => {
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
      context,
    );
  }
}
