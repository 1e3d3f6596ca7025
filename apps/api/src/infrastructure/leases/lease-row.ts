import { type JobLease } from './job-leases.port';

/** A job_leases row as both dialects read it (BIGINT columns may come as strings). */
export type LeaseRow = Readonly<{
  job: string;
  holder: string;
  token: number;
  expires_at: number;
  acquired_at: number;
}>;

export const toLease = (row: LeaseRow): JobLease => ({
  job: row.job,
  holder: row.holder,
  token: Number(row.token),
  expiresAt: Number(row.expires_at),
  acquiredAt: Number(row.acquired_at),
});
