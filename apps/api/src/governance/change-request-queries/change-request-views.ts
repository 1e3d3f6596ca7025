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
import { type ChangeRequestView, type ChangeRequestViewStatus } from './change-requests.projection';
import { ChangeRequestRow } from './change-requests.table';

export type ChangeRequestListFilter = Readonly<{
  environment?: string;
  status?: ChangeRequestViewStatus;
  offset: number;
  limit: number;
}>;

/**
 * Change requests, newest first: those of the environments in `everyRequestIn`, and `requestedBy`'s
 * own anywhere (absent: no one's own).
 */
export const listChangeRequests = (
  store: ViewStore<ChangeRequestView>,
  query: Readonly<{
    everyRequestIn: readonly string[];
    requestedBy?: string;
    environment?: string;
    status?: ChangeRequestViewStatus;
    offset?: number;
    limit?: number;
  }>,
): Promise<ViewPage<ChangeRequestView>> => {
  const { everyRequestIn, requestedBy, environment, status, offset, limit } = query;
  if (everyRequestIn.length === 0 && requestedBy === undefined)
    return Promise.resolve({ items: [], total: 0 });
  const where: ViewCondition[] = [
    requestedBy === undefined
      ? { field: 'environment', in: everyRequestIn }
      : {
          anyOf: [
            { field: 'requestedBy', equals: requestedBy },
            ...(everyRequestIn.length === 0 ? [] : [{ field: 'environment', in: everyRequestIn } as const]),
          ],
        },
  ];
  if (environment !== undefined) where.push({ field: 'environment', equals: environment });
  if (status !== undefined) where.push({ field: 'status', equals: status });
  return store.list({ where, orderBy: [{ field: 'requestedAt', direction: 'desc' }], offset, limit });
};

/** The administrators of its environment see a change request, and so does its requester. */
export const mayReadChangeRequest = (
  user: AuthenticatedUser,
  view: Pick<ChangeRequestView, 'environment' | 'requestedBy'>,
): boolean => view.requestedBy === user.id || allows(user, 'change-request.decide', view.environment);

@Injectable()
export class ChangeRequestViews {
  private readonly store: ViewStore<ChangeRequestView>;

  constructor(
    stores: ViewStores,
    private readonly consistency: ReadYourWrites,
  ) {
    this.store = stores.of<ChangeRequestView>(ChangeRequestRow);
  }

  async get(id: string, user?: AuthenticatedUser): Promise<ChangeRequestView> {
    const view = await this.store.get(id);
    if (!view || (user && !mayReadChangeRequest(user, view)))
      throw new NotFoundError('CHANGE_REQUEST.NOT_FOUND', `Change request ${id} does not exist`);
    return view;
  }

  /** The request once the read model has caught up with the write; the ETag is the version the write left. */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<ChangeRequestView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }

  list(user: AuthenticatedUser, { environment, status, offset, limit }: ChangeRequestListFilter) {
    return listChangeRequests(this.store, {
      everyRequestIn: environmentsAllowing(user, 'change-request.decide'),
      requestedBy: user.id,
      environment,
      status,
      offset,
      limit,
    });
  }
}
