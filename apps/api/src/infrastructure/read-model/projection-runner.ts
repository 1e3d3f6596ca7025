import { Logger } from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import { type EntitySchema, type MikroORM } from '@mikro-orm/libsql';
import { type EventStore, type Subscription } from '../event-store/event-store.port';
import { type Projection } from './projection';
import { inNativeTransaction } from './native-transaction';
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

export const DEFAULT_PROJECTION_BATCH_SIZE = 10_000;

const CHECKPOINT_UPSERT =
  'insert into `projection_checkpoints` (`name`, `position`, `updated_at`) values (?, ?, ?) ' +
  'on conflict (`name`) do update set `position` = excluded.`position`, `updated_at` = excluded.`updated_at`';

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
 * it. A batch that cannot be committed at all is retried from the checkpoints after `retryDelayMs`.
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
  private subscription?: Subscription;
  private retryTimer?: NodeJS.Timeout;
  /** Position of the last batch the subscription delivered. */
  private streamPosition = 0;
  /** Batches and swaps run one after the other, never interleaved. */
  private tail: Promise<unknown> = Promise.resolve();
  private abortRebuilds = new AbortController();
  private db?: NativeDatabase;
  private checkpointStatement?: Readonly<{
    db: NativeDatabase;
    statement: ReturnType<NativeDatabase['prepare']>;
  }>;
  private idleFlushedAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly orm: ReadModelOrm,
    options: ProjectionRunnerOptions,
  ) {
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
    const stored = await this.loadCheckpoints();
    const em = this.orm.em.fork();
    for (const view of this.views) {
      view.position = stored.get(view.projection.name) ?? 0;
      view.failure = undefined;
      // A rebuild cut short by a crash leaves its shadow behind; it is never resumed.
      if (!view.rebuilding) await em.execute(`drop table if exists ${quote(this.shadowOf(view))}`);
    }
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
    await this.persistCheckpoints();
    await Promise.allSettled(this.rebuilds);
    this.abortRebuilds = new AbortController();
    for (const waiter of this.waiters) waiter.settle(false);
  }

  async status(): Promise<ProjectionStatus[]> {
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
    });
  }

  /** Rebuilds one view from position 0 while the API keeps serving its current rows (see above). */
  rebuild(name: string): Promise<void> {
    const view = this.views.find(({ projection }) => projection.name === name);
    if (view === undefined) return Promise.reject(new Error(`Unknown projection ${name}`));
    if (view.rebuilding) return Promise.reject(new Error(`Projection ${name} is already being rebuilt`));
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
    const subscription = this.store.subscribe({ fromPosition, batchSize: this.batchSize }, (batch) =>
      this.exclusive(() => this.applyBatch(batch)),
    );
    this.subscription = subscription;
    void subscription.failed.then((error) => {
      if (this.subscription !== subscription) return;
      this.subscription = undefined;
      this.logger.error(`Projection batch failed, retrying in ${this.retryDelayMs} ms: ${error.message}`);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.running && this.subscription === undefined) this.subscribe();
      }, this.retryDelayMs);
    });
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch.at(-1)?.globalPosition;
    if (last === undefined) return;
    const due = this.views.filter(({ failure, position }) => failure === undefined && position < last);
    const eventsOf = this.eventsByView(batch, due);
    const busy = due.flatMap((view) => {
      const events = eventsOf.get(view);
      return events === undefined ? [] : [{ view, events }];
    });
    // A view with nothing to apply only moves its checkpoint; persisting that now and then is enough,
    // since replaying events a view does not handle changes nothing.
    const flushIdle = this.now().getTime() - this.idleFlushedAt >= this.idleCheckpointIntervalMs;
    const committed: View[] = due.filter((view) => !eventsOf.has(view));
    if (busy.length > 0 || (flushIdle && committed.length > 0)) {
      const db = await this.database();
      const saved: View[] = flushIdle ? [...committed] : [];
      await this.inTransaction(() => {
        for (const { view, events } of busy) {
          db.exec('savepoint view_batch');
          try {
            this.project(db, view, view.table.table, events);
            db.exec('release view_batch');
            committed.push(view);
            saved.push(view);
          } catch (error) {
            db.exec('rollback to view_batch');
            db.exec('release view_batch');
            view.failure = error instanceof Error ? error : new Error(String(error));
            this.logger.error(
              `Projection ${view.projection.name} stopped at position ${view.position}: ${view.failure.message}`,
            );
          }
        }
        this.saveCheckpoints(db, saved, last);
      });
      if (flushIdle) this.idleFlushedAt = this.now().getTime();
    }
    this.streamPosition = last;
    for (const view of committed) view.position = last;
    this.settleWaiters();
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

  /** Applies `events` to the documents they touch in `table`: loaded once, written once each. */
  private project(db: NativeDatabase, view: View, table: string, events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    const { projection } = view;
    const statements = view.table.on(db, table);
    const stored = new Map<string, Document>();
    for (const row of statements.load([...new Set(events.map((event) => projection.idOf(event)))])) {
      const document = view.table.toDocument(row);
      stored.set(view.table.idOf(document), document);
    }
    const current = new Map<string, Document | undefined>(stored);
    for (const event of events) {
      const id = projection.idOf(event);
      current.set(id, projection.evolve(current.get(id), event));
    }
    const deletes: string[] = [];
    for (const [id, document] of current) {
      if (document === stored.get(id)) continue;
      if (document !== undefined) statements.upsert(document);
      else if (stored.has(id)) deletes.push(id);
    }
    if (deletes.length > 0) statements.remove(deletes);
  }

  private async rebuildView(view: View, signal: AbortSignal): Promise<void> {
    const shadow = this.shadowOf(view);
    // Only the events this view handles are read (SQLite skips the others) and decoded.
    const readHandled = (fromPosition: number) =>
      this.store.readAll({ fromPosition, limit: this.batchSize, types: view.projection.handles });
    const db = await this.database();
    await this.createShadow(view.table.table, shadow);
    try {
      // 1. Replay the whole log into the shadow table, while the live rows keep serving and advancing.
      let position = 0;
      for (;;) {
        signal.throwIfAborted();
        const events = await readHandled(position);
        if (events.length === 0) break;
        await this.inTransaction(() => this.project(db, view, shadow, events));
        position = events[events.length - 1].globalPosition;
        if (events.length < this.batchSize) break;
      }
      // 2. Between two live batches: the last few events, then the swap and the checkpoint, at once.
      await this.exclusive(async () => {
        signal.throwIfAborted();
        const target = Math.max(position, view.position, this.streamPosition);
        const tail: RecordedEvent[] = [];
        while (position < target) {
          const events = await readHandled(position);
          if (events.length === 0) break;
          tail.push(...events.filter(({ globalPosition }) => globalPosition <= target));
          position = events[events.length - 1].globalPosition;
        }
        await this.inTransaction(() => {
          this.project(db, view, shadow, tail);
          this.swapIn(db, view, shadow);
          this.saveCheckpoints(db, [view], target);
        });
        view.position = target;
        view.failure = undefined;
      });
      this.logger.log(`Projection ${view.projection.name} rebuilt up to position ${view.position}`);
      this.settleWaiters();
      // Every view may have failed before: the subscription then stopped for want of a reader.
      if (this.running && this.subscription === undefined && this.retryTimer === undefined) this.subscribe();
    } catch (error) {
      view.table.forget(db, shadow);
      await this.orm.em
        .fork()
        .execute(`drop table if exists ${quote(shadow)}`)
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * Puts the shadow in the live table's place, within the caller's transaction: the live table is
   * dropped and the shadow renamed, then the live table's indexes (and triggers) are created again
   * over the rebuilt rows, each sorted once, rather than every row being copied through them.
   */
  private swapIn(db: NativeDatabase, view: View, shadow: string): void {
    const live = view.table.table;
    const attached = db
      .prepare(
        "select sql from sqlite_master where tbl_name = ? and type in ('index', 'trigger') and sql is not null",
      )
      .all([live]) as { sql: string }[];
    view.table.forget(db, shadow);
    view.table.forget(db, live);
    db.exec(`drop table ${quote(live)}`);
    db.exec(`alter table ${quote(shadow)} rename to ${quote(live)}`);
    for (const { sql } of attached) db.exec(sql);
  }

  /** An empty copy of the live table (same columns and primary key, from its own DDL); indexes come at the swap. */
  private async createShadow(live: string, shadow: string): Promise<void> {
    const em = this.orm.em.fork();
    const [table] = await em.execute<{ sql: string }[]>(
      "select sql from sqlite_master where type = 'table' and name = ?",
      [live],
    );
    if (table === undefined) throw new Error(`Read-model table ${live} does not exist`);
    const ddl = table.sql.replace(
      /^(\s*create\s+table\s+)(`[^`]+`|"[^"]+"|\[[^\]]+\]|\w+)/i,
      `$1${quote(shadow)}`,
    );
    await em.execute(`drop table if exists ${quote(shadow)}`, [], 'run');
    await em.execute(ddl, [], 'run');
  }

  private shadowOf(view: View): string {
    return `${view.table.table}__rebuild`;
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
    const db = await this.database();
    for (const position of new Set(healthy.map((view) => view.position)))
      await this.inTransaction(() =>
        this.saveCheckpoints(
          db,
          healthy.filter((view) => view.position === position),
          position,
        ),
      );
  }

  private saveCheckpoints(db: NativeDatabase, views: readonly View[], position: number): void {
    const updatedAt = this.now().toISOString();
    const upsert = this.checkpointUpsert(db);
    for (const { projection } of views) upsert.run([projection.name, position, updatedAt]);
  }

  private async inTransaction(work: () => void): Promise<void> {
    await inNativeTransaction(this.orm, await this.database(), work);
  }

  /** The driver's connection to the read-model file: one, never recycled for a local file. */
  private async database(): Promise<NativeDatabase> {
    this.db ??= await this.orm.em.getConnection().getNativeClient();
    return this.db;
  }

  private checkpointUpsert(db: NativeDatabase) {
    if (this.checkpointStatement?.db !== db)
      this.checkpointStatement = { db, statement: db.prepare(CHECKPOINT_UPSERT) };
    return this.checkpointStatement.statement;
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
