import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { integrationDeploymentsStreamId, NotFoundError } from '@ib/domain';
import { allows, type AuthenticatedUser, EnvironmentAccess, mayReadPast } from '../../../identity';
import { CurrentViews } from '../../../infrastructure/consistency/current-views';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import { pastState } from '../../../infrastructure/history/past-states';
import { deploymentEntry, type EnvironmentDeploymentEntry } from '../deployment-queries/deployment-queries';
import {
  deploymentId,
  deploymentsProjection,
  type DeploymentView,
} from '../deployment-queries/deployments.projection';
import { DeploymentViews } from '../deployment-queries/deployment-views';

/** An integration deployed in the environment: its version there and the connection bound there. */
export type DeployedIntegrationEntry = Readonly<{ integrationId: string }> & EnvironmentDeploymentEntry;

export class ListEnvironmentDeploymentsQuery extends Query<{
  items: DeployedIntegrationEntry[];
  total: number;
}> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

const entry = (deployment: DeploymentView): DeployedIntegrationEntry => ({
  integrationId: deployment.integrationId,
  ...deploymentEntry(deployment),
});

/**
 * What serves in an environment: now, from the deployments view; `asOf`, folded from the event store,
 * each integration's deployments stream through the deployments view's own projection up to that
 * moment. The view only says which streams to read: nothing is ever undeployed, so every integration
 * deployed there then is deployed there now (the views are first brought up to the head, so one
 * deployed a moment ago is not missed).
 *
 * Who may ask: the members of the environment and owners, as for the environment itself, now and in
 * the past (see mayReadPast); to anyone else the environment does not exist.
 */
@QueryHandler(ListEnvironmentDeploymentsQuery)
export class ListEnvironmentDeploymentsHandler implements IQueryHandler<ListEnvironmentDeploymentsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deployments: DeploymentViews,
    private readonly environments: EnvironmentAccess,
    private readonly views: CurrentViews,
  ) {}

  async execute({ user, environment, asOf }: ListEnvironmentDeploymentsQuery) {
    if (!mayReadPast(user, [environment], allows(user, 'environment.read', environment)))
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${environment}' does not exist`);
    await this.environments.kindOf(environment);
    if (asOf !== undefined) await this.views.upTo();
    const now = await this.deployments.list({ environment });
    const deployments = asOf === undefined ? now : await this.deployedAt(environment, now, asOf);
    const items = deployments.map(entry);
    return { items, total: items.length };
  }

  private async deployedAt(
    environment: string,
    now: readonly DeploymentView[],
    asOf: Date,
  ): Promise<DeploymentView[]> {
    const past = await Promise.all(
      now.map(async ({ integrationId }) => {
        const stream = integrationDeploymentsStreamId(integrationId);
        const { events } = await this.store.readStream(stream);
        const object = {
          projection: deploymentsProjection,
          id: deploymentId(integrationId, environment),
          stream,
        };
        return pastState(object, events, { asOf }).then?.document;
      }),
    );
    return past.filter((deployment) => deployment !== undefined);
  }
}
