import { join } from 'node:path';
import { type AnyEvent, type RecordedEvent } from '@ib/domain';
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
  type Upcaster,
} from './event-store.port';
import {
  type AppendOutcome,
  asOriginalAppend,
  type EncodedEvent,
  encodeEvent,
  type Rejection,
  throwRejection,
} from './append-outcome';
import { EventStoreUnavailableError } from './event-store-unavailable.error';
import { matchesExpectedVersion } from './expected-version';
import { PollingSubscriptions } from './polling-subscription';
import { KnownStreamVersions } from './known-stream-versions';
import { RecentEvents } from './recent-events';
import { type EventsDatabase, type HeadRow, openEventsDatabase } from './sqlite-event-store.schema';
import { isUniqueViolation, toUnavailableError } from './sqlite-faults';
import { type EventRow, recordedEventOf, type StoredEventRef } from './stored-event';
import { type ChainCheckpoint, type ChainedLog, type ChainRow } from '../audit-chain/chain-row';
import { chainRowOf, digestOfAppended, type StoredChainRow } from './chained-event';
import { ChainExtension } from '../audit-chain/chain-link';
import { type ChainAnchor, GENESIS_ANCHOR } from '../audit-chain/chain-verification';
import { type AuditQuery } from './audit-query/audit-query.port';
import { SqliteAuditQuery } from './audit-query/sqlite-audit-query';

export type SqliteEventStoreOptions = Readonly<{
  file: string;
  /** How often subscribers look for events appended by other connections or processes. */
  pollIntervalMs?: number;
  /** How long a writer waits for another connection's write lock before the store is "unavailable". */
  busyTimeoutMs?: number;
  /** By event type. */
  upcasters?: Readonly<Record<string, Upcaster>>;
  /** Gives recordedAt; a fixed clock makes tests deterministic. */
  now?: () => Date;
}>;

type CheckpointRow = Readonly<{
  position: number;
  hash: string;
  signed_at: string;
  signature: string | null;
}>;

const DEFAULT_POLL_INTERVAL_MS = 50;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 100;

/**
 * The embedded event store: one SQLite file (node:sqlite), WAL mode. The file is opened on first use,
 * so a missing or locked data folder answers EventStoreUnavailableError per call instead of failing boot.
 */
export class SqliteEventStore implements EventStore, ChainedLog {
  private database?: EventsDatabase;
  private closed = false;
  private readonly recent = new RecentEvents((row) => this.toRecordedEvent(row));
  private readonly versions = new KnownStreamVersions();
  /**
   * The last event this connection stored or read under the write lock: the next one is chained to it
   * and takes the position after it. Another process's append takes that position first, so the
   * primary key refuses a stale one and the careful path reads the link again.
   */
  private lastLink?: ChainAnchor;
  /** The link the append in progress ends with: it becomes lastLink once the append has committed. */
  private appendedLink?: ChainAnchor;

  private readonly subscriptions: PollingSubscriptions;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.subscriptions = new PollingSubscriptions({
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      defaultBatchSize: DEFAULT_SUBSCRIPTION_BATCH_SIZE,
      readBatch: (fromPosition, limit) => this.readAll({ fromPosition, limit }),
      isTransient: (error) => error instanceof EventStoreUnavailableError && !this.closed,
    });
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const result = this.guard('append', () => this.appendNow(streamId, events, options.expectedVersion));
    this.subscriptions.wake();
    return result;
  }

  async readStream<E extends AnyEvent = AnyEvent>(
    streamId: string,
    options: { fromVersion?: number } = {},
  ): Promise<ReadStreamResult<E>> {
    return this.guard('read a stream', () => {
      const { statements } = this.open();
      const rows = statements.readStream.all(streamId, options.fromVersion ?? 0) as unknown as EventRow[];
      const events = rows.map((row) => this.toRecordedEvent(row) as RecordedEvent<E>);
      const version = events.at(-1)?.streamVersion ?? this.streamHead(streamId).version;
      this.versions.set(streamId, version);
      return { events, version };
    });
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.guard('read all events', () => {
      // SQLite reads a negative LIMIT as "no limit"; the port means "at most limit".
      const limit = Math.max(0, options.limit);
      const { fromPosition, types } = options;
      const { statements } = this.open();
      // Filtered reads go to the file: a short filtered answer from memory could not tell whether
      // the file holds more events of those types.
      if (types !== undefined) {
        const rows = statements.readAllOfTypes.all(fromPosition, JSON.stringify(types), limit);
        return this.toRecordedEvents(rows as unknown as EventRow[]);
      }
      const recent = this.recent.after(fromPosition, limit);
      // An answer that stops short of `limit` ends at this process's last append: another process may
      // have appended since (a gap only empties the cache at this process's next append).
      if (recent !== undefined && (recent.length === limit || this.headIs(recent, fromPosition)))
        return recent;
      return this.toRecordedEvents(statements.readAll.all(fromPosition, limit) as unknown as EventRow[]);
    });
  }

  private headIs(events: readonly RecordedEvent[], fromPosition: number): boolean {
    const last = events.length === 0 ? fromPosition : events[events.length - 1].globalPosition;
    return (this.open().statements.head.get() as HeadRow).head === last;
  }

  async headPosition(): Promise<number> {
    return this.guard('read the head position', () => (this.open().statements.head.get() as HeadRow).head);
  }

  subscribe(
    options: { fromPosition: number; batchSize?: number },
    handler: SubscriptionHandler,
  ): Subscription {
    return this.subscriptions.subscribe(options, handler);
  }

  async readChain(afterPosition: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<ChainRow[]> {
    return this.guard('read the chain', () => {
      const rows = this.open().statements.readChain.all(afterPosition, upTo, Math.max(0, limit));
      return (rows as unknown as StoredChainRow[]).map(chainRowOf);
    });
  }

  /** Every event is chained as it is appended: the chain ends at the head. */
  chainHead(): Promise<number> {
    return this.headPosition();
  }

  async chainCheckpoints(): Promise<ChainCheckpoint[]> {
    return this.guard('read the chain checkpoints', () =>
      (this.open().statements.chainCheckpoints.all() as unknown as CheckpointRow[]).map((row) => ({
        position: row.position,
        hash: row.hash,
        signedAt: row.signed_at,
        signature: row.signature,
      })),
    );
  }

  async saveChainCheckpoint(checkpoint: ChainCheckpoint): Promise<void> {
    this.guard('save a chain checkpoint', () =>
      this.open().statements.saveChainCheckpoint.run(
        checkpoint.position,
        checkpoint.hash,
        checkpoint.signedAt,
        checkpoint.signature,
      ),
    );
  }

  /** The audit search on this store's file and connection. */
  auditQuery(): AuditQuery {
    return new SqliteAuditQuery({ database: () => this.open().db, upcasters: this.options.upcasters });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    this.database?.db.close();
    this.recent.clear();
    this.versions.clear();
    this.database = undefined;
  }

  private appendNow(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): AppendResult {
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
    // Encoded before the transaction, so the write lock is held only for the inserts.
    const encoded = events.map(encodeEvent);
    const appended = this.appendAfterKnownVersion(streamId, encoded, expected, recordedAt);
    const outcome: AppendOutcome = appended
      ? { kind: 'appended', result: appended }
      : this.appendAfterStoredVersion(streamId, encoded, expected, recordedAt);
    if (outcome.kind === 'appended') {
      this.lastLink = this.appendedLink;
      this.versions.set(streamId, outcome.result.nextExpectedVersion);
      this.remember(streamId, encoded, outcome.result, recordedAt);
      return outcome.result;
    }
    return this.asRetryOrRejection(streamId, events, expected, outcome);
  }

  /**
   * The common case, without reading the stream's head: when the expected version is the one this
   * connection last saw, the inserts alone check it (see KnownStreamVersions). Undefined when that
   * cannot be decided here, or when the unique keys refused the inserts (a stale version, a retried
   * or duplicate event id): nothing was written, and the careful path decides.
   */
  private appendAfterKnownVersion(
    streamId: string,
    encoded: readonly EncodedEvent[],
    expected: ExpectedVersion,
    recordedAt: string,
  ): AppendResult | undefined {
    const known =
      expected === 'no_stream' || expected === NO_STREAM_VERSION
        ? NO_STREAM_VERSION
        : this.versions.get(streamId);
    const link = this.lastLink;
    if (link === undefined) return undefined;
    if (known === undefined || (typeof expected === 'number' && expected !== known)) return undefined;
    if (expected === 'stream_exists' && known === NO_STREAM_VERSION) return undefined;
    try {
      // One event needs no BEGIN: a lone INSERT is its own transaction.
      return encoded.length === 1
        ? this.insertAfter(streamId, encoded, known, recordedAt, link)
        : this.inTransaction(() => this.insertAfter(streamId, encoded, known, recordedAt, link));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      this.versions.forget(streamId);
      this.lastLink = undefined;
      return undefined;
    }
  }

  /** Reads the stream's head and appends after it, under one write lock. */
  private appendAfterStoredVersion(
    streamId: string,
    encoded: readonly EncodedEvent[],
    expected: ExpectedVersion,
    recordedAt: string,
  ): AppendOutcome {
    try {
      return this.inTransaction(() => {
        const current = this.streamHead(streamId).version;
        this.versions.set(streamId, current);
        if (!matchesExpectedVersion(expected, current)) return { kind: 'wrong_version', current };
        const link = this.readLastLink();
        return { kind: 'appended', result: this.insertAfter(streamId, encoded, current, recordedAt, link) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { kind: 'duplicate_event_id' };
    }
  }

  /**
   * After a refused append (rolled back): the retry of an append already stored answers its original
   * result; anything else is rejected. Stored events never change, so no lock is needed to look them up.
   */
  private asRetryOrRejection(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    rejection: Rejection,
  ): AppendResult {
    const stored = events.map(
      (event) => this.open().statements.findEvent.get(event.eventId) as StoredEventRef | undefined,
    );
    return (
      asOriginalAppend(streamId, stored) ??
      throwRejection(streamId, expected, rejection, stored.some(Boolean))
    );
  }

  /**
   * Inserts the events as versions `version + 1`, ... at the positions after `link`, each chained to the
   * one before it (see audit-chain/chain-link.ts). Throws a unique violation, before anything is
   * committed, when a version, a position or an event id is taken. The new last link is noted for the
   * caller, who keeps it once the append has committed.
   */
  private insertAfter(
    streamId: string,
    encoded: readonly EncodedEvent[],
    version: number,
    recordedAt: string,
    link: ChainAnchor,
  ): AppendResult {
    const { insert } = this.open().statements;
    const chain = new ChainExtension(link);
    for (const event of encoded) {
      const [eventId, type, schemaVersion, data, metadata] = event;
      const { position, previousPosition, hash } = chain.next(
        chain.head.position + 1,
        digestOfAppended(event, streamId, ++version, recordedAt),
      );
      insert.run(
        position,
        previousPosition,
        hash,
        eventId,
        streamId,
        version,
        type,
        schemaVersion,
        data,
        metadata,
        recordedAt,
      );
    }
    this.appendedLink = chain.head;
    return { nextExpectedVersion: version, lastPosition: chain.head.position };
  }

  /** The last stored event's position and hash (the genesis values on an empty log). */
  private readLastLink(): ChainAnchor {
    const row = this.open().statements.lastLink.get() as
      { position: number; hash: string | null } | undefined;
    return row ? { position: row.position, hash: row.hash ?? GENESIS_ANCHOR.hash } : GENESIS_ANCHOR;
  }

  private appendNothing(streamId: string, expected: ExpectedVersion): AppendResult {
    const { version, position } = this.streamHead(streamId);
    if (!matchesExpectedVersion(expected, version)) {
      return throwRejection(streamId, expected, { kind: 'wrong_version', current: version }, false);
    }
    return { nextExpectedVersion: version, lastPosition: position };
  }

  private streamHead(streamId: string): { version: number; position: number } {
    const row = this.open().statements.streamHead.get(streamId) as StoredEventRef | undefined;
    return row
      ? { version: row.stream_version, position: row.global_position }
      : { version: NO_STREAM_VERSION, position: 0 };
  }

  private inTransaction<T>(work: () => T): T {
    const { db, statements } = this.open();
    statements.begin.run();
    try {
      const result = work();
      statements.commit.run();
      return result;
    } catch (error) {
      if (db.isTransaction) statements.rollback.run();
      throw error;
    }
  }

  /** Keeps what was just committed for this process's subscribers, exactly as a read would return it. */
  private remember(
    streamId: string,
    encoded: readonly EncodedEvent[],
    result: AppendResult,
    recordedAt: string,
  ): void {
    const firstPosition = result.lastPosition - encoded.length + 1;
    const firstVersion = result.nextExpectedVersion - encoded.length + 1;
    this.recent.add(
      encoded.map(([eventId, type, schemaVersion, data, metadata], index): EventRow => [
        firstPosition + index,
        eventId,
        streamId,
        firstVersion + index,
        type,
        schemaVersion,
        data,
        metadata,
        recordedAt,
      ]),
    );
  }

  private toRecordedEvents(rows: readonly EventRow[]): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let index = 0; index < rows.length; index++) events[index] = this.toRecordedEvent(rows[index]);
    return events;
  }

  private toRecordedEvent(row: EventRow): RecordedEvent {
    return recordedEventOf(row, this.options.upcasters);
  }

  private open(): EventsDatabase {
    if (this.closed) throw new EventStoreUnavailableError('Event store is closed');
    this.database ??= openEventsDatabase(
      this.options.file,
      this.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    );
    return this.database;
  }

  /** Storage faults become EventStoreUnavailableError; domain errors and bugs pass through unchanged. */
  private guard<T>(action: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toUnavailableError(error, action) ?? error;
    }
  }
}

/** The embedded default: the event store file in the data folder. */
export const createSqliteEventStore = (
  dataDir: string,
  options: Omit<SqliteEventStoreOptions, 'file'> = {},
): SqliteEventStore => new SqliteEventStore({ ...options, file: join(dataDir, 'events.sqlite') });
