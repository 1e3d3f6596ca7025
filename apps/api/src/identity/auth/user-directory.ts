import { Inject, Injectable } from '@nestjs/common';
import {
  type RecordedEvent,
  type RegisteredUser,
  type UserEvent,
  USER_EVENT_TYPES,
  userDecider,
} from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { LogFollower } from '../../infrastructure/event-store/log-follower';

const isUserEvent = (event: RecordedEvent): event is RecordedEvent<UserEvent> =>
  (USER_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * Every user as the log holds them now, caught up before each answer: a token names who it was issued
 * to, and this says what that user may do at this moment (roles granted or withdrawn since hold from
 * the next request on) and whether the session the token belongs to still stands.
 */
@Injectable()
export class UserDirectory {
  private readonly users = new Map<string, RegisteredUser>();
  private readonly log: LogFollower;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogFollower(store, (event) => this.apply(event));
  }

  /**
   * The user as of every event stored before the call, or before `asOf` when the caller read the
   * head itself (see LogHead); undefined when there is no such user.
   */
  async current(userId: string, asOf?: number): Promise<RegisteredUser | undefined> {
    await (asOf === undefined ? this.log.catchUp() : this.log.catchUpTo(asOf));
    return this.users.get(userId);
  }

  /** How many users hold the owner role now. */
  async ownerCount(): Promise<number> {
    await this.log.catchUp();
    return [...this.users.values()].filter((user) => user.owner).length;
  }

  private apply(event: RecordedEvent): void {
    if (!isUserEvent(event)) return;
    const { userId } = event.data;
    const state = userDecider.evolve(this.users.get(userId) ?? userDecider.initialState(), {
      type: event.type,
      data: event.data,
    } as UserEvent);
    if (state.status === 'registered') this.users.set(userId, state);
  }
}
