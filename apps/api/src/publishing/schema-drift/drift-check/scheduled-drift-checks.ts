import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SYSTEM_ACTOR_ID } from '@ib/domain';
import { APP_CONFIG } from '../../../config/app-config.provider';
import { type AppConfig } from '../../../config/app-config';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { uuidv7 } from '../../../infrastructure/ids';
import { BackgroundJobs } from '../../../infrastructure/leases/background-jobs';
import { DeploymentViews } from '../../deployments/deployment-queries/deployment-views';
import { SchemaDriftViews } from '../drift-queries/schema-drift-views';
import { SchemaDriftChecks } from './schema-drift-checks';

/** Its lease's name in GET /api/projections. */
export const DRIFT_CHECKS_JOB = 'drift-checks';

/** A new holder waits this long before a check that is due, so a start is not slowed by one. */
const FIRST_CHECK_AFTER_MS = 5_000;

/**
 * How long until the next round is due: an interval after the oldest last check among the environments
 * with deployments (an environment never checked is due at once), never sooner than `minimumMs`.
 */
export const nextRoundIn = (
  lastChecks: readonly (string | undefined)[],
  intervalMs: number,
  now: Date,
  minimumMs: number,
): number => {
  if (lastChecks.length === 0) return intervalMs;
  const due = Math.min(
    ...lastChecks.map((checkedAt) => (checkedAt === undefined ? 0 : Date.parse(checkedAt) + intervalMs)),
  );
  return Math.max(minimumMs, due - now.getTime());
};

/**
 * Checks every environment with deployments every DRIFT_CHECK_INTERVAL, on the one instance that holds
 * the `drift-checks` lease. Rounds are due from the environments' last checks (recorded as events), so
 * restarts and takeovers neither skip a round nor run one early.
 */
@Injectable()
export class ScheduledDriftChecks implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Drift checks');
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly jobs: BackgroundJobs,
    private readonly checks: SchemaDriftChecks,
    private readonly deployments: DeploymentViews,
    private readonly drift: SchemaDriftViews,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.driftCheckIntervalMs === 0) return;
    await this.jobs.run(DRIFT_CHECKS_JOB, {
      acquired: async () => {
        this.running = true;
        await this.scheduleNext(FIRST_CHECK_AFTER_MS);
      },
      lost: async () => {
        this.stop();
        await this.round;
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.round;
  }

  private stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async environments(): Promise<string[]> {
    return [...new Set((await this.deployments.list()).map(({ environment }) => environment))].sort();
  }

  private async scheduleNext(minimumMs: number): Promise<void> {
    if (!this.running) return;
    const environments = await this.environments();
    const lastChecks = await Promise.all(
      environments.map(async (environment) => (await this.drift.lastCheckOf(environment))?.checkedAt),
    );
    const delay = nextRoundIn(lastChecks, this.config.driftCheckIntervalMs, this.clock.now(), minimumMs);
    this.timer = setTimeout(() => {
      this.round = this.runRound();
    }, delay);
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    for (const environment of await this.environments().catch(() => [])) {
      if (!this.running) return;
      const actor = { userId: SYSTEM_ACTOR_ID, correlationId: uuidv7(), causationId: uuidv7() };
      try {
        const { integrations } = await this.checks.checkEnvironment(environment, actor);
        const drifting = integrations.filter(({ status }) => status === 'drift').length;
        if (drifting > 0) this.logger.log({ message: 'Schema drift found', environment, drifting });
      } catch (error) {
        this.logger.warn(
          `The drift check of ${environment} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    await this.scheduleNext(Math.min(this.config.driftCheckIntervalMs, 60_000)).catch((error: unknown) => {
      this.logger.warn(`The next drift check could not be scheduled: ${String(error)}`);
      if (this.running)
        this.timer = setTimeout(() => (this.round = this.runRound()), this.config.driftCheckIntervalMs);
    });
  }
}
