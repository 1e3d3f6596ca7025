import { type Consumer, type EachBatchPayload, Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { DuplicateFilter } from './duplicate-filter';
import {
  FeedConsumerStartError,
  FeedHandlerError,
  type FeedMessageSource,
  startFailureReason,
} from './feed-consumer-errors';
import { type FeedEvent, MalformedFeedEventError, parseFeedEvent } from './feed-event';
import { type FeedLog, kafkaLogCreator, stderrFeedLog } from './feed-log';

/** Called once per event, one call at a time, in the order of the event's partition (so of its stream). */
export type FeedEventHandler = (event: FeedEvent, source: FeedMessageSource) => void | Promise<void>;

export type MalformedFeedMessage = FeedMessageSource & Readonly<{ reason: string }>;

export type FeedConsumerOptions = Readonly<{
  brokers: readonly string[];
  topic: string;
  /** The consumer group: offsets are committed under it, and its members share the partitions. */
  groupId: string;
  /**
   * Where a group with no committed offset starts: at the first event kept on the topic (true) or at
   * the next new one. A group resumes after its last committed event on each partition it committed
   * on; on a partition that got no event yet it starts over at the newest one with false, so a consumer
   * that must miss nothing uses true (its first start reads the whole feed, later ones resume).
   */
  fromBeginning: boolean;
  clientId?: string;
  ssl?: boolean;
  sasl?: SASLOptions;
  /** How many event ids each partition's duplicate filter remembers (DEFAULT_REMEMBERED_EVENT_IDS). */
  rememberedEventIds?: number;
  /** How long start() may take to connect, join the group and take its positions. */
  startTimeoutMs?: number;
  /** Where Kafka's warnings and errors go (and malformed messages, unless onMalformed is given). */
  log?: FeedLog;
  /** Told of each message that is not a feed event; the consumer skips it and goes on. */
  onMalformed?: (message: MalformedFeedMessage) => void;
  /** Signals that stop the consumer cleanly; `[]` when the application handles shutdown itself. */
  stopOnSignals?: readonly NodeJS.Signals[];
}>;

const DEFAULT_START_TIMEOUT_MS = 15_000;
/** Entries kafkajs logs while starting are held back: a failed start reports one line, not its retries. */
const MAX_HELD_LOG_ENTRIES = 50;

/**
 * Consumes the event feed with kafkajs. Each event reaches the handler once per run even when the relay
 * delivered it again (a duplicate filter per partition, by event id), one at a time and in partition
 * order. An offset is committed only after the handler returned for its event, so a consumer that stops
 * or crashes resumes at the first event not handled: at-least-once, like the feed itself. A handler that
 * throws stops the consumer (see `done`); a malformed message is reported and skipped.
 */
export class FeedConsumer {
  /** Settles when the consumer stopped: resolves after stop() or a signal, rejects on a handler failure. */
  readonly done: Promise<void>;
  private readonly consumer: Consumer;
  private readonly log: FeedLog;
  private readonly filters = new Map<number, DuplicateFilter>();
  private readonly rememberedEventIds: number;
  private state: 'new' | 'starting' | 'running' | 'stopping' | 'stopped' = 'new';
  private heldLog?: Array<() => void> = [];
  /** Batches fetched while starting wait for this, so no event is handed on before start() resolved. */
  private readonly opened: Promise<void>;
  private open!: () => void;
  private failure?: Error;
  private stopping?: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(private readonly options: FeedConsumerOptions) {
    this.log = options.log ?? stderrFeedLog();
    // Checked here: at the first message, a RangeError would only make kafkajs retry the batch forever.
    this.rememberedEventIds = new DuplicateFilter(options.rememberedEventIds).capacity;
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    // Whoever never awaits `done` learns of a handler failure from the log, not from an unhandled
    // rejection that ends the process.
    this.done.catch(() => undefined);
    this.opened = new Promise<void>((resolve) => (this.open = resolve));
    const kafka = new Kafka({
      clientId: options.clientId ?? 'integration-builder-feed-client',
      brokers: [...options.brokers],
      ssl: options.ssl,
      ...(options.sasl ? { sasl: options.sasl } : {}),
      connectionTimeout: 3_000,
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(() => this.liveLog()),
    });
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // An idle fetch returns after this long; it bounds how soon start() sees its first fetch.
      maxWaitTimeInMs: 1_000,
    });
  }

  /**
   * Connects, joins the group and takes the starting positions, then hands events to `handle` until
   * stopped. Resolves once consuming, before the first event reaches the handler: an event published
   * after that reaches the handler even when the consumer starts at new events only. Rejects with
   * FeedConsumerStartError (after at most startTimeoutMs) when the brokers cannot be reached or the
   * topic does not exist.
   */
  async start(handle: FeedEventHandler): Promise<void> {
    if (this.state !== 'new') throw new Error('A feed consumer starts once');
    this.state = 'starting';
    const { topic, brokers, fromBeginning } = this.options;
    const timeoutMs = this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let lastCrash: unknown;
    let timer: NodeJS.Timeout | undefined;
    const removeListeners: Array<() => void> = [];
    try {
      const positioned = new Promise<void>((resolve, reject) => {
        removeListeners.push(this.consumer.on(this.consumer.events.FETCH, () => resolve()));
        removeListeners.push(
          this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
            lastCrash = payload.error;
            if (!payload.restart) reject(payload.error);
          }),
        );
      });
      const starting = (async () => {
        await this.consumer.connect();
        await this.consumer.subscribe({ topics: [topic], fromBeginning });
        await this.consumer.run({
          autoCommit: true,
          // Besides the commit kafkajs makes after each batch, so a long batch does not hold them all back.
          autoCommitInterval: 1_000,
          eachBatchAutoResolve: false,
          eachBatch: (payload) => this.consumeBatch(payload, handle),
        });
        await positioned;
      })();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StartTimeout()), timeoutMs);
      });
      starting.catch(() => undefined); // after a timeout, its late failure has nobody to tell
      await Promise.race([starting, deadline]);
    } catch (error) {
      this.heldLog = undefined;
      this.state = 'stopped';
      this.open(); // a batch waiting for the start sees it failed and returns, so disconnect can finish
      await this.consumer.disconnect().catch(() => undefined);
      this.settle.resolve();
      throw new FeedConsumerStartError(
        error instanceof StartTimeout
          ? `no answer from Kafka at ${brokers.join(',')} within ${timeoutMs / 1_000} s` +
              (lastCrash ? ` (last: ${startFailureReason(lastCrash, topic, brokers)})` : '')
          : startFailureReason(error, topic, brokers),
      );
    } finally {
      clearTimeout(timer);
      for (const remove of removeListeners) remove();
    }
    this.state = 'running';
    for (const write of this.heldLog ?? []) write();
    this.heldLog = undefined;
    // On the next turn: whoever awaited start() (say, to print a status line) goes first.
    setImmediate(this.open);
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.fail(payload.error);
    });
    for (const signal of this.signals()) process.once(signal, this.onSignal);
  }

  /**
   * Stops after the event in hand, commits what was handled and leaves the group. Resolves once stopped;
   * a handler failure that caused the stop is reported by `done`, not here.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const signal of this.signals()) process.removeListener(signal, this.onSignal);
      if (this.state === 'starting' || this.state === 'running') {
        this.state = 'stopping';
        this.open();
        await this.consumer
          .disconnect()
          .catch((error: unknown) =>
            this.log.warn(
              `leaving the group failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
      }
      this.state = 'stopped';
      if (this.failure) this.settle.reject(this.failure);
      else this.settle.resolve();
    })();
    return this.stopping;
  }

  private readonly onSignal = () => void this.stop();

  private async consumeBatch(
    {
      batch,
      resolveOffset,
      heartbeat,
      commitOffsetsIfNecessary,
      isRunning,
      isStale,
      pause,
    }: EachBatchPayload,
    handle: FeedEventHandler,
  ): Promise<void> {
    await this.opened;
    const filter = this.filterOf(batch.partition);
    for (const message of batch.messages) {
      // Left unresolved, the remaining messages are fetched again by whoever holds the partition next.
      if (!isRunning() || isStale() || this.failure || this.state !== 'running') return;
      const source: FeedMessageSource = {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        ...(message.key ? { key: message.key.toString() } : {}),
      };
      const event = this.parsed(message.value, source);
      if (event && !filter.isDuplicate(event.eventId)) {
        try {
          await handle(event, source);
        } catch (error) {
          pause();
          this.fail(new FeedHandlerError(event, source, error));
          return;
        }
        filter.remember(event.eventId);
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private parsed(value: Buffer | null, source: FeedMessageSource): FeedEvent | undefined {
    try {
      return parseFeedEvent(value);
    } catch (error) {
      if (!(error instanceof MalformedFeedEventError)) throw error;
      const malformed: MalformedFeedMessage = { ...source, reason: error.reason };
      if (this.options.onMalformed) this.options.onMalformed(malformed);
      else
        this.log.warn(
          `skipped a message that is not a feed event (partition ${source.partition}, offset ${source.offset}): ${error.reason}`,
        );
      return undefined;
    }
  }

  /** A filter per partition: an event and its redelivered copy share a partition, as they share a key. */
  private filterOf(partition: number): DuplicateFilter {
    let filter = this.filters.get(partition);
    if (!filter) {
      filter = new DuplicateFilter(this.rememberedEventIds);
      this.filters.set(partition, filter);
    }
    return filter;
  }

  /** Stops the consumer with `error` as the outcome of `done`; called from inside a batch, so not awaited. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.log.error(error.message);
    setImmediate(() => void this.stop());
  }

  private liveLog(): FeedLog {
    const held = this.heldLog;
    if (!held) return this.log;
    const hold = (write: () => void) => {
      if (held.length === MAX_HELD_LOG_ENTRIES) held.shift();
      held.push(write);
    };
    return {
      warn: (message) => hold(() => this.log.warn(message)),
      error: (message) => hold(() => this.log.error(message)),
    };
  }

  private signals(): readonly NodeJS.Signals[] {
    return this.options.stopOnSignals ?? ['SIGINT', 'SIGTERM'];
  }
}

class StartTimeout extends Error {}
