import { EventEmitter } from 'node:events';
import { type RecordedEvent } from '@ib/domain';
import { type Subscription, type SubscriptionHandler } from './event-store.port';

export const APPENDED = 'appended';
/** How often an idle instance reads the head: a quiet log's next append is seen within this. */
const DEFAULT_IDLE_HEAD_POLL_MS = 100;

export type PollingSubscriptionOptions = Readonly<{
  fromPosition: number;
  batchSize: number;
  pollIntervalMs: number;
  /** Events after a position, in order; no position below one already read may commit later. */
  readBatch: (fromPosition: number, limit: number) => Promise<readonly RecordedEvent[]>;
  /** Emits APPENDED after each local commit, so live delivery does not wait for the next poll. */
  appended: EventEmitter;
  /** Read errors worth retrying at the next poll (e.g. a locked file); any other one ends the subscription. */
  isTransient: (error: unknown) => boolean;
}>;

/**
 * Catch-up then live delivery from one cursor: read a batch after the last delivered position, hand
 * it over, wait for the handler, repeat; when caught up, sleep until a local append or the poll
 * interval (appends by other connections). One cursor means no gap, no duplicate, in order.
 */
export class PollingSubscription implements Subscription {
  readonly failed: Promise<Error>;
  /** Resolves once delivery has ended, whether stopped or failed. */
  readonly ended: Promise<void>;
  private fail!: (error: Error) => void;
  private stopped = false;
  private appendedSinceRead = false;
  private wakeScheduled = false;
  private wake?: () => void;

  constructor(
    private readonly options: PollingSubscriptionOptions,
    private readonly handler: SubscriptionHandler,
  ) {
    this.failed = new Promise((resolve) => (this.fail = resolve));
    this.ended = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.ended;
  }

  private readonly onAppended = () => {
    this.appendedSinceRead = true;
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    // Woken on the next turn of the event loop, so appends made meanwhile arrive as one batch.
    setImmediate(() => {
      this.wakeScheduled = false;
      this.wake?.();
    });
  };

  private async run(): Promise<void> {
    const { appended, readBatch, batchSize, isTransient } = this.options;
    appended.on(APPENDED, this.onAppended);
    let position = this.options.fromPosition;
    try {
      while (!this.stopped) {
        this.appendedSinceRead = false;
        let batch: readonly RecordedEvent[];
        try {
          batch = await readBatch(position, batchSize);
        } catch (error) {
          if (!isTransient(error)) return this.fail(asError(error));
          await this.idle();
          continue;
        }
        if (this.stopped) return;
        if (batch.length === 0) {
          if (!this.appendedSinceRead) await this.idle();
          continue;
        }
        try {
          await this.handler(batch);
        } catch (error) {
          return this.fail(asError(error));
        }
        position = batch[batch.length - 1].globalPosition;
        // A short batch reached the head as of the read: unless something was appended since, the next
        // read would come back empty, so wait for an append (or the poll) instead of reading again.
        if (batch.length < batchSize && !this.appendedSinceRead && !this.stopped) await this.idle();
      }
    } finally {
      appended.off(APPENDED, this.onAppended);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export type PollingSubscriptionsSettings = Readonly<{
  pollIntervalMs: number;
  defaultBatchSize: number;
  readBatch: PollingSubscriptionOptions['readBatch'];
  isTransient: PollingSubscriptionOptions['isTransient'];
  /** Told when the first subscription opens and when the last one ends (a live feed to open or close). */
  onFirst?: () => void;
  onLast?: () => void;
  /**
   * A cheap read of the log's head. Given, one watcher reads it while subscriptions are open and wakes
   * them all when it moved (appends by other processes); each subscription's own poll then only backs it
   * up. It reads every `headPollMs` while the log moves, and backs off to `idleHeadPollMs` when it does
   * not, so an idle instance asks a few times a second, not a hundred.
   */
  watchHead?: Readonly<{ head: () => Promise<number>; headPollMs: number; idleHeadPollMs?: number }>;
}>;

/**
 * A store's subscriptions, all polling its log from their own cursors: opens them, wakes them when
 * this process appends, and stops them all when the store closes. Every adapter's subscribe() is this.
 */
export class PollingSubscriptions {
  private readonly open = new Set<PollingSubscription>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private watcher?: NodeJS.Timeout;
  private lastHead = -1;
  private headPollDelay = 0;
  private readingHead = false;

  constructor(private readonly settings: PollingSubscriptionsSettings) {}

  get size(): number {
    return this.open.size;
  }

  subscribe(
    options: { fromPosition: number; batchSize?: number },
    handler: SubscriptionHandler,
  ): Subscription {
    if (options.batchSize !== undefined && !(options.batchSize >= 1)) {
      throw new RangeError(`A subscription batch size must be at least 1, got ${options.batchSize}`);
    }
    const { pollIntervalMs, defaultBatchSize, readBatch, isTransient } = this.settings;
    const subscription = new PollingSubscription(
      {
        fromPosition: options.fromPosition,
        batchSize: options.batchSize ?? defaultBatchSize,
        pollIntervalMs,
        readBatch,
        appended: this.appended,
        isTransient,
      },
      handler,
    );
    this.open.add(subscription);
    if (this.open.size === 1) {
      this.settings.onFirst?.();
      this.startWatching();
    }
    void subscription.ended.then(() => {
      this.open.delete(subscription);
      if (this.open.size > 0) return;
      this.settings.onLast?.();
      this.stopWatching();
    });
    return subscription;
  }

  private startWatching(): void {
    const watch = this.settings.watchHead;
    if (watch === undefined || this.watcher !== undefined) return;
    this.headPollDelay = watch.headPollMs;
    this.scheduleHeadRead();
  }

  private scheduleHeadRead(): void {
    clearTimeout(this.watcher);
    this.watcher = setTimeout(() => void this.readHead(), this.headPollDelay).unref();
  }

  private async readHead(): Promise<void> {
    const watch = this.settings.watchHead;
    if (watch === undefined) return;
    this.readingHead = true;
    try {
      const head = await watch.head();
      if (head !== this.lastHead) {
        this.lastHead = head;
        this.wake();
      } else {
        const idle = Math.max(watch.headPollMs, watch.idleHeadPollMs ?? DEFAULT_IDLE_HEAD_POLL_MS);
        this.headPollDelay = Math.min(idle, this.headPollDelay * 2);
      }
    } catch {
      // The subscriptions' own reads meet the fault and report it; the watcher only rings.
    } finally {
      this.readingHead = false;
    }
    if (this.watcher !== undefined) this.scheduleHeadRead();
  }

  private stopWatching(): void {
    clearTimeout(this.watcher);
    this.watcher = undefined;
  }

  /** Something was appended (by this process, or as a live feed says): subscribers read now. */
  wake(): void {
    this.appended.emit(APPENDED);
    // More is likely to follow: the head watcher reads at its quick pace again, from now.
    const watch = this.settings.watchHead;
    if (watch === undefined || this.watcher === undefined) return;
    this.headPollDelay = watch.headPollMs;
    if (!this.readingHead) this.scheduleHeadRead();
  }

  async stopAll(): Promise<void> {
    this.stopWatching();
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
    this.open.clear();
  }
}
