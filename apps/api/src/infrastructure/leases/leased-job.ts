import { Logger } from '@nestjs/common';
import { type JobLease, type JobLeases } from './job-leases.port';

export type LeasedJobHooks = Readonly<{
  /** The lease was taken: start the job. */
  acquired: () => Promise<void>;
  /**
   * The lease was lost (`lost`: another instance may run the job now) or given up at shutdown
   * (`stopping`): stop the job; its writes are refused by the fence already.
   */
  lost: (why: 'lost' | 'stopping') => Promise<void>;
}>;

export type LeaseTiming = Readonly<{
  /** How long a lease lasts without renewal: another instance takes over at most this long after a crash, plus one renewal interval. */
  ttlMs: number;
  /** How often the holder renews, and a standby instance tries to take the job. */
  renewEveryMs: number;
}>;

/** Takeover within 13 s of a crash: a lease of 10 s, renewed (or tried) every 3 s. */
export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 10_000, renewEveryMs: 3_000 };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs one background job on whichever instance holds its lease: claims it at start and then every
 * `renewEveryMs` (a renewal for the holder, a try for the others), starts the job when the lease is
 * taken and stops it when the lease is lost, or when it lapses because the state database could not
 * be reached to renew it.
 */
export class LeasedJob {
  private readonly logger: Logger;
  private held?: JobLease;
  private timer?: NodeJS.Timeout;
  private turn: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly leases: JobLeases,
    readonly job: string,
    private readonly holder: string,
    private readonly hooks: LeasedJobHooks,
    private readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
    private readonly now: () => number = Date.now,
  ) {
    this.logger = new Logger(`Lease ${job}`);
  }

  /** The lease while this instance holds it. */
  get lease(): JobLease | undefined {
    return this.held;
  }

  /** Claims once (so a lone instance starts its job at once), then keeps claiming in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.timing.renewEveryMs);
    this.timer.unref();
  }

  /** Stops the job if this instance runs it and gives the lease up, so another can take over at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.serially(async () => {
      const lease = this.held;
      if (lease === undefined) return;
      this.held = undefined;
      await this.hooks.lost('stopping');
      await this.leases.release(lease).catch((error: unknown) => {
        this.logger.warn(`Could not give up the lease (it lapses by itself): ${messageOf(error)}`);
      });
    });
  }

  private tick(): Promise<void> {
    return this.serially(async () => {
      if (!this.running) return;
      let claimed: JobLease | undefined;
      try {
        claimed = await this.leases.claim(this.job, this.holder, this.timing.ttlMs);
      } catch (error) {
        // Unknown whether another instance took over meanwhile: the job keeps running only while the
        // lease it last saw has not lapsed.
        if (this.held !== undefined && this.held.expiresAt <= this.now()) await this.lose('lapsed');
        this.logger.warn(`Could not claim the lease: ${messageOf(error)}`);
        return;
      }
      if (claimed === undefined) {
        if (this.held !== undefined) await this.lose('taken over by another instance');
        return;
      }
      const taken = this.held === undefined || this.held.token !== claimed.token;
      if (taken && this.held !== undefined) await this.lose('taken over and back');
      this.held = claimed;
      if (!taken) return;
      this.logger.log(`${this.holder} runs ${this.job} (lease token ${claimed.token})`);
      try {
        await this.hooks.acquired();
      } catch (error) {
        this.logger.error(`${this.job} did not start: ${messageOf(error)}`);
      }
    });
  }

  private async lose(why: string): Promise<void> {
    this.held = undefined;
    this.logger.warn(`${this.holder} stops ${this.job}: lease ${why}`);
    await this.hooks.lost('lost').catch((error: unknown) => {
      this.logger.error(`${this.job} did not stop cleanly: ${messageOf(error)}`);
    });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.turn.then(work);
    this.turn = next.catch(() => undefined);
    return next;
  }
}
