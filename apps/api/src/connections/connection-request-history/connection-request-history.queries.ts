import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { connectionRequestStreamId, NotFoundError } from '@ib/domain';
import { ActorNames, type AuthenticatedUser, mayReadPast } from '../../identity';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type History, namedHistory } from '../../infrastructure/history/history-entries';
import { type PastReading, readableHistory, readablePast } from '../../infrastructure/history/past-reading';
import { type Moment } from '../../infrastructure/history/past-states';
import { mayReadRequest } from '../connection-request-queries/connection-request-views';
import {
  connectionRequestsProjection,
  type ConnectionRequestView,
} from '../connection-request-queries/connection-requests.projection';

/**
 * One request's past as `user` may read it: folded by the requests view's own projection (so never its
 * secret's reference), readable by who reads it now (its requester, the administrators of its
 * environment) and by its environment's auditors and the owners.
 */
async function requestPast(
  store: EventStore,
  user: AuthenticatedUser,
  requestId: string,
): Promise<PastReading<ConnectionRequestView>> {
  const stream = connectionRequestStreamId(requestId);
  return {
    object: { projection: connectionRequestsProjection, id: requestId, stream },
    events: (await store.readStream(stream)).events,
    readable: (request) => mayReadPast(user, [request.environment], mayReadRequest(user, request)),
    notFound: (detail = 'does not exist') =>
      new NotFoundError('CONNECTION_REQUEST.NOT_FOUND', `Connection request ${requestId} ${detail}`),
  };
}

export class GetConnectionRequestHistoryQuery extends Query<History> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly requestId: string,
  ) {
    super();
  }
}

@QueryHandler(GetConnectionRequestHistoryQuery)
export class GetConnectionRequestHistoryHandler implements IQueryHandler<GetConnectionRequestHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actors: ActorNames,
  ) {}

  async execute({ user, requestId }: GetConnectionRequestHistoryQuery): Promise<History> {
    const steps = readableHistory(await requestPast(this.store, user, requestId));
    return namedHistory(steps, (ids) => this.actors.of(ids));
  }
}

export class GetPastConnectionRequestQuery extends Query<ConnectionRequestView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly requestId: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

@QueryHandler(GetPastConnectionRequestQuery)
export class GetPastConnectionRequestHandler implements IQueryHandler<GetPastConnectionRequestQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, requestId, moment }: GetPastConnectionRequestQuery): Promise<ConnectionRequestView> {
    return readablePast(await requestPast(this.store, user, requestId), moment).document;
  }
}
