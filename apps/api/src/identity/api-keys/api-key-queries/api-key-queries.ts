import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { authorize } from '../../auth/policy';
import { ApiKeyUsage, type ApiKeyUsageView } from '../api-key-usage/api-key-usage';
import { ApiKeyViews, type ApiKeyView } from './api-key-views';

/** A key as admins list it: the view, and what it was used for lately. */
export type ListedApiKey = ApiKeyView & Readonly<{ usage: ApiKeyUsageView }>;

export class ListApiKeysQuery extends Query<Readonly<{ items: ListedApiKey[]; total: number }>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly environment: string,
  ) {
    super();
  }
}

/**
 * The keys of one environment, for its admins, with their usage: the view holds only a hint, never
 * the key or its hash.
 */
@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(
    private readonly views: ApiKeyViews,
    private readonly usage: ApiKeyUsage,
  ) {}

  async execute({ user, environment }: ListApiKeysQuery) {
    authorize(user, 'api-key.manage', environment);
    const { items, total } = await this.views.list(environment);
    const usage = await this.usage.usageOf(items.map(({ id }) => id));
    return {
      items: items.map((key): ListedApiKey => ({ ...key, usage: usage.get(key.id) ?? { callsPerDay: [] } })),
      total,
    };
  }
}
