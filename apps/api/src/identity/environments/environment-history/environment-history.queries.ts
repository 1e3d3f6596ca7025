import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { environmentStreamId, NotFoundError } from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import { type History, namedHistory } from '../../../infrastructure/history/history-entries';
import {
  type PastReading,
  readableHistory,
  readablePast,
} from '../../../infrastructure/history/past-reading';
import { type Moment } from '../../../infrastructure/history/past-states';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { allows, mayReadPast } from '../../auth/policy';
import { ActorNames } from '../../users/user-queries/actor-names';
import { environmentsProjection, type EnvironmentView } from '../environment-queries/environments.projection';

/**
 * One environment's past as `user` may read it: folded by the environments view's own projection,
 * readable by who holds a role there and by owners.
 */
async function environmentPast(
  store: EventStore,
  user: AuthenticatedUser,
  name: string,
): Promise<PastReading<EnvironmentView>> {
  const stream = environmentStreamId(name);
  return {
    object: { projection: environmentsProjection, id: name, stream },
    events: (await store.readStream(stream)).events,
    readable: () => mayReadPast(user, [name], allows(user, 'environment.read', name)),
    notFound: (detail = 'does not exist') =>
      new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${name}' ${detail}`),
  };
}

export class GetEnvironmentHistoryQuery extends Query<History> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly name: string,
  ) {
    super();
  }
}

@QueryHandler(GetEnvironmentHistoryQuery)
export class GetEnvironmentHistoryHandler implements IQueryHandler<GetEnvironmentHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actors: ActorNames,
  ) {}

  async execute({ user, name }: GetEnvironmentHistoryQuery): Promise<History> {
    const steps = readableHistory(await environmentPast(this.store, user, name));
    return namedHistory(steps, (ids) => this.actors.of(ids));
  }
}

export class GetPastEnvironmentQuery extends Query<EnvironmentView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly name: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

@QueryHandler(GetPastEnvironmentQuery)
export class GetPastEnvironmentHandler implements IQueryHandler<GetPastEnvironmentQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, name, moment }: GetPastEnvironmentQuery): Promise<EnvironmentView> {
    return readablePast(await environmentPast(this.store, user, name), moment).document;
  }
}
