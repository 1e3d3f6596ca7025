import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../identity';
import { DEPLOYED_VERSIONS, type DeployedVersion, type DeployedVersions } from './deployed-versions.port';
import { type IntegrationListFilter, IntegrationViews, type IntegrationView } from './integration-views';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

/** A row of the list: the integration and the version it serves in each environment, by environment. */
export type IntegrationListItem = IntegrationView & Readonly<{ deployments: readonly DeployedVersion[] }>;

export class ListIntegrationsQuery extends Query<Page<IntegrationListItem>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: IntegrationListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationsQuery)
export class ListIntegrationsHandler implements IQueryHandler<ListIntegrationsQuery> {
  constructor(
    private readonly views: IntegrationViews,
    @Inject(DEPLOYED_VERSIONS) private readonly deployed: DeployedVersions,
  ) {}

  async execute({ user, filter }: ListIntegrationsQuery): Promise<Page<IntegrationListItem>> {
    const { items, total } = await this.views.list(user, filter);
    const deployments = await this.deployed.deployedVersionsOf(items.map(({ id }) => id));
    return { items: items.map((view) => ({ ...view, deployments: deployments.get(view.id) ?? [] })), total };
  }
}

export class GetIntegrationQuery extends Query<IntegrationView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetIntegrationQuery)
export class GetIntegrationHandler implements IQueryHandler<GetIntegrationQuery> {
  constructor(private readonly views: IntegrationViews) {}

  execute({ user, id }: GetIntegrationQuery) {
    return this.views.get(id, user);
  }
}
