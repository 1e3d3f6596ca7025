import { type ReadModelWriter, type WriteGroup, type WriteOutcome } from '../read-model/read-model-writes';
import { type JobLease, type JobLeases } from './job-leases.port';

export class LeaseLostError extends Error {
  constructor(job: string) {
    super(`The lease of ${job} is not held by this instance: nothing was written`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The read-model writer as one leased job sees it: every write carries the job's fence as a closing
 * statement, so it commits only while the lease is still this instance's, and is refused outright
 * while the instance holds no lease at all.
 */
export class FencedWriter implements ReadModelWriter {
  constructor(
    private readonly writer: ReadModelWriter,
    private readonly leases: JobLeases,
    private readonly job: string,
    private readonly lease: () => JobLease | undefined,
  ) {}

  write(groups: readonly WriteGroup[]): Promise<WriteOutcome> {
    const lease = this.lease();
    if (lease === undefined) return Promise.reject(new LeaseLostError(this.job));
    return this.writer.write([
      ...groups,
      { name: `lease of ${this.job}`, statements: [], closing: [this.leases.fence(lease)] },
    ]);
  }

  /** The writer is shared: it is closed by its owner, not by one of its jobs. */
  async close(): Promise<void> {}
}
