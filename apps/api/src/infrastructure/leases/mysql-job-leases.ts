import { type Pool } from 'mysql2/promise';
import { type WriteStatement } from '../read-model/read-model-writes';
import { type JobLease, type JobLeases } from './job-leases.port';
import { type LeaseRow, toLease } from './lease-row';

/**
 * The claim as one upsert under the row's lock, then a read of the row in the same round trip. MySQL
 * evaluates the assignments in order, each seeing the ones before: the token and the time taken are
 * decided on the old holder and expiry, the holder then, the expiry last (on the new holder).
 */
const CLAIM =
  'insert into `job_leases` (`job`, `holder`, `token`, `expires_at`, `acquired_at`) values (?, ?, 1, ?, ?) ' +
  'on duplicate key update ' +
  '`token` = if(`holder` = values(`holder`), `token`, if(`expires_at` <= ?, `token` + 1, `token`)), ' +
  '`acquired_at` = if(`holder` = values(`holder`), `acquired_at`, if(`expires_at` <= ?, values(`acquired_at`), `acquired_at`)), ' +
  '`holder` = if(`holder` = values(`holder`) or `expires_at` <= ?, values(`holder`), `holder`), ' +
  '`expires_at` = if(`holder` = values(`holder`), values(`expires_at`), `expires_at`); ' +
  'select `job`, `holder`, `token`, `expires_at`, `acquired_at` from `job_leases` where `job` = ?';

/** As on SQLite (see SqliteJobLeases), through a derived table, since MySQL refuses a subquery on the table it updates. */
const FENCE =
  'update `job_leases` set `token` = (select `token` from (select `token` from `job_leases` ' +
  'where `job` = ? and `token` = ? and `holder` = ?) as `held`) where `job` = ?';

/** The leases in the read model's MariaDB/MySQL database, shared by every instance that uses it. */
export class MysqlJobLeases implements JobLeases {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(job: string, holder: string, ttlMs: number): Promise<JobLease | undefined> {
    const now = this.now();
    const [results] = await this.pool.query(CLAIM, [job, holder, now + ttlMs, now, now, now, now, job]);
    const [row] = (results as unknown[])[1] as LeaseRow[];
    return row !== undefined && row.holder === holder ? toLease(row) : undefined;
  }

  async release(lease: JobLease): Promise<void> {
    await this.pool.query(
      'update `job_leases` set `expires_at` = 0 where `job` = ? and `token` = ? and `holder` = ?',
      [lease.job, lease.token, lease.holder],
    );
  }

  async list(): Promise<JobLease[]> {
    const [rows] = await this.pool.query(
      'select `job`, `holder`, `token`, `expires_at`, `acquired_at` from `job_leases` order by `job`',
    );
    return (rows as LeaseRow[]).map(toLease);
  }

  fence(lease: JobLease): WriteStatement {
    return { sql: FENCE, rows: [[lease.job, lease.token, lease.holder, lease.job]] };
  }
}
