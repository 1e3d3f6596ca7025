import { type NativeDatabase } from '../read-model/view-table';
import { type WriteStatement } from '../read-model/read-model-writes';
import { type JobLease, type JobLeases } from './job-leases.port';
import { type LeaseRow, toLease } from './lease-row';

/**
 * In one statement, so two instances claiming at once cannot both win: a new job is inserted with
 * token 1; an existing one is taken when its holder claims again (renewal, same token) or its lease
 * has lapsed (another holder: the token moves on). Otherwise nothing changes and nothing is returned.
 */
const CLAIM =
  'insert into `job_leases` (`job`, `holder`, `token`, `expires_at`, `acquired_at`) values (?, ?, 1, ?, ?) ' +
  'on conflict (`job`) do update set ' +
  '`token` = case when `job_leases`.`holder` = excluded.`holder` then `job_leases`.`token` else `job_leases`.`token` + 1 end, ' +
  '`acquired_at` = case when `job_leases`.`holder` = excluded.`holder` then `job_leases`.`acquired_at` else excluded.`acquired_at` end, ' +
  '`holder` = excluded.`holder`, `expires_at` = excluded.`expires_at` ' +
  'where `job_leases`.`holder` = excluded.`holder` or `job_leases`.`expires_at` <= ? ' +
  'returning `job`, `holder`, `token`, `expires_at`, `acquired_at`';

/**
 * Writes the token back onto itself, or NULL when the token is no longer this lease's: the NOT NULL
 * column then refuses the write, and with it the transaction it is part of.
 */
const FENCE =
  'update `job_leases` set `token` = (select `token` from `job_leases` where `job` = ? and `token` = ? and `holder` = ?) ' +
  'where `job` = ?';

/** The leases in the read-model file: instances that share the data folder share them. */
export class SqliteJobLeases implements JobLeases {
  constructor(
    private readonly db: () => Promise<NativeDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(job: string, holder: string, ttlMs: number): Promise<JobLease | undefined> {
    const now = this.now();
    const row = (await this.db()).prepare(CLAIM).get([job, holder, now + ttlMs, now, now]) as
      LeaseRow | undefined;
    return row === undefined ? undefined : toLease(row);
  }

  async release(lease: JobLease): Promise<void> {
    (await this.db())
      .prepare('update `job_leases` set `expires_at` = 0 where `job` = ? and `token` = ? and `holder` = ?')
      .run([lease.job, lease.token, lease.holder]);
  }

  async list(): Promise<JobLease[]> {
    const rows = (await this.db())
      .prepare(
        'select `job`, `holder`, `token`, `expires_at`, `acquired_at` from `job_leases` order by `job`',
      )
      .all([]) as LeaseRow[];
    return rows.map(toLease);
  }

  fence(lease: JobLease): WriteStatement {
    return { sql: FENCE, rows: [[lease.job, lease.token, lease.holder, lease.job]] };
  }
}
