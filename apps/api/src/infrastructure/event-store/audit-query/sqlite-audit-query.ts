import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { type RecordedEvent } from '@ib/domain';
import { type Upcaster } from '../event-store.port';
import { toUnavailableError } from '../sqlite-faults';
import { type EventRow, recordedEventOf } from '../stored-event';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditPage,
  type AuditPageRequest,
  type AuditQuery,
  matchesNothing,
  pagesOf,
} from './audit-query.port';
import {
  type AuditAccess,
  type AuditBranch,
  auditBranches,
  auditStatement,
  drivingIndexes,
  mergeBranchPages,
  pageWindow,
  type PositionWindow,
  probeStatement,
  timeBounds,
} from './audit-sql';

export type SqliteAuditQueryOptions = Readonly<{
  /** The store's connection (opened on first use); its file has the audit columns (see addSqliteAuditColumns). */
  database: () => DatabaseSync;
  upcasters?: Readonly<Record<string, Upcaster>>;
}>;

/** Statement texts differ only by which filters a search has: a few dozen shapes, prepared once each. */
const MAX_PREPARED = 128;
/** Index entries a probe counts at most: enough to tell a rare value from a common one, in well under a millisecond. */
const PROBE_CAP = 5_000;

/**
 * The audit search on the SQLite store's file, from its indexes (see audit-sql.ts). SQLite keeps no
 * statistics per value, so when a statement could be driven by several indexes, each is probed for
 * how many entries its value has in the page's window, and the rarest drives it.
 */
export class SqliteAuditQuery implements AuditQuery {
  private readonly prepared = new Map<string, StatementSync>();
  private preparedFor?: DatabaseSync;

  constructor(private readonly options: SqliteAuditQueryOptions) {}

  async search(criteria: AuditCriteria, page: AuditPageRequest): Promise<AuditPage> {
    if (matchesNothing(criteria)) return { events: [] };
    try {
      const bounds = await timeBounds(criteria, (sql, time) => {
        const row = this.statement(sql, false).get(time) as { global_position: number } | undefined;
        return row?.global_position;
      });
      const window = pageWindow(bounds, page);
      if (window === undefined) return { events: [] };
      const pages = auditBranches(criteria).map((branch) => {
        const { sql, values } = auditStatement(
          'sqlite',
          branch,
          criteria,
          window,
          page,
          this.access(branch, window),
        );
        return this.statement(sql, true).all(...(values as (string | number)[])) as unknown as EventRow[];
      });
      const { rows, next } = mergeBranchPages(pages, page);
      const events = rows.map((row): RecordedEvent => recordedEventOf(row, this.options.upcasters));
      return next === undefined ? { events } : { events, next };
    } catch (error) {
      throw toUnavailableError(error, 'search the audit log') ?? error;
    }
  }

  pages(criteria: AuditCriteria, order: AuditOrder, pageSize: number): AsyncIterable<RecordedEvent[]> {
    return pagesOf(this, criteria, order, pageSize);
  }

  /**
   * A stream's own key is the best access to it (SQLite picks it); lists left unsplit are planned by
   * SQLite too. Otherwise: the index of the rarest equality, or the position alone when there is none.
   */
  private access(branch: AuditBranch, window: PositionWindow): AuditAccess {
    if (branch.equals.some(([column]) => column === 'stream_id')) return { kind: 'planned' };
    const candidates = drivingIndexes(branch);
    if (candidates.length === 0)
      return branch.anyOf.length > 0 || branch.scope !== undefined
        ? { kind: 'planned' }
        : { kind: 'position' };
    let best = candidates[0];
    if (candidates.length > 1) {
      let fewest = Number.POSITIVE_INFINITY;
      for (const index of candidates) {
        const { sql, values } = probeStatement(index, branch, window, PROBE_CAP);
        const { found } = this.statement(sql, false).get(...(values as (string | number)[])) as {
          found: number;
        };
        if (found < fewest) [best, fewest] = [index, found];
      }
    }
    return { kind: 'index', index: best };
  }

  private statement(sql: string, asArrays: boolean): StatementSync {
    const db = this.options.database();
    // A store closed and opened again has a new connection: statements of the old one are void.
    if (this.preparedFor !== db) {
      this.prepared.clear();
      this.preparedFor = db;
    }
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      statement = db.prepare(sql);
      statement.setReturnArrays(asArrays);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}
