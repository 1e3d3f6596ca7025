import { type AnyEvent, type RecordedEvent } from '@ib/domain';
import { type Pool, type PoolConnection, type ResultSetHeader } from 'mysql2/promise';
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
} from '../event-store.port';
import { asOriginalAppend, type EncodedEvent, encodeEvent, throwRejection } from '../append-outcome';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';
import { matchesExpectedVersion } from '../expected-version';
import { PollingSubscriptions } from '../polling-subscription';
import { type EventRow, recordedEventOf, type StoredEventRef } from '../stored-event';
import { openProductPool, productSession } from '../../mysql/mysql-pool';
import { type MysqlServer } from '../../mysql/mysql-server-url';
import {
  appendBatch,
  CREATE_TABLES,
  LOCK_HEAD,
  lockedAppendBatch,
  type HeadRow,
  SQL,
  UPGRADE_FROM_HEAD_ROW,
  UPGRADE_TO_CHAIN,
} from './mysql-event-store.schema';
import { completeChain } from './mysql-chain-upgrade';
import { type ChainCheckpoint, type ChainedLog, type ChainRow } from '../../audit-chain/chain-row';
import { type DigestedChainRow, digestedChainRowOf } from '../chained-event';
import { duplicateKeyOf, isPreviousVersionMissing, toUnavailableError } from './mysql-faults';
import { type AuditQuery } from '../audit-query/audit-query.port';
import { addMysqlAuditColumns } from './mysql-audit-schema';
import { MysqlAuditQuery } from './mysql-audit-query';

export type MysqlEventStoreOptions = Readonly<{
  server: MysqlServer;
  /** How often each subscriber reads the log by itself, behind the head watcher (see watchHead). */
  pollIntervalMs?: number;
  /** How often the process reads the log's head to wake its subscribers on other processes' appends. */
  headPollMs?: number;
  connectionLimit?: number;
  /** How long an append waits for another append's lock before the store is "unavailable". */
  lockWaitSeconds?: number;
  upcasters?: Readonly<Record<string, Upcaster>>;
  /** Gives recordedAt; a fixed clock makes tests deterministic. */
  now?: () => Date;
}>;

const DEFAULT_POLL_INTERVAL_MS = 250;
const DEFAULT_HEAD_POLL_MS = 10;
const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 100;
/** Appends of up to this many events have their links computed by the server (see appendBatch). */
const SERVER_LINKED_EVENTS = 4;

type CheckpointRow = Readonly<{
  position: number | string;
  hash: string;
  signed_at: string;
  signature: string | null;
}>;

/**
 * The event store on MariaDB/MySQL: one table, appends serialised by the head row's lock so that
 * positions follow commit order (see appendBatch), reads by position or stream, subscriptions by polling
 * from one cursor. Several processes may share the database.
 */
export class MysqlEventStore implements EventStore, ChainedLog {
  private readonly pool: Pool;
  private schemaReady?: Promise<void>;
  private closed = false;

  private readonly subscriptions: PollingSubscriptions;

  constructor(private readonly options: MysqlEventStoreOptions) {
    this.subscriptions = new PollingSubscriptions({
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      defaultBatchSize: DEFAULT_SUBSCRIPTION_BATCH_SIZE,
      readBatch: (fromPosition, limit) => this.readAll({ fromPosition, limit }),
      isTransient: (error) => error instanceof EventStoreUnavailableError && !this.closed,
      // One cheap head read every few milliseconds for every subscription of the process: appends of
      // other instances reach their subscribers (and read-your-writes) at once, not at the next poll.
      watchHead: { head: () => this.headPosition(), headPollMs: options.headPollMs ?? DEFAULT_HEAD_POLL_MS },
    });
    this.pool = openProductPool(options.server, {
      connectionLimit: options.connectionLimit,
      sessionSetup: productSession(options.lockWaitSeconds),
    });
  }

  /** Creates the tables when absent; appends and reads do it on first use too. */
  async open(): Promise<void> {
    await this.guard('open the log', () => this.ensureSchema());
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const result = await this.guard('append', () =>
      this.appendNow(streamId, events, options.expectedVersion),
    );
    this.subscriptions.wake();
    return result;
  }

  async readStream<E extends AnyEvent = AnyEvent>(
    streamId: string,
    options: { fromVersion?: number } = {},
  ): Promise<ReadStreamResult<E>> {
    return this.guard('read a stream', async () => {
      const rows = await this.rows(SQL.readStream, [streamId, Math.max(0, options.fromVersion ?? 0)]);
      const events = rows.map((row) => this.toRecordedEvent(row) as RecordedEvent<E>);
      const version = events.at(-1)?.streamVersion ?? (await this.streamVersion(streamId));
      return { events, version };
    });
  }

  async readAll({ fromPosition, limit, types }: ReadAllOptions): Promise<RecordedEvent[]> {
    if (types !== undefined && types.length === 0) return [];
    return this.guard('read all events', async () => {
      const rows =
        types === undefined
          ? await this.rows(SQL.readAll, [fromPosition, Math.max(0, limit)])
          : await this.rows(SQL.readAllOfTypes, [fromPosition, [...types], Math.max(0, limit)]);
      return rows.map((row) => this.toRecordedEvent(row));
    });
  }

  async headPosition(): Promise<number> {
    return this.guard('read the head position', async () => {
      await this.ensureSchema();
      return this.readHead();
    });
  }

  subscribe(
    options: { fromPosition: number; batchSize?: number },
    handler: SubscriptionHandler,
  ): Subscription {
    return this.subscriptions.subscribe(options, handler);
  }

  async readChain(afterPosition: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): Promise<ChainRow[]> {
    return this.guard('read the chain', async () => {
      await this.ensureSchema();
      const [rows] = await this.pool.query({
        sql: SQL.readChain,
        values: [afterPosition, upTo, Math.max(0, limit)],
        rowsAsArray: true,
      });
      return (rows as unknown as DigestedChainRow[]).map(digestedChainRowOf);
    });
  }

  /** Every event is chained as it is appended: the chain ends at the head. */
  chainHead(): Promise<number> {
    return this.headPosition();
  }

  async chainCheckpoints(): Promise<ChainCheckpoint[]> {
    return this.guard('read the chain checkpoints', async () => {
      await this.ensureSchema();
      const [rows] = await this.pool.query(SQL.chainCheckpoints);
      return (rows as CheckpointRow[]).map((row) => ({
        position: Number(row.position),
        hash: row.hash,
        signedAt: row.signed_at,
        signature: row.signature,
      }));
    });
  }

  async saveChainCheckpoint(checkpoint: ChainCheckpoint): Promise<void> {
    await this.guard('save a chain checkpoint', async () => {
      await this.ensureSchema();
      await this.pool.query(SQL.saveChainCheckpoint, [
        checkpoint.position,
        checkpoint.hash,
        checkpoint.signedAt,
        checkpoint.signature,
      ]);
    });
  }

  /** The audit search on this log, through this store's pool. */
  auditQuery(): AuditQuery {
    return new MysqlAuditQuery({
      pool: this.pool,
      ready: () => this.guard('open the log', () => this.ensureSchema()),
      upcasters: this.options.upcasters,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    await this.pool.end().catch(() => undefined);
  }

  private async appendNow(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    await this.ensureSchema();
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const encoded = events.map(encodeEvent);
    // Up to a few events, one round trip with the links computed by the server; beyond, or when the
    // stream's version must be read first, two round trips with the links computed here.
    if (encoded.length > SERVER_LINKED_EVENTS || (expected !== 'no_stream' && typeof expected !== 'number'))
      return this.appendUnderLock(streamId, encoded, expected);
    return this.appendAfter(
      streamId,
      encoded,
      expected === 'no_stream' ? NO_STREAM_VERSION : expected,
      expected,
    );
  }

  /**
   * In two round trips under the head row's lock: the first reads the head row (and, for `any` and
   * `stream_exists`, the stream's version, which every event is chained with); the second writes the
   * rows with the links computed here. No other append can move the head or the stream in between.
   */
  private async appendUnderLock(
    streamId: string,
    encoded: readonly EncodedEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
    const pinned =
      expected === 'no_stream' ? NO_STREAM_VERSION : typeof expected === 'number' ? expected : undefined;
    const connection = await this.pool.getConnection();
    let current: number;
    try {
      const [answers] = (await connection.query(
        `START TRANSACTION; ${LOCK_HEAD}${pinned === undefined ? `; ${SQL.streamVersion}` : ''}`,
        pinned === undefined ? [streamId] : [],
      )) as unknown as [unknown[]];
      const head = (answers[1] as HeadRow[])[0];
      current = pinned ?? Number((answers[2] as { version: number | string }[])[0].version);
      if (matchesExpectedVersion(expected, current)) {
        const batch = lockedAppendBatch(streamId, encoded, current, recordedAt, head);
        await connection.query(batch.sql, batch.values);
        return { nextExpectedVersion: current + encoded.length, lastPosition: batch.lastPosition };
      }
      await connection.query(SQL.rollback);
    } catch (error) {
      await this.rollBack(connection, error);
      return this.refused(streamId, encoded, expected, error);
    } finally {
      connection.release();
    }
    return throwRejection(streamId, expected, { kind: 'wrong_version', current }, false);
  }

  private async appendAfter(
    streamId: string,
    encoded: readonly EncodedEvent[],
    after: number,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
    const batch = appendBatch(streamId, encoded, after, recordedAt);
    const connection = await this.pool.getConnection();
    let answers: unknown[];
    try {
      [answers] = (await connection.query(batch.sql, batch.values)) as unknown as [unknown[]];
    } catch (error) {
      await this.rollBack(connection, error);
      return this.refused(streamId, encoded, expected, error);
    } finally {
      connection.release();
    }
    const lastPosition = Number((answers[batch.reservation] as ResultSetHeader).insertId);
    return { nextExpectedVersion: after + encoded.length, lastPosition };
  }

  /** Why the server refused the rows: the stream was not at the expected version, or ids repeat. */
  private async refused(
    streamId: string,
    events: readonly EncodedEvent[],
    expected: ExpectedVersion,
    error: unknown,
  ): Promise<AppendResult> {
    const key = duplicateKeyOf(error);
    // Rows written around append() (by hand, or by a restore) without moving the head.
    if (key === 'PRIMARY')
      throw new Error('The events_head row is behind the events table: appending would reuse positions');
    if (key === 'events_event_id') return this.retryOrRejection(streamId, events, expected, undefined);
    if (key === 'events_stream_version' || isPreviousVersionMissing(error))
      return this.retryOrRejection(streamId, events, expected, await this.streamVersion(streamId));
    throw error;
  }

  /** A batch stopped inside its transaction: undone on its own connection, or the connection is dropped. */
  private async rollBack(connection: PoolConnection, cause: unknown): Promise<void> {
    if (toUnavailableError(cause, 'append') !== undefined) {
      connection.destroy();
      return;
    }
    await connection.query(SQL.rollback).catch(() => connection.destroy());
  }

  /**
   * After a refused append: the retry of an append already stored answers its original result (an
   * event id is the idempotency key); anything else is a conflict.
   */
  private async retryOrRejection(
    streamId: string,
    events: readonly EncodedEvent[],
    expected: ExpectedVersion,
    current: number | undefined,
  ): Promise<AppendResult> {
    const ids = events.map(([eventId]) => eventId);
    const [rows] = await this.pool.query(SQL.findEvents, [ids]);
    const byId = new Map(
      (rows as (StoredEventRef & { event_id: string })[]).map((row) => [row.event_id, row]),
    );
    const stored = ids.map((id) => {
      const row = byId.get(id);
      return (
        row && {
          ...row,
          stream_version: Number(row.stream_version),
          global_position: Number(row.global_position),
        }
      );
    });
    const original = asOriginalAppend(streamId, stored);
    if (original) return original;
    const someStored = stored.some(Boolean);
    if (current === undefined)
      return throwRejection(streamId, expected, { kind: 'duplicate_event_id' }, someStored);
    return throwRejection(streamId, expected, { kind: 'wrong_version', current }, someStored);
  }

  private async appendNothing(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const version = await this.streamVersion(streamId);
    if (!matchesExpectedVersion(expected, version))
      return throwRejection(streamId, expected, { kind: 'wrong_version', current: version }, false);
    const [rows] = await this.pool.query(
      'SELECT COALESCE(MAX(global_position), 0) AS position FROM events WHERE stream_id = ?',
      [streamId],
    );
    return {
      nextExpectedVersion: version,
      lastPosition: Number((rows as { position: number }[])[0].position),
    };
  }

  private async readHead(): Promise<number> {
    const [rows] = await this.pool.query(SQL.head);
    return Number((rows as { head: number | string }[])[0].head);
  }

  private async streamVersion(streamId: string): Promise<number> {
    const [rows] = await this.pool.query(SQL.streamVersion, [streamId]);
    const version = Number((rows as { version: number | string }[])[0].version);
    return version < 0 ? NO_STREAM_VERSION : version;
  }

  private async rows(sql: string, values: unknown[]): Promise<EventRow[]> {
    await this.ensureSchema();
    const [rows] = await this.pool.query({ sql, values, rowsAsArray: true });
    return rows as unknown as EventRow[];
  }

  private toRecordedEvent(row: EventRow): RecordedEvent {
    return recordedEventOf(row, this.options.upcasters);
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      for (const statement of CREATE_TABLES) await this.pool.query(statement);
      if (!(await this.hasColumn(SQL.hasPreviousVersion)))
        for (const statement of UPGRADE_FROM_HEAD_ROW) await this.pool.query(statement);
      if (!(await this.hasColumn(SQL.hasChain)))
        for (const statement of UPGRADE_TO_CHAIN) await ignoringDuplicateColumn(this.pool.query(statement));
      await completeChain(this.pool);
      await addMysqlAuditColumns(this.pool);
    })().catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }

  private async hasColumn(sql: string): Promise<boolean> {
    const [rows] = await this.pool.query(sql);
    return Number((rows as { found: number | string }[])[0].found) > 0;
  }

  /** Server faults become EventStoreUnavailableError (503, retried by subscribers); the rest passes. */
  private async guard<T>(action: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new EventStoreUnavailableError('Event store is closed');
    try {
      return await work();
    } catch (error) {
      throw toUnavailableError(error, action) ?? error;
    }
  }
}

/** Another instance upgrading the same log at the same moment added the column first. */
async function ignoringDuplicateColumn(statement: Promise<unknown>): Promise<void> {
  try {
    await statement;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ER_DUP_FIELDNAME') throw error;
  }
}
