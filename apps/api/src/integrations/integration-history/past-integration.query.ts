import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type AuthenticatedUser } from '../../identity';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { readablePast } from '../../infrastructure/history/past-reading';
import { type Moment } from '../../infrastructure/history/past-states';
import { type IntegrationView } from '../integration-queries/integrations.projection';
import { integrationPast } from './integration-timeline';

export class GetPastIntegrationQuery extends Query<IntegrationView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly integrationId: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

/** The integration as it was at a moment or version, folded from the event store by its view's projection. */
@QueryHandler(GetPastIntegrationQuery)
export class GetPastIntegrationHandler implements IQueryHandler<GetPastIntegrationQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, integrationId, moment }: GetPastIntegrationQuery): Promise<IntegrationView> {
    return readablePast(await integrationPast(this.store, user, integrationId), moment).document;
  }
}
