import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { connectionStreamId, NotFoundError } from '@ib/domain';
import { ActorNames, allows, type AuthenticatedUser, mayReadPast } from '../../identity';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type History, namedHistory } from '../../infrastructure/history/history-entries';
import { type PastReading, readableHistory, readablePast } from '../../infrastructure/history/past-reading';
import { type Moment } from '../../infrastructure/history/past-states';
import { connectionsProjection, type ConnectionView } from '../connection-queries/connections.projection';

/**
 * One connection's past as `user` may read it: folded by the connections view's own projection (so
 * never its secret's reference), readable by who reads it now (not deleted, of their environment) and
 * who audits its environment (a deleted one's too).
 */
async function connectionPast(
  store: EventStore,
  user: AuthenticatedUser,
  connectionId: string,
): Promise<PastReading<ConnectionView>> {
  const stream = connectionStreamId(connectionId);
  return {
    object: { projection: connectionsProjection, id: connectionId, stream },
    events: (await store.readStream(stream)).events,
    readable: ({ environment, deleted }) =>
      mayReadPast(user, [environment], !deleted && allows(user, 'connection.read', environment)),
    notFound: (detail = 'does not exist') =>
      new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} ${detail}`),
  };
}

export class GetConnectionHistoryQuery extends Query<History> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
  ) {
    super();
  }
}

@QueryHandler(GetConnectionHistoryQuery)
export class GetConnectionHistoryHandler implements IQueryHandler<GetConnectionHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actors: ActorNames,
  ) {}

  async execute({ user, connectionId }: GetConnectionHistoryQuery): Promise<History> {
    const steps = readableHistory(await connectionPast(this.store, user, connectionId));
    return namedHistory(steps, (ids) => this.actors.of(ids));
  }
}

export class GetPastConnectionQuery extends Query<ConnectionView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly connectionId: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

/** A connection deleted by then is not found, as its GET finds no deleted one. */
@QueryHandler(GetPastConnectionQuery)
export class GetPastConnectionHandler implements IQueryHandler<GetPastConnectionQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, connectionId, moment }: GetPastConnectionQuery): Promise<ConnectionView> {
    const reading = await connectionPast(this.store, user, connectionId);
    return readablePast(reading, moment, ({ deleted }) => !deleted).document;
  }
}
