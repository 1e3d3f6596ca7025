import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type RecordedEvent, type RoleGrant, userStreamId } from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import { type History, namedHistory } from '../../../infrastructure/history/history-entries';
import {
  type PastReading,
  readableHistory,
  readablePast,
} from '../../../infrastructure/history/past-reading';
import { type Moment } from '../../../infrastructure/history/past-states';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { mayReadPast, maySeeUser } from '../../auth/policy';
import { ActorNames } from '../user-queries/actor-names';
import { UserViews } from '../user-queries/user-views';
import { usersProjection, type UserView } from '../user-queries/users.projection';

/** Every environment the user held a role in at some point of `events`. */
const environmentsEverHeld = (events: readonly RecordedEvent[]): string[] => {
  const environments = new Set<string>();
  for (const { data } of events)
    for (const grant of (data as { roles?: readonly RoleGrant[] }).roles ?? [])
      environments.add(grant.environment);
  return [...environments];
};

const notFound = (userId: string, detail = 'does not exist') =>
  new NotFoundError('USER.NOT_FOUND', `User ${userId} ${detail}`);

/**
 * One user's past as `user` may read it: folded by the users view's own projection (no password hash
 * ever enters it), readable by who sees the user now (themselves, their environments' administrators,
 * owners) and by the auditors and administrators of every environment they ever held a role in.
 * Streams are keyed by username and routes by id: the users view names the stream, which is final,
 * since a username never changes once registered.
 */
async function userPast(
  store: EventStore,
  views: UserViews,
  user: AuthenticatedUser,
  userId: string,
): Promise<PastReading<UserView>> {
  const { username } = await views.get(userId);
  const stream = userStreamId(username);
  const { events } = await store.readStream(stream);
  const environments = environmentsEverHeld(events);
  return {
    object: { projection: usersProjection, id: userId, stream },
    events,
    readable: (now) => mayReadPast(user, environments, maySeeUser(user, now)),
    notFound: (detail) => notFound(userId, detail),
  };
}

export class GetUserHistoryQuery extends Query<History> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly userId: string,
  ) {
    super();
  }
}

@QueryHandler(GetUserHistoryQuery)
export class GetUserHistoryHandler implements IQueryHandler<GetUserHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly views: UserViews,
    private readonly actors: ActorNames,
  ) {}

  async execute({ user, userId }: GetUserHistoryQuery): Promise<History> {
    const steps = readableHistory(await userPast(this.store, this.views, user, userId));
    return namedHistory(steps, (ids) => this.actors.of(ids));
  }
}

export class GetPastUserQuery extends Query<UserView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly userId: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

@QueryHandler(GetPastUserQuery)
export class GetPastUserHandler implements IQueryHandler<GetPastUserQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly views: UserViews,
  ) {}

  async execute({ user, userId, moment }: GetPastUserQuery): Promise<UserView> {
    return readablePast(await userPast(this.store, this.views, user, userId), moment).document;
  }
}
