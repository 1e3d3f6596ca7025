import { Logger } from '@nestjs/common';
import { ConcurrencyError, type RecordedEvent } from '@ib/domain';
import { type EventStore } from '../event-store/event-store.port';
import { LeaseLostError } from '../leases/fenced-writer';
import { foldBatch } from './fold-batch';
import { type HeldView, type ProjectionRunner } from './projection-runner';
import { ReadModelUnavailableError } from './read-model-unavailable.error';
import { requireAll, type ReadModelWriter, type WriteStatement } from './read-model-writes';
import { createShadowStatements, ddl, replayTablesOf } from './shadow-table';
import { type ComparedTable, compareTables, type KeyedRow, type TableComparison } from './table-comparison';
import { SqliteViewReader, type ViewReader } from './view-reader';
import { quote, type ViewTable } from './view-table';

/** One view replayed: whether its live rows are those the log gives, up to the position of those rows. */
export type ViewReplayOutcome = Readonly<{ view: string; position: number } & TableComparison>;

export type ViewReplayReport = Readonly<{
  /** The read model's position when its rows were taken: the highest of the views' positions. */
  position: number;
  startedAt: string;
  tookMs: number;
  /** Whether every view is equal. */
  equal: boolean;
  views: readonly ViewReplayOutcome[];
}>;

export type ViewReplayOptions = Readonly<{
  /** Events per read of the log, hence per write into the replayed tables. */
  batchSize?: number;
  /** Rows per read when the tables are compared. */
  pageSize?: number;
  now?: () => Date;
}>;

type Replayed = Readonly<{ view: HeldView; replayed: string; snapshot: string }>;

/**
 * The audit replay: rebuilds every view from the log into tables of its own and compares each with the
 * live view, changing nothing the API serves (it never swaps; a rebuild does that).
 *
 * The live rows move on while the log is replayed, so they are compared as they were at one moment:
 * between two live batches (ProjectionRunner.hold) every view's rows are copied, in one transaction,
 * into a snapshot table, and each view's position is noted. The projections wait only for that copy
 * (the database copies the rows itself). Then each view is replayed from position 0 up to exactly its
 * noted position, reading the log once for all views, and compared with its snapshot row by row; the
 * tables are dropped afterwards. A view is thus compared at the position of its own rows: a failed
 * view (stopped behind the others) is checked up to where it stopped, its lag shown by the projections'
 * status.
 *
 * Replays run where the projections run (only there can they be held) and one at a time: on several
 * instances the projections' lease makes that one per installation. Its writes go through the
 * projections' fenced writer, so an instance that lost the lease meanwhile writes nothing more.
 */
export class ViewReplay {
  private readonly logger = new Logger(ViewReplay.name);
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly now: () => Date;
  private running?: Promise<unknown>;
  private abort = new AbortController();

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly runner: ProjectionRunner,
    private readonly reader: ViewReader,
    private readonly writer: ReadModelWriter,
    options: ViewReplayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.pageSize = options.pageSize ?? 500;
    this.now = options.now ?? (() => new Date());
  }

  /** Replays every view and compares it with the live one; refused while another replay runs. */
  replay(): Promise<ViewReplayReport> {
    if (this.running !== undefined)
      return Promise.reject(
        new ConcurrencyError('AUDIT.REPLAY_RUNNING', 'A replay is running: wait for its report'),
      );
    const replay = this.run(this.abort.signal);
    this.running = replay.finally(() => (this.running = undefined)).catch(() => undefined);
    return replay;
  }

  /** Stops a running replay at its next step (at shutdown, before the database closes). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.abort = new AbortController();
  }

  private async run(signal: AbortSignal): Promise<ViewReplayReport> {
    const startedAt = this.now();
    // Every table made, as soon as it is asked for: on MySQL they exist even when the copy then fails.
    const tables: Replayed[] = [];
    try {
      await this.runner.hold((views) => this.takeSnapshots(views, tables));
      await this.replayLog(tables, signal);
      const views: ViewReplayOutcome[] = [];
      for (const { view, replayed, snapshot } of tables) {
        signal.throwIfAborted();
        const comparison = await compareTables(
          this.compared(view.table, snapshot),
          this.compared(view.table, replayed),
          { pageSize: this.pageSize },
        );
        views.push({ view: view.projection.name, position: view.position, ...comparison });
      }
      const position = Math.max(0, ...tables.map(({ view }) => view.position));
      const different = views.filter(({ equal }) => !equal).map(({ view }) => view);
      this.logger.log(
        different.length === 0
          ? `Replay up to position ${position}: every view is equal`
          : `Replay up to position ${position}: ${different.join(', ')} differ`,
      );
      return {
        position,
        startedAt: startedAt.toISOString(),
        tookMs: this.now().getTime() - startedAt.getTime(),
        equal: different.length === 0,
        views,
      };
    } catch (error) {
      throw this.explained(error, signal);
    } finally {
      await this.dropTables(tables);
    }
  }

  /** While the runner is held: empty tables for every view (into `made`), its live rows copied into its snapshot. */
  private async takeSnapshots(views: readonly HeldView[], made: Replayed[]): Promise<void> {
    const tables = views.map((view) => ({ view, ...replayTablesOf(view.table.table) }));
    made.push(...tables);
    const statements: WriteStatement[] = [];
    for (const { view, replayed, snapshot } of tables)
      statements.push(
        ...(await createShadowStatements(this.reader, view.table.table, replayed)),
        ...(await createShadowStatements(this.reader, view.table.table, snapshot)),
        ddl(`insert into ${quote(snapshot)} select * from ${quote(view.table.table)}`),
      );
    requireAll(await this.writer.write([{ name: 'replay snapshots', statements }]));
  }

  /**
   * Folds the log into every view's replayed table up to the view's position, reading each batch of
   * events once for all views (reading and decoding is the larger part of the work).
   */
  private async replayLog(tables: readonly Replayed[], signal: AbortSignal): Promise<void> {
    const until = Math.max(0, ...tables.map(({ view }) => view.position));
    const handling = new Map<string, Replayed[]>();
    for (const table of tables)
      for (const type of table.view.projection.handles) {
        const handlers = handling.get(type);
        if (handlers === undefined) handling.set(type, [table]);
        else handlers.push(table);
      }
    let position = 0;
    while (position < until) {
      signal.throwIfAborted();
      const events = await this.store.readAll({
        fromPosition: position,
        limit: this.batchSize,
        types: [...handling.keys()],
      });
      const due = events.filter(({ globalPosition }) => globalPosition <= until);
      const eventsOf = new Map<Replayed, RecordedEvent[]>();
      for (const event of due)
        for (const table of handling.get(event.type) ?? []) {
          if (event.globalPosition > table.view.position) continue;
          const viewEvents = eventsOf.get(table);
          if (viewEvents === undefined) eventsOf.set(table, [event]);
          else viewEvents.push(event);
        }
      const groups = [];
      for (const [{ view, replayed }, viewEvents] of eventsOf) {
        const { statements } = await foldBatch(view, this.reader, replayed, viewEvents);
        groups.push({ name: replayed, statements });
      }
      if (groups.length > 0) requireAll(await this.writer.write(groups));
      if (events.length < this.batchSize || due.length < events.length) return;
      position = events[events.length - 1].globalPosition;
    }
  }

  /** One of a view's tables as the comparison reads it: each row decoded as the view's document. */
  private compared(table: ViewTable, name: string): ComparedTable {
    const keyed = (rows: readonly Record<string, unknown>[]): KeyedRow[] =>
      rows.map((row) => ({ key: String(row[table.key.column]), value: decoded(table, row) }));
    return {
      page: async (after, limit) => keyed(await table.pageOf(this.reader, name, after, limit)),
      rowsOf: async (keys) => keyed(await table.rowsOf(this.reader, keys, name)),
    };
  }

  private async dropTables(tables: readonly Replayed[]): Promise<void> {
    if (tables.length === 0) return;
    const statements = tables.flatMap(({ replayed, snapshot }) => [
      ddl(`drop table if exists ${quote(replayed)}`),
      ddl(`drop table if exists ${quote(snapshot)}`),
    ]);
    try {
      requireAll(await this.writer.write([{ name: 'drop replay tables', statements }]));
    } catch (error) {
      // Left for the next replay, which drops them before it makes its own.
      this.logger.warn(
        `Replay tables not dropped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // Statements kept for the dropped tables are no use any more.
    if (this.reader instanceof SqliteViewReader) this.reader.forgetStatements();
  }

  /** What the caller is told when a replay cannot finish. */
  private explained(error: unknown, signal: AbortSignal): unknown {
    if (error instanceof LeaseLostError)
      return new ConcurrencyError(
        'PROJECTION.RUNS_ELSEWHERE',
        'Another instance took the projections over during the replay: replay there',
      );
    if (signal.aborted)
      return new ReadModelUnavailableError('The replay was stopped: this instance is shutting down');
    return error;
  }
}

/**
 * A stored row as its view document, as the views serve it; a row edited by hand into something that
 * is no document (JSON that does not parse) is compared as its raw column values.
 */
function decoded(table: ViewTable, row: Record<string, unknown>): Record<string, unknown> {
  try {
    return table.toDocument(row);
  } catch {
    return row;
  }
}
