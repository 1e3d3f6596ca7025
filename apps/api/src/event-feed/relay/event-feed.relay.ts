import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import {
  EVENT_FEED_PUBLISHER,
  type EventFeedPublisher,
} from '../../infrastructure/event-feed/event-feed.port';
import { toFeedMessage } from '../../infrastructure/event-feed/feed-message';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';

/** Its name in GET /api/projections and the key of its checkpoint. */
export const EVENT_FEED_RELAY = 'event-feed';

/**
 * Publishes every stored event to the feed, in log order, one batch at a time. It is a reactor of the
 * process-manager runner, so it runs on the one instance holding that lease, from its own checkpoint,
 * which moves only after the broker acknowledged the batch: after a crash or an outage the batch is
 * sent again (at-least-once, the same event ids), never skipped. A failing broker holds back neither
 * the commands nor the other reactors; the runner retries with a growing pause and shows the relay as
 * `retrying`. On its first start it publishes the whole log, so the feed holds every event.
 */
@Injectable()
export class EventFeedRelay implements ProcessManager, OnModuleInit {
  readonly name = EVENT_FEED_RELAY;
  readonly handles = 'all';
  readonly firstStart = 'beginning';

  constructor(
    @Inject(EVENT_FEED_PUBLISHER) private readonly publisher: EventFeedPublisher,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  /** Nothing is in flight between batches: the checkpoint is the relay's whole state. */
  resumeInFlight(): void {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    await this.publisher.publish(events.map(toFeedMessage));
  }

  async stop(): Promise<void> {
    await this.publisher.close();
  }
}
