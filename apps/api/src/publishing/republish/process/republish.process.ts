import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ConcurrencyError,
  DomainError,
  type FinishRepublishItem,
  IllegalStateError,
  type PublicationEvent,
  type RecordedEvent,
  type Republish,
  type RepublishCommand,
  type RepublishEvent,
  REPUBLISH_EVENT_TYPES,
  deploymentDecider,
  integrationDeploymentsStreamId,
  nextRepublishItem,
  publicationDecider,
  publicationStreamId,
  republishDecider,
  republishStreamId,
  requiresRepublish,
} from '@ib/domain';
import { type Actor } from '../../../identity';
import { CommandRunner, type Unstamped } from '../../../infrastructure/command-handling/command-runner';
import { ProcessDrivers } from '../../../infrastructure/command-handling/process-drivers';
import {
  EVENT_STORE,
  type EventStore,
  type Subscription,
} from '../../../infrastructure/event-store/event-store.port';
import { uuidv7 } from '../../../infrastructure/ids';
import { PublicationStarter } from '../../publications/publish-integration/publication-starter';
import { environmentOfRun } from '../republish-runs';

const REPUBLISH_TYPES = new Set<string>(REPUBLISH_EVENT_TYPES);
const PUBLICATION_ENDS = new Set<string>(['IntegrationPublished', 'IntegrationPublishFailed']);
const NO_LONGER_REQUIRED = 'It no longer needs a republish';

/** Another runner appended first (a StaleVersionError is one): read the run again and go on from it. */
const lostRace = (error: unknown): boolean =>
  error instanceof ConcurrencyError ||
  (error instanceof IllegalStateError &&
    ['REPUBLISH.ITEM_IN_PROGRESS', 'REPUBLISH.ITEM_FINISHED', 'REPUBLISH.FINISHED'].includes(error.code));

type Outcome = Omit<FinishRepublishItem['data'], 'runId' | 'integrationId'>;

/**
 * The republish process manager, fed by the event store (never by in-memory events). It drives each
 * running run one integration at a time: it records the publication id first (so a restart finds it),
 * then starts that publication, and records the outcome once the publication's end is stored. It
 * subscribes from position 0; runs found running in the log at start are resumed once the catch-up
 * reached the head seen at start: an item whose publication is finished gets its outcome, one whose
 * publication is still running waits for the publication process to finish it.
 */
@Injectable()
export class RepublishProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RepublishProcess.name);
  private subscription?: Subscription;
  private headAtStart = 0;
  private readonly found = new Set<string>();
  /** Which run waits for which publication, so the publication's end wakes the run. */
  private readonly runOfPublication = new Map<string, string>();
  private readonly drivers = new ProcessDrivers({
    label: 'Republish run',
    logger: this.logger,
    advance: (runId) => this.advance(runId),
    lostRace,
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly starter: PublicationStarter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.headAtStart = await this.store.headPosition();
    this.subscription = this.store.subscribe({ fromPosition: 0, batchSize: 500 }, (batch) =>
      this.onEvents(batch),
    );
    void this.subscription.failed.then((error) =>
      this.logger.error(`The republish subscription stopped: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const stopping = this.drivers.stop();
    await this.subscription?.stop();
    await stopping;
  }

  private onEvents(batch: readonly RecordedEvent[]): void {
    for (const event of batch) {
      const runId = this.runOf(event);
      if (runId === undefined) continue;
      if (event.globalPosition <= this.headAtStart) this.found.add(runId);
      else this.drivers.drive(runId);
      if (event.type === 'RepublishFinished') this.found.delete(runId);
    }
    const last = batch.at(-1);
    if (last && last.globalPosition >= this.headAtStart && this.headAtStart > 0) {
      // The catch-up reached the head seen at start: every run found is resumed (or found finished).
      this.headAtStart = 0;
      const found = [...this.found];
      this.found.clear();
      for (const runId of found) this.drivers.drive(runId);
    }
  }

  private runOf(event: RecordedEvent): string | undefined {
    if (REPUBLISH_TYPES.has(event.type)) {
      const { runId, publicationId } = event.data as { runId: string; publicationId?: string };
      if (event.type === 'RepublishItemStarted' && publicationId !== undefined)
        this.runOfPublication.set(publicationId, runId);
      return runId;
    }
    if (!PUBLICATION_ENDS.has(event.type)) return undefined;
    const { publicationId } = event.data as PublicationEvent['data'];
    const runId = this.runOfPublication.get(publicationId);
    this.runOfPublication.delete(publicationId);
    return runId;
  }

  /** Advances the run until it waits for a publication or is finished. */
  private async advance(runId: string): Promise<void> {
    for (;;) {
      if (this.drivers.stopped) return;
      const { events, version } = await this.store.readStream<RepublishEvent>(republishStreamId(runId));
      const state = this.fold(events);
      const next = nextRepublishItem(state);
      if (next === undefined || state.status !== 'running') return;
      const actor: Actor = {
        userId: state.startedBy,
        correlationId: events[0].metadata.correlationId,
        causationId: events[events.length - 1].eventId,
      };
      const record = (command: Unstamped<RepublishCommand>) =>
        this.runner.run(republishStreamId(runId), republishDecider, () => command, {
          actor,
          ifMatch: version,
        });
      const finish = (outcome: Outcome) =>
        record(
          this.command(
            'FinishRepublishItem',
            { runId, integrationId: next.integrationId, ...outcome },
            events[0],
          ),
        );

      if (next.publicationId === undefined) {
        const blocker = await this.blocker(next.integrationId, environmentOfRun(events[0]));
        if (blocker !== undefined) {
          await finish(blocker);
          continue;
        }
        const publicationId = uuidv7();
        this.runOfPublication.set(publicationId, runId);
        await record(
          this.command(
            'StartRepublishItem',
            { runId, integrationId: next.integrationId, publicationId },
            events[0],
          ),
        );
        continue;
      }

      this.runOfPublication.set(next.publicationId, runId);
      const { state: publication } = await this.runner.load(
        publicationStreamId(next.publicationId),
        publicationDecider,
      );
      switch (publication.status) {
        case 'none':
          // Recorded, but the process stopped before the publication was requested: request it now.
          try {
            await this.starter.start({
              integrationId: next.integrationId,
              publicationId: next.publicationId,
              actor,
              republish: true,
            });
          } catch (error) {
            if (!(error instanceof DomainError) || error.code === 'PUBLICATION.ALREADY_EXISTS') throw error;
            await finish({ outcome: 'failed', reason: error.message });
          }
          // Its end, once stored, wakes this run again.
          return;
        case 'running':
          return;
        case 'published':
          await finish({ outcome: 'published', version: publication.version });
          continue;
        case 'failed':
          await finish({ outcome: 'failed', reason: publication.reason });
          continue;
      }
    }
  }

  /**
   * Why the integration is not republished: no longer required in the run's environment (skipped), or
   * not publishable (failed). A run of no known environment predates per-environment updates: any
   * requirement left counts.
   */
  private async blocker(
    integrationId: string,
    environment: string | undefined,
  ): Promise<Outcome | undefined> {
    const { state: deployments } = await this.runner.load(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
    );
    const required =
      environment === undefined
        ? deployments.status === 'deployed' && deployments.republishRequired.length > 0
        : requiresRepublish(deployments, environment);
    if (!required) return { outcome: 'skipped', reason: NO_LONGER_REQUIRED };
    try {
      await this.starter.publishable(integrationId);
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { outcome: 'failed', reason: error.message };
    }
  }

  /** The process acts for the administrator who started the run (the actor), in the run's environment. */
  private command<T extends RepublishCommand['type']>(
    type: T,
    data: Extract<RepublishCommand, { type: T }>['data'],
    started: RecordedEvent<RepublishEvent>,
  ): Unstamped<RepublishCommand> {
    return {
      type,
      data,
      metadata: { environment: started.metadata.environment },
    } as Unstamped<RepublishCommand>;
  }

  private fold(events: readonly RecordedEvent<RepublishEvent>[]): Republish {
    return events.reduce(
      (current, { type, data }) => republishDecider.evolve(current, { type, data } as RepublishEvent),
      republishDecider.initialState(),
    );
  }
}
