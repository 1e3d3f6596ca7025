import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser, allows, environmentsAllowing } from '../../identity';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import {
  type ViewCondition,
  type ViewOrder,
  type ViewPage,
  type ViewStore,
  ViewStores,
} from '../../infrastructure/read-model/view-store';
import { type IntegrationView } from './integrations.projection';
import { IntegrationRow } from './integrations.table';

export { type IntegrationView } from './integrations.projection';

/** The orders of the integration list: a field, descending with a leading `-`. */
export const INTEGRATION_ORDERS = ['-updatedAt', 'updatedAt', 'applicationName', '-applicationName'] as const;
export type IntegrationOrder = (typeof INTEGRATION_ORDERS)[number];

export type IntegrationListFilter = Readonly<{
  environment?: string;
  sort: IntegrationOrder;
  offset: number;
  limit: number;
}>;

/** Names sort as people read them, whatever their case; the store's id order keeps pages apart on ties. */
const integrationOrder = (sort: IntegrationOrder): ViewOrder => {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return sort.endsWith('applicationName')
    ? { field: 'applicationName', direction, ignoreCase: true }
    : { field: 'updatedAt', direction };
};

/**
 * The integration list, most recently changed first unless `sort` says otherwise: `environments`
 * narrows to those (absent means all of them, empty means none).
 */
export const listIntegrations = (
  store: ViewStore<IntegrationView>,
  query: Readonly<{
    environments?: readonly string[];
    sort?: IntegrationOrder;
    offset?: number;
    limit?: number;
  }> = {},
): Promise<ViewPage<IntegrationView>> => {
  const { environments, sort = '-updatedAt', offset, limit } = query;
  if (environments?.length === 0) return Promise.resolve({ items: [], total: 0 });
  const where: ViewCondition[] =
    environments === undefined ? [] : [{ field: 'environment', in: environments }];
  return store.list({ where, orderBy: [integrationOrder(sort)], offset, limit });
};

/** Integration documents, limited to the caller's environments. */
@Injectable()
export class IntegrationViews {
  private readonly store: ViewStore<IntegrationView>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<IntegrationView>(IntegrationRow);
  }

  /** The stored view as it is, whoever asks: for other use cases that hold an integration id. */
  find(id: string): Promise<IntegrationView | undefined> {
    return this.store.get(id);
  }

  async get(id: string, user?: AuthenticatedUser): Promise<IntegrationView> {
    const view = await this.store.get(id);
    if (!view || (user && !allows(user, 'integration.read', view.environment)))
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${id} does not exist`);
    return view;
  }

  async list(user: AuthenticatedUser, { environment, sort, offset, limit }: IntegrationListFilter) {
    const mine = environmentsAllowing(user, 'integration.read');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return listIntegrations(this.store, { environments, sort, offset, limit });
  }

  /**
   * The answer to a write: the document once the read model has caught up with it, and the ETag of
   * the version the write left (true even when the read model is late).
   */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<IntegrationView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }
}
