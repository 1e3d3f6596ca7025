import { Logger } from '@nestjs/common';
import { type AnyEvent, type RecordedEvent, ValidationError } from '@ib/domain';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  NO_STREAM_VERSION,
  type ReadAllOptions,
  type ReadStreamResult,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';
import { matchesExpectedVersion } from '../expected-version';
import { PollingSubscriptions } from '../polling-subscription';
import {
  asOriginalAppend,
  exactTypesRegex,
  isOurStream,
  isStreamNotFound,
  isWrongExpectedVersion,
  KURRENT_STREAM_PREFIXES,
  type KurrentEventData,
  type KurrentPosition,
  type KurrentRecordedEvent,
  type KurrentStreamState,
  rejectAppend,
  type StoredEventRef,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  toUnavailableError,
} from './kurrentdb-mapping';
import { KurrentChain } from './kurrentdb-chain';
import { type ChainCheckpoint, type ChainedLog, type ChainRow } from '../../audit-chain/chain-row';

/** A server-side `$all` filter, as the client's streamNameFilter / eventTypeFilter build it. */
export type KurrentFilter =
  | { filterOn: 'streamName'; checkpointInterval: number; prefixes: string[] }
  | { filterOn: 'eventType'; checkpointInterval: number; regex: string };

/** A live `$all` subscription, used only as a doorbell: "something was appended". */
export interface KurrentLiveFeed {
  on(event: 'data', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  unsubscribe(): Promise<void>;
}

/**
 * The calls this adapter makes, and nothing more: KurrentDBClient implements it, and the unit specs
 * give an in-memory log instead, so that the adapter's logic is tested without a server.
 */
export interface KurrentClientPort {
  appendToStream(
    streamName: string,
    events: KurrentEventData[],
    options: { streamState: KurrentStreamState },
  ): Promise<{ nextExpectedRevision: bigint }>;
  readStream(
    streamName: string,
    options: {
      fromRevision: 'start' | 'end' | bigint;
      direction: 'forwards' | 'backwards';
      maxCount: number;
    },
  ): AsyncIterable<{ event?: KurrentRecordedEvent }>;
  readAll(options: {
    fromPosition: 'start' | 'end' | KurrentPosition;
    direction: 'forwards' | 'backwards';
    maxCount: number;
    filter: KurrentFilter;
  }): AsyncIterable<{ event?: KurrentRecordedEvent }>;
  subscribeToAll(options: { fromPosition: 'end'; filter: KurrentFilter }): KurrentLiveFeed;
  dispose(): Promise<void>;
}

export type KurrentDbEventStoreOptions = Readonly<
  (
    | { connectionString: string; client?: undefined }
    | { client: KurrentClientPort; connectionString?: undefined }
  ) & {
    /** How often a caught-up subscriber reads again when the live feed is silent (e.g. reconnecting). */
    pollIntervalMs?: number;
    /** The streams this store sees in `$all`; our aggregates' prefixes by default. */
    streamPrefixes?: readonly string[];
  }
>;

const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 100;
const LIVE_FEED_RETRY_MS = 1_000;

/** The client's connection string parser may echo the string (and its password) in its errors. */
function connect(connectionString: string): KurrentClientPort {
  try {
    return KurrentDBClient.connectionString(connectionString);
  } catch {
    throw new Error(
      'The KurrentDB connection string is not valid (kurrentdb://user:password@host:2113?tls=...)',
    );
  }
}

/**
 * The event store on KurrentDB (EventStoreDB 22.6 or later): one stream per aggregate, named by our
 * stream ids as they are; our versions are the stream revisions, our global positions the events'
 * log positions (see toGlobalPosition: ordered, unique, not contiguous).
 *
 * Event ids are the idempotency key. The server itself answers a retry whose expected version is
 * older than the stream with the original result; for the other cases (a retry with the current or
 * another stale version, or only some ids repeated) the adapter looks the ids up in the stream, the
 * way the SQLite adapter does after a refused insert. KurrentDB does not refuse an event id that is
 * already in the stream, so that look-up also runs before an append that could duplicate one (every
 * append but `no_stream`): a read of the stream, which is short, one per aggregate.
 */
export class KurrentDbEventStore implements EventStore, ChainedLog {
  private readonly client: KurrentClientPort;
  private readonly prefixes: readonly string[];
  private readonly streamFilter: KurrentFilter;
  private readonly logger = new Logger(KurrentDbEventStore.name);
  private liveFeed?: KurrentLiveFeed;
  private liveFeedRetry?: NodeJS.Timeout;
  private closed = false;

  /**
   * Caught-up subscribers wait for the poll interval or the live feed's bell: the feed is open
   * while any subscription is.
   */
  private readonly subscriptions: PollingSubscriptions;
  private readonly chain: KurrentChain;
  /** Log offsets: see ChainedLog. */
  readonly sparsePositions = true;

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.subscriptions = new PollingSubscriptions({
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      defaultBatchSize: DEFAULT_SUBSCRIPTION_BATCH_SIZE,
      readBatch: (fromPosition, limit) => this.readAll({ fromPosition, limit }),
      isTransient: (error) => error instanceof EventStoreUnavailableError && !this.closed,
      onFirst: () => this.openLiveFeed(),
      onLast: () => this.closeLiveFeed(),
    });
    this.client = options.client ?? connect(options.connectionString);
    this.prefixes = options.streamPrefixes ?? KURRENT_STREAM_PREFIXES;
    this.chain = new KurrentChain(this.client, (fromPosition, limit) =>
      this.readAll({ fromPosition, limit }),
    );
    this.streamFilter = { filterOn: 'streamName', checkpointInterval: 1, prefixes: [...this.prefixes] };
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const expected = options.expectedVersion;
    if (new Set(events.map((event) => event.eventId)).size !== events.length) {
      throw new ValidationError(
        'EVENT_STORE.DUPLICATE_EVENT_ID',
        'An append carries the same event id twice',
      );
    }
    const result = await this.guard('append', async () => {
      if (events.length === 0) return this.appendNothing(streamId, expected);
      const mayDuplicate = expected !== 'no_stream' && expected !== NO_STREAM_VERSION;
      if (mayDuplicate) {
        const stored = await this.findStored(streamId, events);
        if (stored.size > 0) return this.asRetry(streamId, events, expected, stored);
      }
      try {
        const { nextExpectedRevision } = await this.client.appendToStream(streamId, events.map(toEventData), {
          streamState: toStreamState(expected),
        });
        const nextExpectedVersion = Number(nextExpectedRevision);
        return { nextExpectedVersion, lastPosition: await this.positionOf(streamId, nextExpectedVersion) };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        return this.asRetry(streamId, events, expected, await this.findStored(streamId, events));
      }
    });
    this.subscriptions.wake();
    return result;
  }

  async readStream<E extends AnyEvent = AnyEvent>(
    streamId: string,
    options: { fromVersion?: number } = {},
  ): Promise<ReadStreamResult<E>> {
    return this.guard('read a stream', async () => {
      const fromRevision = BigInt(Math.max(0, options.fromVersion ?? 0));
      const recorded = await this.readStreamEvents(
        streamId,
        fromRevision,
        'forwards',
        Number.MAX_SAFE_INTEGER,
      );
      if (recorded === undefined) return { events: [], version: NO_STREAM_VERSION };
      const events = recorded.map((event) => toRecordedEvent(event) as RecordedEvent<E>);
      const version = events.at(-1)?.streamVersion ?? (await this.streamHead(streamId)).version;
      return { events, version };
    });
  }

  /**
   * `types` go to the server as an event type filter, so a projection that handles a few types does
   * not pull the whole log over the wire; the stream prefixes are then checked here, since one filter
   * cannot test both the type and the stream. Without `types`, the server filters by stream prefix.
   */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { fromPosition, limit, types } = options;
    if (!(limit > 0) || types?.length === 0) return [];
    const filter: KurrentFilter =
      types === undefined
        ? this.streamFilter
        : { filterOn: 'eventType', checkpointInterval: 1, regex: exactTypesRegex(types) };
    return this.guard('read all events', async () => {
      const accepted: RecordedEvent[] = [];
      let cursor = fromPosition;
      for (;;) {
        // One more than needed: a forward read starts at the cursor's own event, which was delivered.
        const maxCount = limit - accepted.length + 1;
        let received = 0;
        for await (const { event } of this.client.readAll({
          fromPosition: toReadPosition(cursor),
          direction: 'forwards',
          maxCount,
          filter,
        })) {
          received++;
          if (event === undefined) continue;
          const position = toGlobalPosition(event.position);
          if (position <= cursor) continue;
          cursor = position;
          if (types !== undefined && !isOurStream(event.streamId, this.prefixes)) continue;
          accepted.push(toRecordedEvent(event));
          if (accepted.length === limit) return accepted;
        }
        if (received < maxCount) return accepted;
      }
    });
  }

  chainHead(): Promise<number> {
    return this.guard('read the chain', () => this.chain.chainHead());
  }

  readChain(afterPosition: number, limit: number, upTo?: number): Promise<ChainRow[]> {
    return this.guard('read the chain', () => this.chain.readChain(afterPosition, limit, upTo));
  }

  extendChain(upTo: number): Promise<void> {
    return this.guard('extend the chain', () => this.chain.extend(upTo));
  }

  chainCheckpoints(): Promise<ChainCheckpoint[]> {
    return this.guard('read the chain checkpoints', () => this.chain.chainCheckpoints());
  }

  saveChainCheckpoint(checkpoint: ChainCheckpoint): Promise<void> {
    return this.guard('save a chain checkpoint', () => this.chain.saveChainCheckpoint(checkpoint));
  }

  async headPosition(): Promise<number> {
    return this.guard('read the head position', async () => {
      for await (const { event } of this.client.readAll({
        fromPosition: 'end',
        direction: 'backwards',
        maxCount: 1,
        filter: this.streamFilter,
      })) {
        if (event !== undefined) return toGlobalPosition(event.position);
      }
      return 0;
    });
  }

  /**
   * The SQLite store's polling subscription, fed by readAll: one cursor, so no gap, no duplicate, in
   * order, and the handler's promise paces the reads (backpressure for free). That is safe on
   * KurrentDB because `$all` only shows events up to the last indexed position, and those are indexed
   * in log order: an event never appears below a position already read. A live `$all` subscription
   * (filtered like the reads) only rings the bell, so live delivery waits neither for the poll nor for
   * appends made by this process; if it drops, the poll interval carries on until it is back.
   * A client catch-up subscription with pause/resume would push events instead, but needs its own
   * buffering, stop and failure handling, and a second code path for positions.
   */
  subscribe(
    options: { fromPosition: number; batchSize?: number },
    handler: SubscriptionHandler,
  ): Subscription {
    return this.subscriptions.subscribe(options, handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    this.closeLiveFeed();
    await this.client.dispose();
  }

  private async appendNothing(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const { version, position } = await this.streamHead(streamId);
    if (!matchesExpectedVersion(expected, version)) return rejectAppend(streamId, expected, version, false);
    return { nextExpectedVersion: version, lastPosition: position };
  }

  private async asRetry(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    stored: ReadonlyMap<string, StoredEventRef>,
  ): Promise<AppendResult> {
    const original = asOriginalAppend(events, stored);
    if (original) return original;
    const current = stored.size > 0 ? undefined : (await this.streamHead(streamId)).version;
    return rejectAppend(streamId, expected, current, stored.size > 0);
  }

  /** Where the append's event ids already are in the stream (KurrentDB has no index by event id). */
  private async findStored(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<Map<string, StoredEventRef>> {
    const wanted = new Set(events.map((event) => event.eventId));
    const stored = new Map<string, StoredEventRef>();
    const recorded = await this.readStreamEvents(streamId, 'start', 'forwards', Number.MAX_SAFE_INTEGER);
    for (const event of recorded ?? []) {
      if (!wanted.has(event.id)) continue;
      stored.set(event.id, { revision: Number(event.revision), position: toGlobalPosition(event.position) });
    }
    return stored;
  }

  /**
   * The log position of the event at a revision, read back rather than taken from the append's answer:
   * for a multi-event append that answer is not documented to be the last event's position, and a
   * position readAll would not report could never be reached by a subscriber waiting for it.
   */
  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = (await this.readStreamEvents(streamId, BigInt(revision), 'forwards', 1)) ?? [];
    if (event === undefined)
      throw new Error(`Event ${revision} of stream ${streamId} is missing after its append`);
    return toGlobalPosition(event.position);
  }

  private async streamHead(streamId: string): Promise<{ version: number; position: number }> {
    const [last] = (await this.readStreamEvents(streamId, 'end', 'backwards', 1)) ?? [];
    return last === undefined
      ? { version: NO_STREAM_VERSION, position: 0 }
      : { version: Number(last.revision), position: toGlobalPosition(last.position) };
  }

  /** Undefined when the stream does not exist. */
  private async readStreamEvents(
    streamId: string,
    fromRevision: 'start' | 'end' | bigint,
    direction: 'forwards' | 'backwards',
    maxCount: number,
  ): Promise<KurrentRecordedEvent[] | undefined> {
    const events: KurrentRecordedEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(streamId, { fromRevision, direction, maxCount })) {
        if (event !== undefined) events.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
    return events;
  }

  private openLiveFeed(): void {
    if (this.liveFeed !== undefined || this.liveFeedRetry !== undefined || this.closed) return;
    let feed: KurrentLiveFeed;
    try {
      feed = this.client.subscribeToAll({ fromPosition: 'end', filter: this.streamFilter });
    } catch (error) {
      return this.retryLiveFeed(error);
    }
    this.liveFeed = feed;
    feed.on('data', () => this.subscriptions.wake());
    feed.on('error', (error) => {
      if (this.liveFeed !== feed) return;
      this.liveFeed = undefined;
      void feed.unsubscribe().catch(() => undefined);
      this.retryLiveFeed(error);
    });
  }

  private retryLiveFeed(error: unknown): void {
    if (this.closed || this.subscriptions.size === 0) return;
    // Only the fault's kind: the client's messages may name the server or carry the connection string.
    const kind = toUnavailableError(error, 'subscribe')?.message ?? 'KurrentDB live feed failed';
    this.logger.warn({ message: 'Live feed dropped; subscribers poll until it is back', kind });
    this.liveFeedRetry = setTimeout(() => {
      this.liveFeedRetry = undefined;
      if (this.subscriptions.size > 0) this.openLiveFeed();
    }, LIVE_FEED_RETRY_MS);
    this.liveFeedRetry.unref();
  }

  private closeLiveFeed(): void {
    clearTimeout(this.liveFeedRetry);
    this.liveFeedRetry = undefined;
    const feed = this.liveFeed;
    this.liveFeed = undefined;
    void feed?.unsubscribe().catch(() => undefined);
  }

  /** Connection faults become EventStoreUnavailableError; domain errors and bugs pass through unchanged. */
  private async guard<T>(action: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new EventStoreUnavailableError('Event store is closed');
    try {
      return await work();
    } catch (error) {
      throw toUnavailableError(error, action) ?? error;
    }
  }
}
