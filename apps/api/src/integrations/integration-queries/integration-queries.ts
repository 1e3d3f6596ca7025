import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../identity';
import { type IntegrationListFilter, IntegrationViews, type IntegrationView } from './integration-views';

export type Page<T> = Readonly<{ items: T[]; total: number }>;

export class ListIntegrationsQuery extends Query<Page<IntegrationView>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly filter: IntegrationListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListIntegrationsQuery)
export class ListIntegrationsHandler implements IQueryHandler<ListIntegrationsQuery> {
  constructor(private readonly views: IntegrationViews) {}

  execute({ user, filter }: ListIntegrationsQuery) {
    return this.views.list(user, filter);
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
