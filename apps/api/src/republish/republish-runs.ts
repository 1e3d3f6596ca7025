import { Inject, Injectable } from '@nestjs/common';
import { type RecordedEvent, type RepublishFinished, type RepublishStarted } from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';
import { LogFollower } from '../infrastructure/event-store/log-follower';

/**
 * The republish runs still running, folded from the event store. Every read first catches up to the
 * store's head (a cache of the log rebuilt on each start, never a source of truth).
 */
@Injectable()
export class RepublishRuns {
  private readonly running = new Set<string>();
  private readonly log: LogFollower;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogFollower(store, (event) => this.apply(event));
  }

  async runningRunIds(): Promise<string[]> {
    await this.log.catchUp();
    return [...this.running];
  }

  private apply(event: RecordedEvent): void {
    if (event.type === 'RepublishStarted') this.running.add((event.data as RepublishStarted['data']).runId);
    if (event.type === 'RepublishFinished')
      this.running.delete((event.data as RepublishFinished['data']).runId);
  }
}
