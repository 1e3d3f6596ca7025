import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ActorNames, type AuthenticatedUser } from '../../identity';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type History, namedHistory } from '../../infrastructure/history/history-entries';
import { readableHistory } from '../../infrastructure/history/past-reading';
import { integrationPast } from './integration-timeline';

export class GetIntegrationHistoryQuery extends Query<History> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
  ) {
    super();
  }
}

/** Every change of the integration, folded from the event store (its publications included). */
@QueryHandler(GetIntegrationHistoryQuery)
export class GetIntegrationHistoryHandler implements IQueryHandler<GetIntegrationHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actors: ActorNames,
  ) {}

  async execute({ user, integrationId }: GetIntegrationHistoryQuery): Promise<History> {
    const steps = readableHistory(await integrationPast(this.store, user, integrationId));
    return namedHistory(steps, (ids) => this.actors.of(ids));
  }
}
