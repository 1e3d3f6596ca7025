import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser, environmentsAllowing } from '../../identity';
import { type IntegrationOrder, ReadModel } from '../../read-model';
import { IntegrationViews, type IntegrationView } from './integration-views';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

export class ListIntegrationsQuery extends Query<Page<IntegrationView>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: Readonly<{
      environment?: string;
      sort: IntegrationOrder;
      offset: number;
      limit: number;
    }>,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationsQuery)
export class ListIntegrationsHandler implements IQueryHandler<ListIntegrationsQuery> {
  constructor(private readonly readModel: ReadModel) {}

  execute({ user, filter: { environment, sort, offset, limit } }: ListIntegrationsQuery) {
    const mine = environmentsAllowing(user, 'integration.read');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return this.readModel.listIntegrations({ environments, sort, offset, limit });
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
