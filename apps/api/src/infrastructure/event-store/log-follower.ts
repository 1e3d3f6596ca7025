import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from './event-store.port';

const BATCH = 1000;

/**
 * Keeps an in-memory fold of the log current: `catchUp()` applies every event stored since the last
 * call, so an answer given after it never misses a write that answered before it began (in this
 * process or another one sharing the store). When nothing was appended, it costs one head read.
 * Catch-ups run one at a time, each starting where the previous one ended.
 */
export class LogFollower {
  private position: number | undefined;
  private catchingUp: Promise<number> = Promise.resolve(0);

  /** `from: 'head'` skips the events stored before the first catch-up (a fold of changes only). */
  constructor(
    private readonly store: EventStore,
    private readonly apply: (event: RecordedEvent) => void,
    private readonly options: { from: 'start' | 'head' } = { from: 'start' },
  ) {}

  /** Resolves to a global position up to which every event has been applied. */
  catchUp(): Promise<number> {
    return this.queue(async () => this.readUpTo(await this.store.headPosition()));
  }

  /**
   * The same, up to a head position the caller read after it began (see LogHead): several folds
   * consulted by one request then cost one head read between them, and none reads anything when it
   * is already there.
   */
  catchUpTo(head: number): Promise<number> {
    if (this.position !== undefined && this.position >= head) return Promise.resolve(this.position);
    return this.queue(() => this.readUpTo(head));
  }

  private queue(catchUp: () => Promise<number>): Promise<number> {
    this.catchingUp = this.catchingUp.catch(() => 0).then(catchUp);
    return this.catchingUp;
  }

  private async readUpTo(head: number): Promise<number> {
    this.position ??= this.options.from === 'head' ? head : 0;
    while (this.position < head) {
      const batch = await this.store.readAll({ fromPosition: this.position, limit: BATCH });
      if (batch.length === 0) break;
      for (const event of batch) this.apply(event);
      this.position = batch[batch.length - 1].globalPosition;
    }
    return this.position;
  }
}
