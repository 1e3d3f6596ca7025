import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type UserGrants, userGrantsProjection } from './user-grants.projection';

const BATCH = 1_000;

/**
 * userGrantsProjection kept in memory, caught up from the log before each answer: grant events are
 * few (one per user registration or role change), so the catch-up reads the ones since the last
 * call, usually none, through the store's type filter.
 */
@Injectable()
export class UserGrantHistory {
  private readonly grants = new Map<string, UserGrants>();
  private position = 0;
  private catchingUp?: Promise<void>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The streams of the users who ever held a role in one of `environments`. */
  async userStreamsIn(environments: readonly string[]): Promise<string[]> {
    await this.catchUp();
    const wanted = new Set(environments);
    return [...this.grants.values()]
      .filter((user) => user.environments.some((environment) => wanted.has(environment)))
      .map((user) => user.streamId);
  }

  /** The environments the user of `streamId` ever held a role in (none for an unknown stream). */
  async environmentsOf(streamId: string): Promise<readonly string[]> {
    await this.catchUp();
    return this.grants.get(streamId)?.environments ?? [];
  }

  /** One catch-up at a time; a caller arriving during one waits for the next, which sees its events. */
  private async catchUp(): Promise<void> {
    while (this.catchingUp) await this.catchingUp;
    this.catchingUp = this.readNewGrants().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  private async readNewGrants(): Promise<void> {
    const { handles, idOf, evolve } = userGrantsProjection;
    for (;;) {
      const batch = await this.store.readAll({ fromPosition: this.position, limit: BATCH, types: handles });
      for (const event of batch) {
        const id = idOf(event);
        const next = evolve(this.grants.get(id), event);
        if (next === undefined) this.grants.delete(id);
        else this.grants.set(id, next);
        this.position = event.globalPosition;
      }
      if (batch.length < BATCH) return;
    }
  }
}
