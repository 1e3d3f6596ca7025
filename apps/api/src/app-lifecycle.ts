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
import { SecretStore } from './infrastructure/secrets';

/** How long boot waits for the views to catch up before it answers requests anyway. */
const BOOT_CATCH_UP_MS = 10_000;

/**
 * Starts the background work in its order: first-start seeding, the projections, then (once the views
 * have caught up with the head, since they say what was in flight) the process managers; stops them
 * in the reverse order and closes every store on shutdown.
 */
@Injectable()
export class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');
  private shuttingDown = false;
  private processesStarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly firstStart: FirstStart,
    private readonly projections: ProjectionRunner,
    private readonly processes: ProcessManagerRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly secrets: SecretStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  async onApplicationBootstrap() {
    await this.firstStart.run();
    await this.projections.start();
    const head = await this.store.headPosition();
    if (await this.projections.waitFor(head, BOOT_CATCH_UP_MS)) {
      await this.processes.start(head);
      return;
    }
    // A long catch-up (a new view, a first start on a large log) must not hold the API back.
    this.logger.warn(`The views are still catching up with position ${head}: process managers wait for them`);
    this.processesStarting = this.startProcessesOnceCaughtUp(head);
  }

  async onApplicationShutdown() {
    this.shuttingDown = true;
    await this.processes.stop();
    await this.projections.stop();
    await this.processesStarting;
    await this.store.close();
    await this.secrets.close();
    await this.idempotency.close();
  }

  private async startProcessesOnceCaughtUp(head: number): Promise<void> {
    try {
      while (!this.shuttingDown)
        if (await this.projections.waitFor(head, BOOT_CATCH_UP_MS)) {
          if (!this.shuttingDown) await this.processes.start(head);
          return;
        }
    } catch (error) {
      this.logger.error(
        `Process managers did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
