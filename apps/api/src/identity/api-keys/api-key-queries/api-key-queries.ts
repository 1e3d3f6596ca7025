import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { authorize } from '../../auth/policy';
import { ApiKeyViews, type ApiKeyView } from './api-key-views';

export class ListApiKeysQuery extends Query<Readonly<{ items: ApiKeyView[]; total: number }>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment: string,
  ) {
    super();
  }
}

/** The keys of one environment, for its admins: the view holds only a hint, never the key or its hash. */
@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly views: ApiKeyViews) {}

  async execute({ user, environment }: ListApiKeysQuery) {
    authorize(user, 'api-key.manage', environment);
    return this.views.list(environment);
  }
}
