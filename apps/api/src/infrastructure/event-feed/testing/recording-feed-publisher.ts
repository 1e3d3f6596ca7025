import { type EventFeedPublisher, type FeedMessage } from '../event-feed.port';

/** A feed destination in memory for specs: keeps what was acknowledged, refuses everything while down. */
export class RecordingFeedPublisher implements EventFeedPublisher {
  readonly destination = 'memory';
  readonly acknowledged: FeedMessage[] = [];
  /** While true, every publish fails as an unreachable broker would. */
  down = false;
  failures = 0;

  async prepare(): Promise<void> {
    if (this.down) this.refuse();
  }

  async publish(messages: readonly FeedMessage[]): Promise<void> {
    if (this.down) this.refuse();
    this.acknowledged.push(...messages);
  }

  async close(): Promise<void> {}

  /** The values of the acknowledged messages, parsed. */
  events(): Record<string, unknown>[] {
    return this.acknowledged.map(({ value }) => JSON.parse(value) as Record<string, unknown>);
  }

  private refuse(): never {
    this.failures += 1;
    throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
  }
}
