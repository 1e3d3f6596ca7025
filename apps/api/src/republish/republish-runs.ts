import { Inject, Injectable } from '@nestjs/common';
import { type RecordedEvent, type RepublishFinished, type RepublishStarted } from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';

const BATCH = 1000;

/**
 * The republish runs still running, folded from the event store. Every read first catches up to the
 * store's head (a cache of the log rebuilt on each start, never a source of truth).
 */
@Injectable()
export class RepublishRuns {
  private position = 0;
  private readonly running = new Set<string>();
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async runningRunIds(): Promise<string[]> {
    await this.catchUp();
    return [...this.running];
  }

  private catchUp(): Promise<void> {
    // One catch-up at a time: each starts where the previous one ended.
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.readNewEvents());
    return this.catchingUp;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ fromPosition: this.position, limit: BATCH });
      for (const event of batch) this.apply(event);
      if (batch.length > 0) this.position = batch[batch.length - 1].globalPosition;
      if (batch.length < BATCH) return;
    }
  }

  private apply(event: RecordedEvent): void {
    if (event.type === 'RepublishStarted') this.running.add((event.data as RepublishStarted['data']).runId);
    if (event.type === 'RepublishFinished')
      this.running.delete((event.data as RepublishFinished['data']).runId);
  }
}
