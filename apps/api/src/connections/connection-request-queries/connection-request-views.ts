import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
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
import { ConnectionRow } from '../connection-queries/connections.table';
import { type ConnectionRequestStatus, type ConnectionRequestView } from './connection-requests.projection';
import { ConnectionRequestRow } from './connection-requests.table';

export { type ConnectionRequestStatus, type ConnectionRequestView } from './connection-requests.projection';

export type ConnectionRequestListFilter = Readonly<{
  environment?: string;
  status?: ConnectionRequestStatus;
  offset: number;
  limit: number;
}>;

/**
 * The requests list, newest first. `environments` narrows to those (absent means all of them, empty
 * means none); `requestedBy` to that user's requests, except in the environments of `everyRequestIn`,
 * where every request is listed (absent means everyone's).
 */
export const listConnectionRequests = (
  store: ViewStore<ConnectionRequestView>,
  query: Readonly<{
    environments?: readonly string[];
    requestedBy?: string;
    everyRequestIn?: readonly string[];
    status?: ConnectionRequestStatus;
    offset?: number;
    limit?: number;
  }> = {},
): Promise<ViewPage<ConnectionRequestView>> => {
  const { environments, requestedBy, everyRequestIn = [], status, offset, limit } = query;
  if (environments?.length === 0) return Promise.resolve({ items: [], total: 0 });
  const where: ViewCondition[] = [];
  if (environments !== undefined) where.push({ field: 'environment', in: environments });
  if (requestedBy !== undefined)
    where.push(
      everyRequestIn.length === 0
        ? { field: 'requestedBy', equals: requestedBy }
        : {
            anyOf: [
              { field: 'requestedBy', equals: requestedBy },
              { field: 'environment', in: everyRequestIn },
            ],
          },
    );
  if (status !== undefined) where.push({ field: 'status', equals: status });
  return store.list({ where, orderBy: [{ field: 'requestedAt', direction: 'desc' }], offset, limit });
};

/**
 * The ids of the approved requests whose connection the connections view does not hold: an approval
 * stopped before its connection was created (a deleted connection keeps its row, so it is not one).
 */
export const approvedRequestIdsWithoutConnection = async (
  requests: ViewStore<ConnectionRequestView>,
  connections: ViewStore<object>,
): Promise<string[]> =>
  (
    await requests.list({
      where: [
        { field: 'status', equals: 'approved' },
        { field: 'connectionId', absentFrom: connections.table },
      ],
    })
  ).items.map(({ id }) => id);

/** Administrators see every request of their environments; others see their own. */
export const mayReadRequest = (
  user: AuthenticatedUser,
  view: Pick<ConnectionRequestView, 'environment' | 'requestedBy'>,
): boolean =>
  allows(user, 'connection-request.read-all', view.environment) ||
  (view.requestedBy === user.id && allows(user, 'connection-request.create', view.environment));

@Injectable()
export class ConnectionRequestViews {
  private readonly store: ViewStore<ConnectionRequestView>;
  private readonly connections: ViewStore<object>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<ConnectionRequestView>(ConnectionRequestRow);
    this.connections = stores.of(ConnectionRow);
  }

  async get(id: string, user?: AuthenticatedUser): Promise<ConnectionRequestView> {
    const view = await this.store.get(id);
    if (!view || (user && !mayReadRequest(user, view)))
      throw new NotFoundError('CONNECTION_REQUEST.NOT_FOUND', `Connection request ${id} does not exist`);
    return view;
  }

  /** The request once the read model has caught up with the write; the ETag is the version the write left. */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<ConnectionRequestView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }

  /** `mayReadRequest`, as the view store's filter: every request where they may read all, else their own. */
  async list(user: AuthenticatedUser, { environment, status, offset, limit }: ConnectionRequestListFilter) {
    const mine = environmentsAllowing(user, 'connection-request.create');
    const environments = environment ? mine.filter((name) => name === environment) : mine;
    return listConnectionRequests(this.store, {
      environments,
      requestedBy: user.id,
      everyRequestIn: environmentsAllowing(user, 'connection-request.read-all', environments),
      status,
      offset,
      limit,
    });
  }

  /** See approvedRequestIdsWithoutConnection. */
  approvedWithoutConnection(): Promise<string[]> {
    return approvedRequestIdsWithoutConnection(this.store, this.connections);
  }
}
