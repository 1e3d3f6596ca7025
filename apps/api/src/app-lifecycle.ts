import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { FirstStart } from './identity';
import { EVENT_STORE, type EventStore } from './infrastructure/event-store/event-store.port';
import {
  IDEMPOTENCY_STORE,
  type IdempotencyStore,
} from './infrastructure/idempotency/idempotency-store.port';
import { ProcessManagerRunner } from './infrastructure/process-managers/process-manager-runner';
import { ProjectionRunner } from './infrastructure/read-model/projection-runner';
import { BackgroundJobs } from './infrastructure/leases/background-jobs';
import { SecretStore } from './infrastructure/secrets';
import { AuditChainMonitor } from './infrastructure/audit-chain/audit-chain-monitor';
import { APP_CONFIG } from './config/app-config.provider';
import { type AppConfig } from './config/app-config';

/** How long boot waits for the views to catch up before it answers requests anyway. */
const BOOT_CATCH_UP_MS = 10_000;
/** How long taking the process managers' lease may wait for the views before they start in the background. */
const TAKEOVER_CATCH_UP_MS = 1_000;

/**
 * Starts the background work in its order, each job under its lease (one instance runs it, another
 * takes over when it stops or dies): first-start seeding, the projections, then (once the views have
 * caught up with the head, since they say what was in flight) the process managers. An instance that
 * does not hold the projections' lease follows the shared checkpoints instead. Stops them in the reverse
 * order, giving the leases up, and closes every store on shutdown.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');
  private shuttingDown = false;
  private processesStarting: Promise<void> = Promise.resolve();
  /** Moves on whenever the process managers' lease is lost, so a background start for the old one gives up. */
  private processesTerm = 0;

  constructor(
    private readonly firstStart: FirstStart,
    private readonly projections: ProjectionRunner,
    private readonly processes: ProcessManagerRunner,
    private readonly jobs: BackgroundJobs,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly secrets: SecretStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    private readonly chain: AuditChainMonitor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.firstStart.run();
    this.chain.start(this.config.auditVerifyAtStart);
    await this.jobs.run('projections', {
      acquired: () => this.projections.start(),
      lost: async (why) => {
        await this.projections.stop();
        if (why === 'lost') this.projections.follow();
      },
    });
    if (!this.projections.isRunning) this.projections.follow();
    const head = await this.store.headPosition();
    if (!(await this.projections.waitFor(head, BOOT_CATCH_UP_MS)))
      // A long catch-up (a new view, a first start on a large log) must not hold the API back.
      this.logger.warn(
        `The views are still catching up with position ${head}: process managers wait for them`,
      );
    await this.jobs.run('process-managers', {
      acquired: () => this.startProcesses(),
      lost: async () => {
        this.processesTerm++;
        await this.processesStarting;
        await this.processes.stop();
      },
    });
  }

  async onApplicationShutdown() {
    this.shuttingDown = true;
    await this.chain.started();
    await this.jobs.stopAll();
    this.projections.unfollow();
    await this.processes.stop();
    await this.projections.stop();
    await this.processesStarting;
    await this.store.close();
    await this.secrets.close();
    await this.idempotency.close();
  }

  /** Once the views have caught up with the head: at once when they have, else in the background. */
  private async startProcesses(): Promise<void> {
    const head = await this.store.headPosition();
    if (await this.projections.waitFor(head, TAKEOVER_CATCH_UP_MS)) {
      await this.processes.start(head);
      return;
    }
    this.processesStarting = this.startProcessesOnceCaughtUp(head, this.processesTerm);
  }

  private async startProcessesOnceCaughtUp(head: number, term: number): Promise<void> {
    const current = () => !this.shuttingDown && term === this.processesTerm;
    try {
      while (current())
        if (await this.projections.waitFor(head, BOOT_CATCH_UP_MS)) {
          if (current()) await this.processes.start(head);
          return;
        }
    } catch (error) {
      this.logger.error(
        `Process managers did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
