import { type ReadModelWriter } from '../read-model/read-model-writes';
import { FencedWriter } from './fenced-writer';
import { type JobLease, type JobLeases } from './job-leases.port';
import { DEFAULT_LEASE_TIMING, LeasedJob, type LeasedJobHooks, type LeaseTiming } from './leased-job';

/** The background jobs; each runs on one instance at a time. */
export const JOB_NAMES = ['projections', 'process-managers', 'drift-checks'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export type LeaseStatus = Readonly<{
  job: string;
  holder: string;
  token: number;
  expiresAt: string;
  acquiredAt: string;
  /** True when this instance is the holder. */
  here: boolean;
}>;

/**
 * The instance's background jobs under their leases: each job's writes go through a writer fenced by
 * its lease, and the job runs while this instance holds the lease (see LeasedJob).
 */
export class BackgroundJobs {
  private readonly running = new Map<JobName, LeasedJob>();

  constructor(
    private readonly leases: JobLeases,
    readonly instanceId: string,
    private readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
  ) {}

  /** The writer a job's runner writes through: its writes commit only under the job's lease. */
  fencedWriter(job: JobName, writer: ReadModelWriter): ReadModelWriter {
    return new FencedWriter(writer, this.leases, job, () => this.leaseOf(job));
  }

  leaseOf(job: JobName): JobLease | undefined {
    return this.running.get(job)?.lease;
  }

  /** Starts claiming the job's lease; resolves after the first claim (the job runs if it was won). */
  async run(job: JobName, hooks: LeasedJobHooks): Promise<void> {
    if (this.running.has(job)) throw new Error(`The job ${job} runs already`);
    const leased = new LeasedJob(this.leases, job, this.instanceId, hooks, this.timing);
    this.running.set(job, leased);
    await leased.start();
  }

  /** Stops the jobs in the reverse order of their start, giving each lease up. */
  async stopAll(): Promise<void> {
    for (const [job, leased] of [...this.running].reverse()) {
      await leased.stop();
      this.running.delete(job);
    }
  }

  async status(): Promise<LeaseStatus[]> {
    return (await this.leases.list()).map((lease) => ({
      job: lease.job,
      holder: lease.holder,
      token: lease.token,
      expiresAt: new Date(lease.expiresAt).toISOString(),
      acquiredAt: new Date(lease.acquiredAt).toISOString(),
      here: this.leaseOf(lease.job as JobName)?.token === lease.token && lease.holder === this.instanceId,
    }));
  }
}
