import { Injectable } from '@nestjs/common';
import { NotFoundError, type Provider } from '@ib/domain';
import { type AuthenticatedUser, allows, environmentsAllowing } from '../../identity';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import {
  type ViewCondition,
  type ViewPage,
  type ViewStore,
  ViewStores,
} from '../../infrastructure/read-model/view-store';
import { type ConnectionView } from './connections.projection';
import { ConnectionRow } from './connections.table';

export { type ConnectionView } from './connections.projection';

export type ConnectionListFilter = Readonly<{
  environment?: string;
  provider?: Provider;
  offset: number;
  limit: number;
}>;

/**
 * The connections list, by name: `environments` narrows to those (absent means all of them, empty
 * means none); deleted connections are left out unless asked for (a read by id always finds them).
 */
export const listConnections = (
  store: ViewStore<ConnectionView>,
  query: Readonly<{
    environments?: readonly string[];
    provider?: Provider;
    includeDeleted?: boolean;
    offset?: number;
    limit?: number;
  }> = {},
): Promise<ViewPage<ConnectionView>> => {
  const { environments, provider, includeDeleted, offset, limit } = query;
  if (environments?.length === 0) return Promise.resolve({ items: [], total: 0 });
  const where: ViewCondition[] = [];
  if (environments !== undefined) where.push({ field: 'environment', in: environments });
  if (provider !== undefined) where.push({ field: 'provider', equals: provider });
  if (!includeDeleted) where.push({ field: 'deleted', equals: false });
  return store.list({ where, orderBy: [{ field: 'name' }], offset, limit });
};

/** A user sees the connections of the environments they have a role in; never a secret. */
@Injectable()
export class ConnectionViews {
  private readonly store: ViewStore<ConnectionView>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<ConnectionView>(ConnectionRow);
  }

  /** The stored view as it is, deleted or not, whoever asks: for other use cases that hold a connection id. */
  find(id: string): Promise<ConnectionView | undefined> {
    return this.store.get(id);
  }

  async get(id: string, user?: AuthenticatedUser): Promise<ConnectionView> {
    const view = await this.store.get(id);
    if (!view || view.deleted || (user && !allows(user, 'connection.read', view.environment)))
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${id} does not exist`);
    return view;
  }

  /** The connection once the read model has caught up with the write; the ETag is the version the write left. */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<ConnectionView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }

  async list(user: AuthenticatedUser, { environment, provider, offset, limit }: ConnectionListFilter) {
    const mine = environmentsAllowing(user, 'connection.read');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return listConnections(this.store, { environments, provider, offset, limit });
  }
}
