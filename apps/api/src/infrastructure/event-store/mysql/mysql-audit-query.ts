import { type RecordedEvent } from '@ib/domain';
import { type Pool } from 'mysql2/promise';
import { type Upcaster } from '../event-store.port';
import { type EventRow, recordedEventOf } from '../stored-event';
import {
  type AuditCriteria,
  type AuditOrder,
  type AuditPage,
  type AuditPageRequest,
  type AuditQuery,
  matchesNothing,
  pagesOf,
} from '../audit-query/audit-query.port';
import {
  auditBranches,
  auditStatement,
  chooseAccess,
  mergeBranchPages,
  pageWindow,
  timeBounds,
} from '../audit-query/audit-sql';
import { toUnavailableError } from './mysql-faults';

export type MysqlAuditQueryOptions = Readonly<{
  pool: Pool;
  /** Resolves once the log has its tables and audit columns (the store's schema check). */
  ready: () => Promise<void>;
  upcasters?: Readonly<Record<string, Upcaster>>;
}>;

/** The audit search on the MariaDB/MySQL log, from its indexes (see audit-sql.ts); branches run side by side. */
export class MysqlAuditQuery implements AuditQuery {
  constructor(private readonly options: MysqlAuditQueryOptions) {}

  async search(criteria: AuditCriteria, page: AuditPageRequest): Promise<AuditPage> {
    if (matchesNothing(criteria)) return { events: [] };
    const { pool, ready, upcasters } = this.options;
    try {
      await ready();
      const bounds = await timeBounds(criteria, async (sql, time) => {
        const [rows] = await pool.query(sql, [time]);
        const [row] = rows as { global_position: number | string }[];
        return row === undefined ? undefined : Number(row.global_position);
      });
      const window = pageWindow(bounds, page);
      if (window === undefined) return { events: [] };
      const pages = await Promise.all(
        auditBranches(criteria).map(async (branch) => {
          const access = await chooseAccess('mysql', branch, window, async (probe) => {
            const [rows] = await pool.query(probe.sql, probe.values);
            return Number((rows as { found: number | string }[])[0].found);
          });
          const { sql, values } = auditStatement('mysql', branch, criteria, window, page, access);
          const [rows] = await pool.query({ sql, values, rowsAsArray: true });
          return rows as unknown as EventRow[];
        }),
      );
      const { rows, next } = mergeBranchPages(pages, page);
      const events = rows.map((row): RecordedEvent => recordedEventOf(row, upcasters));
      return next === undefined ? { events } : { events, next };
    } catch (error) {
      throw toUnavailableError(error, 'search the audit log') ?? error;
    }
  }

  pages(criteria: AuditCriteria, order: AuditOrder, pageSize: number): AsyncIterable<RecordedEvent[]> {
    return pagesOf(this, criteria, order, pageSize);
  }
}
