import { type AnyEvent, type EventMetadata, type RecordedEvent } from '@ib/domain';

/**
 * Stream versions start at 0 for the first event; an absent stream has version -1.
 * Global positions are ordered but not contiguous: every event's is a safe integer above 0, greater than
 * that of every event committed before it (SQLite and MySQL number them 1, 2, 3...; KurrentDB gives
 * commit positions in its log). Position 0 means "before everything". A reader that resumes after a
 * position never misses an event committed later, so checkpoints are positions, and lag is measured
 * in positions (events on SQLite and MySQL, log bytes on KurrentDB).
 */
export const NO_STREAM_VERSION = -1;

export type ExpectedVersion = 'no_stream' | 'any' | 'stream_exists' | number;

export type NewEvent<E extends AnyEvent = AnyEvent> = Readonly<{
  /** UUIDv7; given by the caller so a retried append is recognised and ignored. */
  eventId: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
  schemaVersion?: number;
}>;

export type AppendResult = Readonly<{
  /** The stream version after the append (the version of its last event). */
  nextExpectedVersion: number;
  /** Global position of the last event written (or of the already stored one on an idempotent retry). */
  lastPosition: number;
}>;

export type ReadStreamResult<E extends AnyEvent = AnyEvent> = Readonly<{
  events: RecordedEvent<E>[];
  /** Current stream version (NO_STREAM_VERSION when the stream does not exist). */
  version: number;
}>;

export type ReadAllOptions = Readonly<{
  fromPosition: number;
  limit: number;
  /** Only events of these types (the others are skipped, not counted in `limit`); every type when absent. */
  types?: readonly string[];
}>;

/** Turns a stored (older) shape of an event type's data into the current one; stored rows stay untouched. */
export type Upcaster = (data: Record<string, unknown>, schemaVersion: number) => object;

export type SubscriptionHandler = (batch: readonly RecordedEvent[]) => Promise<void> | void;

export interface Subscription {
  /** Stops delivery; resolves once the handler in flight (if any) has returned. */
  stop(): Promise<void>;
  /** Resolves when the subscription ended because its handler threw; never resolves otherwise. */
  readonly failed: Promise<Error>;
}

export interface EventStore {
  /**
   * Appends atomically with an optimistic check. Throws ConcurrencyError (code EVENT_STORE.WRONG_EXPECTED_VERSION)
   * when the stream is not at the expected version. Re-appending events whose ids are all already
   * stored in this stream, in the same order, is a no-op that returns the original result.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;

  readStream<E extends AnyEvent = AnyEvent>(
    streamId: string,
    options?: { fromVersion?: number },
  ): Promise<ReadStreamResult<E>>;

  /** Events with globalPosition > fromPosition (of the given types, if any), in order, at most `limit` of them. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;

  /**
   * Catch-up then live: delivers every event with globalPosition > fromPosition exactly once, in order,
   * in batches of at most `batchSize`; the next batch waits for the handler's promise.
   */
  subscribe(
    options: { fromPosition: number; batchSize?: number },
    handler: SubscriptionHandler,
  ): Subscription;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
