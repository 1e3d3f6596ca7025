import { Logger } from '@nestjs/common';
import { ConcurrencyError, type RecordedEvent } from '@ib/domain';
import { type EntitySchema, type MikroORM } from '@mikro-orm/libsql';
import { type EventStore, type Subscription } from '../event-store/event-store.port';
import { type Projection } from './projection';
import { foldBatch } from './fold-batch';
import { ReadModelUnavailableError } from './read-model-unavailable.error';
import { inlineWriterFor } from './read-model-writer';
import { createShadowStatements, ddl, shadowOf, swapInStatements } from './shadow-table';
import {
  checkpointUpsert,
  type ReadModelWriter,
  requireAll,
  type WriteGroup,
  type WriteStatement,
} from './read-model-writes';
import { type ReadModelDialect, SqliteViewReader, type ViewReader } from './view-reader';
import { type NativeDatabase, quote, ViewTable } from './view-table';

type ReadModelOrm = MikroORM;

type Document = Record<string, unknown>;

export type ProjectionStatus = Readonly<{
  name: string;
  position: number;
  head: number;
  lag: number;
  rebuilding: boolean;
  failed?: string;
}>;

/** A view of the log: its projection and the read-model table its documents are stored in. */
export type ProjectedView = Readonly<{ projection: Projection; entity: EntitySchema }>;

/** A view while the runner is held (see hold): its projection, its table, and the position of its rows. */
export type HeldView = Readonly<{ projection: Projection<Document>; table: ViewTable; position: number }>;

export type ProjectionRunnerOptions = Readonly<{
  /** The views to keep: each projection with the table its documents are stored in. */
  views: readonly ProjectedView[];
  /**
   * Most events per batch, hence per transaction. Live batches hold what was appended since the last
   * one; only a catch-up or a rebuild fills them, and there fewer, larger transactions write each
   * document fewer times.
   */
  batchSize?: number;
  /** Wait before resubscribing after a batch could not be committed. */
  retryDelayMs?: number;
  /** How often the checkpoint of a view that had nothing to apply is written (0: with every batch). */
  idleCheckpointIntervalMs?: number;
  now?: () => Date;
  /**
   * Where every write goes (see ReadModelWriter): the read model's one writer. Absent, the runner
   * writes on the ORM's own connection.
   */
  writer?: ReadModelWriter;
  /**
   * Where documents are loaded from before a batch folds them, in the database's dialect. Absent, the
   * ORM's own SQLite connection.
   */
  reader?: ViewReader;
}>;

type View = {
  readonly projection: Projection<Document>;
  readonly handles: ReadonlySet<string>;
  readonly table: ViewTable;
  /** The committed checkpoint: every event up to here is in the rows, none after it. */
  position: number;
  /** Set when this view's part of a batch failed: it stops alone until rebuilt or restarted. */
  failure?: Error;
  rebuilding: boolean;
};

type Waiter = Readonly<{ position: number; settle: (caughtUp: boolean) => void }>;

/** What a batch does to one view: the documents it leaves (undefined: deleted) and their statements. */
type BatchPart = Readonly<{ view: View; group: WriteGroup; documents?: Map<string, Document | undefined> }>;

/**
 * Large enough that a catch-up writes a document few times, small enough that the writer thread
 * commits one batch while the next is folded (measured: 5,000 beat 10,000 and 2,000 on a catch-up).
 */
export const DEFAULT_PROJECTION_BATCH_SIZE = 5_000;

/** How often a follower (an instance that does not run the projections) reads the checkpoints while someone waits. */
const FOLLOW_POLL_MS = 20;

/**
 * Feeds the projections from the event store and keeps their views and checkpoints in the read model.
 *
 * One subscription reads the log once for every view, from the lowest checkpoint; each view skips the
 * events at or below its own checkpoint (reading and decoding events is the larger part of the work,
 * so it is not repeated per view). A batch (up to `batchSize` events) is applied in memory to the
 * documents it touches, loaded with one query, and each changed document is written once; every view's
 * rows and checkpoint are committed in the batch's one transaction (a savepoint per view), so a crash
 * replays from the checkpoint and never applies an event twice. A view whose part fails is rolled back
 * alone, logged, and left at its checkpoint while the others go on; rebuild() (or a restart) resumes
 * it. A batch that cannot be committed at all, or whose documents cannot be loaded because the read
 * model's server cannot serve, is retried from the stored checkpoints after `retryDelayMs` (stored: a
 * commit whose answer was lost may have been made).
 *
 * rebuild() builds a fresh copy of a view from position 0 (reading only the event types it handles) into
 * a shadow table while the live rows keep serving and advancing, then puts it in their place in one
 * transaction taken between two live batches: readers see the old rows until that commit and the
 * rebuilt ones after it, never a half-built view.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly views: View[];
  /** The views that handle each event type, so a batch is sorted out in one pass. */
  private readonly viewsByType = new Map<string, View[]>();
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly idleCheckpointIntervalMs: number;
  private readonly now: () => Date;
  private readonly waiters = new Set<Waiter>();
  private readonly rebuilds = new Set<Promise<unknown>>();
  private running = false;
  /** Another instance runs the projections: positions are read from the shared checkpoints. */
  private following = false;
  private followTimer?: NodeJS.Timeout;
  private subscription?: Subscription;
  private retryTimer?: NodeJS.Timeout;
  /** Position of the last batch the subscription delivered. */
  private streamPosition = 0;
  /** Batches and swaps run one after the other, never interleaved. */
  private tail: Promise<unknown> = Promise.resolve();
  private abortRebuilds = new AbortController();
  private resolvedReader?: ViewReader;
  private readonly givenReader?: ViewReader;
  private idleFlushedAt = 0;
  private resolvedWriter?: ReadModelWriter;
  /**
   * The last batch sent to the writer, settled once it is committed (positions moved, waiters told);
   * the next batch is folded meanwhile and sent only after it.
   */
  private inFlight: Promise<void> = Promise.resolve();
  /** The documents of the batch in flight, by view: what the next batch must start from, as not yet committed. */
  private unwritten = new Map<View, Map<string, Document | undefined>>();

  private readonly givenWriter?: ReadModelWriter;

  constructor(
    private readonly store: EventStore,
    private readonly orm: ReadModelOrm,
    options: ProjectionRunnerOptions,
  ) {
    this.givenWriter = options.writer;
    this.givenReader = options.reader;
    this.batchSize = options.batchSize ?? DEFAULT_PROJECTION_BATCH_SIZE;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.idleCheckpointIntervalMs = options.idleCheckpointIntervalMs ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.views = options.views.map(({ projection, entity }) => {
      return {
        projection: projection as Projection<Document>,
        handles: new Set(projection.handles),
        table: ViewTable.of(orm, entity),
        position: 0,
        rebuilding: false,
      };
    });
    for (const view of this.views) {
      for (const type of view.handles) {
        const views = this.viewsByType.get(type) ?? [];
        this.viewsByType.set(type, [...views, view]);
      }
    }
  }

  /** Loads the checkpoints and subscribes; catching up goes on in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.following = false;
    const stored = await this.loadCheckpoints();
    this.inFlight = Promise.resolve();
    const leftovers: WriteStatement[] = [];
    for (const view of this.views) {
      view.position = stored.get(view.projection.name) ?? 0;
      view.failure = undefined;
      // A rebuild cut short by a crash leaves its shadow behind; it is never resumed.
      if (!view.rebuilding) leftovers.push(ddl(`drop table if exists ${quote(shadowOf(view.table.table))}`));
    }
    requireAll(
      await (await this.writer()).write([{ name: 'drop rebuild leftovers', statements: leftovers }]),
    );
    if (this.running) this.subscribe();
  }

  /** Stops delivery once the batch in flight is committed; running rebuilds give up at their next batch. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    this.abortRebuilds.abort();
    await subscription?.stop();
    await this.tail;
    await this.inFlight.catch(() => undefined);
    // Refused when the lease is gone: the next holder resumes from the last committed checkpoints.
    await this.persistCheckpoints().catch((error: unknown) =>
      this.logger.warn(
        `Checkpoints not stored at stop: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    await Promise.allSettled(this.rebuilds);
    this.abortRebuilds = new AbortController();
    for (const waiter of this.waiters) waiter.settle(false);
  }

  /**
   * While another instance runs the projections (it holds their lease): positions are those it
   * committed, read from the checkpoints whenever someone waits for them or asks.
   */
  follow(): void {
    if (this.running) return;
    this.following = true;
    if (this.waiters.size > 0) this.pollCheckpoints();
  }

  /** Stops following (at shutdown). */
  unfollow(): void {
    this.following = false;
    clearTimeout(this.followTimer);
    this.followTimer = undefined;
  }

  /** Whether this instance runs the projections (rather than follows another's, or is stopped). */
  get isRunning(): boolean {
    return this.running;
  }

  async status(): Promise<ProjectionStatus[]> {
    if (this.following) await this.readCommittedPositions();
    const head = await this.store.headPosition();
    return this.views.map(({ projection, position, rebuilding, failure }) => ({
      name: projection.name,
      position,
      head,
      lag: Math.max(0, head - position),
      rebuilding,
      ...(failure ? { failed: failure.message } : {}),
    }));
  }

  /**
   * Resolves true once every projection has committed up to `position`, false after `timeoutMs`.
   * A failed projection is not waited for: it would only turn every answer into a timeout.
   */
  waitFor(position: number, timeoutMs: number = 5000): Promise<boolean> {
    if (this.caughtUp(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.settle(false), timeoutMs);
      timer.unref();
      const waiter: Waiter = {
        position,
        settle: (caughtUp) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(caughtUp);
        },
      };
      this.waiters.add(waiter);
      if (this.following) this.pollCheckpoints();
    });
  }

  /**
   * Runs `task` between two live batches, once the batch in flight is committed: every view's rows are
   * then exactly those of its position, and stay so until `task` settles (the next batch waits for it,
   * so a task should be brief, such as copying the rows). Refused where another instance runs the
   * projections, and while a batch whose commit went unanswered is retried (the positions are unsure).
   */
  hold<T>(task: (views: readonly HeldView[]) => Promise<T>): Promise<T> {
    if (!this.running)
      return Promise.reject(
        new ConcurrencyError('PROJECTION.RUNS_ELSEWHERE', 'Another instance runs the projections: ask there'),
      );
    return this.exclusive(async () => {
      const committed = await this.inFlight.then(
        () => true,
        () => false,
      );
      if (!committed)
        throw new ReadModelUnavailableError('The projections are retrying a batch: try again shortly');
      return task(this.views.map(({ projection, table, position }) => ({ projection, table, position })));
    });
  }

  /** Rebuilds one view from position 0 while the API keeps serving its current rows (see above). */
  rebuild(name: string): Promise<void> {
    const view = this.views.find(({ projection }) => projection.name === name);
    if (view === undefined) return Promise.reject(new Error(`Unknown projection ${name}`));
    if (view.rebuilding) return Promise.reject(new Error(`Projection ${name} is already being rebuilt`));
    if (this.following)
      return Promise.reject(
        new ConcurrencyError(
          'PROJECTION.RUNS_ELSEWHERE',
          'Another instance runs the projections: rebuild there',
        ),
      );
    view.rebuilding = true;
    const rebuild = this.rebuildView(view, this.abortRebuilds.signal).finally(() => {
      view.rebuilding = false;
      this.rebuilds.delete(rebuild);
    });
    this.rebuilds.add(rebuild);
    return rebuild;
  }

  private subscribe(): void {
    const healthy = this.views.filter(({ failure }) => failure === undefined);
    const fromPosition = Math.min(...healthy.map(({ position }) => position));
    if (!Number.isFinite(fromPosition)) return;
    this.streamPosition = fromPosition;
    this.unwritten = new Map();
    const subscription = this.store.subscribe({ fromPosition, batchSize: this.batchSize }, (batch) =>
      this.exclusive(() => this.applyBatch(batch)),
    );
    this.subscription = subscription;
    void subscription.failed.then((error) => {
      if (this.subscription !== subscription) return;
      this.subscription = undefined;
      this.retryLater(error);
    });
  }

  private retryLater(error: Error): void {
    this.logger.error(`Projection batch failed, retrying in ${this.retryDelayMs} ms: ${error.message}`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retry();
    }, this.retryDelayMs);
  }

  /**
   * Resubscribes from the committed checkpoints, not from the positions in memory: a write whose commit
   * went unanswered (its connection lost meanwhile) may have been committed all the same, and its events
   * must not be applied twice. Between batches and swaps; retried later while they cannot be read.
   */
  private async retry(): Promise<void> {
    try {
      await this.exclusive(async () => {
        await this.inFlight.catch(() => undefined);
        const stored = await this.loadCheckpoints();
        for (const view of this.views)
          if (view.failure === undefined) view.position = stored.get(view.projection.name) ?? 0;
      });
      // The unanswered commit may be where someone waits for: nothing is left to deliver up to there.
      this.settleWaiters();
    } catch (error) {
      if (this.running && this.subscription === undefined && this.retryTimer === undefined)
        this.retryLater(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    await this.resubscribe();
  }

  /** Once the batch in flight is settled: a subscription from positions it is about to move would apply it twice. */
  private async resubscribe(): Promise<void> {
    await this.inFlight.catch(() => undefined);
    this.inFlight = Promise.resolve();
    if (this.running && this.subscription === undefined && this.retryTimer === undefined) this.subscribe();
  }

  /** A batch the writer could not commit: its events are delivered again, from the checkpoints. */
  private writeFailed(error: Error): void {
    const subscription = this.subscription;
    if (subscription === undefined) return;
    this.subscription = undefined;
    void subscription.stop().finally(() => this.retryLater(error));
  }

  /**
   * Folds the batch into the documents it touches, view by view, while the writer still commits the
   * batch before (its documents count as written), then sends it once that one is committed. A view
   * whose fold throws stops alone; so does one whose writes fail.
   */
  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch.at(-1)?.globalPosition;
    if (last === undefined) return;
    const due = this.views.filter(({ failure, position }) => failure === undefined && position < last);
    const eventsOf = this.eventsByView(batch, due);
    // A view with nothing to apply only moves its checkpoint; persisting that now and then is enough,
    // since replaying events a view does not handle changes nothing.
    const flushIdle = this.now().getTime() - this.idleFlushedAt >= this.idleCheckpointIntervalMs;
    const updatedAt = this.now().toISOString();
    const reader = await this.reader();
    const parts: BatchPart[] = [];
    const idle: View[] = [];
    for (const view of due) {
      const checkpoint = checkpointStatement(reader.dialect, [view], last, updatedAt);
      const events = eventsOf.get(view);
      if (events === undefined) {
        if (flushIdle)
          parts.push({ view, group: { name: view.projection.name, statements: [], closing: [checkpoint] } });
        else idle.push(view);
        continue;
      }
      try {
        const unwritten = this.unwritten.get(view);
        const { documents, statements } = await foldBatch(view, reader, view.table.table, events, unwritten);
        parts.push({
          view,
          group: { name: view.projection.name, statements, closing: [checkpoint] },
          documents,
        });
      } catch (error) {
        // The read model's server cannot be read now: no fault of the view's, the batch is retried.
        if (error instanceof ReadModelUnavailableError) throw error;
        this.stopView(view, error);
      }
    }
    await this.inFlight;
    const sent = parts.filter(({ view }) => view.failure === undefined);
    this.unwritten = new Map(sent.flatMap(({ view, documents }) => (documents ? [[view, documents]] : [])));
    const written =
      sent.length === 0
        ? Promise.resolve({ failed: [] })
        : (await this.writer()).write(sent.map(({ group }) => group));
    const moving = [...sent.map(({ view }) => view), ...idle];
    this.inFlight = written.then(
      (outcome) => {
        for (const { name, message } of outcome.failed) {
          const view = moving.find(({ projection }) => projection.name === name);
          if (view !== undefined) this.stopView(view, new Error(message));
        }
        for (const view of moving) if (view.failure === undefined) view.position = last;
        this.unwritten = new Map();
        this.settleWaiters();
      },
      (error: unknown) => {
        this.unwritten = new Map();
        throw error instanceof Error ? error : new Error(String(error));
      },
    );
    this.inFlight.catch((error: Error) => this.writeFailed(error));
    if (flushIdle) this.idleFlushedAt = this.now().getTime();
    this.streamPosition = last;
  }

  private stopView(view: View, error: unknown): void {
    view.failure = error instanceof Error ? error : new Error(String(error));
    this.logger.error(
      `Projection ${view.projection.name} stopped at position ${view.position}: ${view.failure.message}`,
    );
  }

  /** Each due view's events of the batch: those it handles, after its checkpoint. */
  private eventsByView(batch: readonly RecordedEvent[], due: readonly View[]): Map<View, RecordedEvent[]> {
    const isDue = new Set(due);
    const eventsOf = new Map<View, RecordedEvent[]>();
    for (const event of batch) {
      for (const view of this.viewsByType.get(event.type) ?? []) {
        if (!isDue.has(view) || event.globalPosition <= view.position) continue;
        const events = eventsOf.get(view);
        if (events === undefined) eventsOf.set(view, [event]);
        else events.push(event);
      }
    }
    return eventsOf;
  }

  private async rebuildView(view: View, signal: AbortSignal): Promise<void> {
    const shadow = shadowOf(view.table.table);
    // Only the events this view handles are read (SQLite skips the others) and decoded.
    const readHandled = (fromPosition: number) =>
      this.store.readAll({ fromPosition, limit: this.batchSize, types: view.projection.handles });
    const reader = await this.reader();
    const writer = await this.writer();
    const intoShadow = async (events: readonly RecordedEvent[]): Promise<WriteStatement[]> =>
      events.length === 0 ? [] : (await foldBatch(view, reader, shadow, events)).statements;
    requireAll(
      await writer.write([
        { name: `create ${shadow}`, statements: await createShadowStatements(reader, view.table.table) },
      ]),
    );
    try {
      // 1. Replay the whole log into the shadow table, while the live rows keep serving and advancing.
      let position = 0;
      for (;;) {
        signal.throwIfAborted();
        const events = await readHandled(position);
        if (events.length === 0) break;
        requireAll(await writer.write([{ name: shadow, statements: await intoShadow(events) }]));
        position = events[events.length - 1].globalPosition;
        if (events.length < this.batchSize) break;
      }
      // 2. Between two live batches: the last few events, then the swap and the checkpoint, at once.
      await this.exclusive(async () => {
        await this.inFlight.catch(() => undefined);
        signal.throwIfAborted();
        const target = Math.max(position, view.position, this.streamPosition);
        const tail: RecordedEvent[] = [];
        while (position < target) {
          const events = await readHandled(position);
          if (events.length === 0) break;
          tail.push(...events.filter(({ globalPosition }) => globalPosition <= target));
          position = events[events.length - 1].globalPosition;
        }
        const { swap, afterwards } = await swapInStatements(reader, view.table.table);
        const statements = [
          ...(await intoShadow(tail)),
          ...swap,
          checkpointStatement(reader.dialect, [view], target, this.now().toISOString()),
        ];
        requireAll(await writer.write([{ name: `swap in ${shadow}`, statements }]));
        forgetStatements(reader);
        if (afterwards.length > 0)
          requireAll(await writer.write([{ name: `drop ${shadow}`, statements: afterwards }]));
        view.position = target;
        view.failure = undefined;
      });
      this.logger.log(`Projection ${view.projection.name} rebuilt up to position ${view.position}`);
      this.settleWaiters();
      // Every view may have failed before: the subscription then stopped for want of a reader.
      if (this.running && this.subscription === undefined && this.retryTimer === undefined)
        await this.resubscribe();
    } catch (error) {
      forgetStatements(reader);
      await writer
        .write([{ name: `drop ${shadow}`, statements: [ddl(`drop table if exists ${quote(shadow)}`)] }])
        .catch(() => undefined);
      throw error;
    }
  }

  /** While followers wait: the shared checkpoints, read every FOLLOW_POLL_MS until no one waits. */
  private pollCheckpoints(): void {
    if (this.followTimer !== undefined) return;
    const poll = async () => {
      this.followTimer = undefined;
      if (!this.following || this.waiters.size === 0) return;
      await this.readCommittedPositions().catch((error: unknown) =>
        this.logger.warn(`Checkpoints not read: ${error instanceof Error ? error.message : String(error)}`),
      );
      this.settleWaiters();
      if (this.following && this.waiters.size > 0 && this.followTimer === undefined)
        this.followTimer = setTimeout(() => void poll(), FOLLOW_POLL_MS);
    };
    this.followTimer = setTimeout(() => void poll(), 0);
  }

  private async readCommittedPositions(): Promise<void> {
    const stored = await this.loadCheckpoints();
    for (const view of this.views)
      view.position = Math.max(view.position, stored.get(view.projection.name) ?? 0);
  }

  private async loadCheckpoints(): Promise<Map<string, number>> {
    const rows = await this.orm.em
      .fork()
      .execute<{ name: string; position: number }[]>(
        'select `name`, `position` from `projection_checkpoints`',
      );
    return new Map(rows.map(({ name, position }) => [name, Number(position)]));
  }

  /** Writes every healthy view's in-memory checkpoint, so a restart starts where this run stopped. */
  private async persistCheckpoints(): Promise<void> {
    const healthy = this.views.filter(({ failure, rebuilding }) => failure === undefined && !rebuilding);
    if (healthy.length === 0) return;
    const updatedAt = this.now().toISOString();
    const { dialect } = await this.reader();
    const statements = healthy.map((view) => checkpointStatement(dialect, [view], view.position, updatedAt));
    requireAll(await (await this.writer()).write([{ name: 'checkpoints', statements }]));
  }

  /** The driver's connection to the read-model file, for reads: one, never recycled for a local file. */
  /** Where documents are loaded from: the given reader, else the ORM's own SQLite connection. */
  private async reader(): Promise<ViewReader> {
    this.resolvedReader ??=
      this.givenReader ??
      new SqliteViewReader((await this.orm.em.getConnection().getNativeClient()) as NativeDatabase);
    return this.resolvedReader;
  }

  private async writer(): Promise<ReadModelWriter> {
    this.resolvedWriter ??= this.givenWriter ?? (await inlineWriterFor(this.orm));
    return this.resolvedWriter;
  }

  private caughtUp(position: number): boolean {
    return this.views.every((view) => view.failure !== undefined || view.position >= position);
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) if (this.caughtUp(waiter.position)) waiter.settle(true);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The checkpoint rows of `views`, all at `position`. */
function checkpointStatement(
  dialect: ReadModelDialect,
  views: readonly View[],
  position: number,
  updatedAt: string,
): WriteStatement {
  return {
    sql: checkpointUpsert(dialect),
    rows: views.map(({ projection }) => [projection.name, position, updatedAt]),
  };
}

/** After a swap replaced a table, statements a SQLite reader kept for it are prepared again. */
function forgetStatements(reader: ViewReader): void {
  if (reader instanceof SqliteViewReader) reader.forgetStatements();
}
