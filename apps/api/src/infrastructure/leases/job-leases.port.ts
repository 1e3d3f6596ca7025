import { type WriteStatement } from '../read-model/read-model-writes';

/** One instance's right to run one background job until `expiresAt` (ms since the epoch). */
export type JobLease = Readonly<{
  job: string;
  holder: string;
  /** Changes whenever another holder takes the job over; commits of the job check it (fencing). */
  token: number;
  expiresAt: number;
  acquiredAt: number;
}>;

/**
 * The leases of the background jobs, kept in the state database that every instance shares (the
 * read model's), so exactly one instance runs each job and another takes over once it lapses.
 */
export interface JobLeases {
  /**
   * Takes the job's lease for `holder` until now + ttlMs when it is free, lapsed or already held by
   * `holder` (a renewal). Undefined while another holder's lease runs.
   */
  claim(job: string, holder: string, ttlMs: number): Promise<JobLease | undefined>;
  /** Gives the lease up at once, if it is still this one, so another instance need not wait for it to lapse. */
  release(lease: JobLease): Promise<void>;
  list(): Promise<JobLease[]>;
  /**
   * A statement for the job's own write transactions that fails (and so rolls the whole write back)
   * when the lease has passed to another holder: a job that lost its lease cannot commit.
   */
  fence(lease: JobLease): WriteStatement;
}

export const JOB_LEASES = Symbol('JOB_LEASES');
