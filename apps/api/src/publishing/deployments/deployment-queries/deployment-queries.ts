import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type EnvironmentKind, type Provider } from '@ib/domain';
import { type AuthenticatedUser } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type DeploymentView, DeploymentViews } from './deployment-views';
import {
  assertCanRead,
  type List,
} from '../../publications/publication-queries/integration-publications.queries';

export type ConnectionBinding = Readonly<{
  connectionId: string;
  connectionProvider: Provider;
  boundBy?: string;
  boundAt?: string;
}>;

/** What serves the integration in one environment; without a binding its data API answers 409. */
export type EnvironmentDeploymentEntry = Readonly<{
  environment: string;
  environmentKind: EnvironmentKind;
  version: number;
  deployedBy: string;
  deployedAt: string;
  binding: ConnectionBinding | null;
}>;

/** A deployment as the routes answer it: its binding, or null while none is. */
export const deploymentEntry = (deployment: DeploymentView): EnvironmentDeploymentEntry => {
  const { environment, environmentKind, version, deployedBy, deployedAt } = deployment;
  const { connectionId, connectionProvider, boundBy, boundAt } = deployment;
  return {
    environment,
    environmentKind,
    version,
    deployedBy,
    deployedAt,
    binding:
      connectionId === undefined || connectionProvider === undefined
        ? null
        : { connectionId, connectionProvider, boundBy, boundAt },
  };
};

export class ListIntegrationDeploymentsQuery extends Query<List<EnvironmentDeploymentEntry>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationDeploymentsQuery)
export class ListIntegrationDeploymentsHandler implements IQueryHandler<ListIntegrationDeploymentsQuery> {
  constructor(
    private readonly views: IntegrationViews,
    private readonly deployments: DeploymentViews,
  ) {}

  async execute({ user, integrationId }: ListIntegrationDeploymentsQuery) {
    await assertCanRead(this.views, integrationId, user);
    const items = (await this.deployments.list({ integrationId })).map(deploymentEntry);
    return { items, total: items.length };
  }
}
