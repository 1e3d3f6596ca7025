import { Inject, Injectable } from '@nestjs/common';
import { type ConnectionRequested, type RecordedEvent } from '@ib/domain';
import { streamCategoryOf } from '../../infrastructure/event-store/audit-query/stream-category';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { UserGrantHistory } from '../user-grants/user-grant-history';
import { CONNECTION_REQUEST_CATEGORY, type EventScope, USER_CATEGORY } from './event-visibility';

/** Requesters remembered (the oldest forgotten first); a forgotten one is read again from its stream. */
const MAX_REQUESTERS = 10_000;

/**
 * The scope of each event (see maySee), read from the log: a user stream's environments from the
 * grant history, a connection request's requester from its first event (remembered, since later
 * events of the request do not name them).
 */
@Injectable()
export class EventScopes {
  private readonly requesters = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly grants: UserGrantHistory,
  ) {}

  async of(events: readonly RecordedEvent[]): Promise<EventScope[]> {
    const scopes: EventScope[] = [];
    for (const event of events) scopes.push(await this.scopeOf(event));
    return scopes;
  }

  private async scopeOf(event: RecordedEvent): Promise<EventScope> {
    const { streamId, metadata } = event;
    const category = streamCategoryOf(streamId);
    const environments =
      metadata.environment !== undefined
        ? [metadata.environment]
        : category === USER_CATEGORY
          ? await this.grants.environmentsOf(streamId)
          : [];
    if (category !== CONNECTION_REQUEST_CATEGORY) return { streamId, category, environments };
    return { streamId, category, environments, requester: await this.requesterOf(event) };
  }

  private async requesterOf(event: RecordedEvent): Promise<string | undefined> {
    if (event.type === 'ConnectionRequested') {
      const requester = (event as RecordedEvent<ConnectionRequested>).data.requestedBy;
      this.remember(event.streamId, requester);
      return requester;
    }
    const known = this.requesters.get(event.streamId);
    if (known !== undefined) return known;
    const { events } = await this.store.readStream(event.streamId);
    const requested = events.find((stored) => stored.type === 'ConnectionRequested');
    if (requested === undefined) return undefined;
    return this.remember(event.streamId, (requested as RecordedEvent<ConnectionRequested>).data.requestedBy);
  }

  private remember(streamId: string, requester: string): string {
    if (this.requesters.size >= MAX_REQUESTERS && !this.requesters.has(streamId))
      this.requesters.delete(this.requesters.keys().next().value as string);
    this.requesters.set(streamId, requester);
    return requester;
  }
}
