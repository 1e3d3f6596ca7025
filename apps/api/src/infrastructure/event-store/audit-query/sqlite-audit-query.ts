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
  auditBranches,
  auditStatement,
  chooseAccess,
  mergeBranchPages,
  pageWindow,
  timeBounds,
} from './audit-sql';

export type SqliteAuditQueryOptions = Readonly<{
  /** The store's connection (opened on first use); its file has the audit columns (see addSqliteAuditColumns). */
  database: () => DatabaseSync;
  upcasters?: Readonly<Record<string, Upcaster>>;
}>;

/** Statement texts differ only by which filters a search has: a few dozen shapes, prepared once each. */
const MAX_PREPARED = 128;

/** The audit search on the SQLite store's file, from its indexes (see audit-sql.ts). */
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
      const pages: EventRow[][] = [];
      for (const branch of auditBranches(criteria)) {
        const access = await chooseAccess('sqlite', branch, window, ({ sql, values }) => {
          const { found } = this.statement(sql, false).get(...(values as (string | number)[])) as {
            found: number;
          };
          return found;
        });
        const { sql, values } = auditStatement('sqlite', branch, criteria, window, page, access);
        pages.push(
          this.statement(sql, true).all(...(values as (string | number)[])) as unknown as EventRow[],
        );
      }
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
