import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
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
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import {
  type ProcessManager,
  type ProcessStart,
} from '../../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../../infrastructure/process-managers/process-manager-runner';
import { uuidv7 } from '../../../infrastructure/ids';
import { PublicationStarter } from '../../publications/publish-integration/publication-starter';
import { environmentOfRun } from '../republish-runs';
import { type RunInFlight, runsInFlight } from './runs-in-flight.projection';

const REPUBLISH_TYPES = new Set<string>(REPUBLISH_EVENT_TYPES);
const PUBLICATION_ENDS: readonly PublicationEvent['type'][] = [
  'IntegrationPublished',
  'IntegrationPublishFailed',
];
const NO_LONGER_REQUIRED = 'It no longer needs a republish';

/** Another runner appended first (a StaleVersionError is one): read the run again and go on from it. */
const lostRace = (error: unknown): boolean =>
  error instanceof ConcurrencyError ||
  (error instanceof IllegalStateError &&
    ['REPUBLISH.ITEM_IN_PROGRESS', 'REPUBLISH.ITEM_FINISHED', 'REPUBLISH.FINISHED'].includes(error.code));

type Outcome = Omit<FinishRepublishItem['data'], 'runId' | 'integrationId'>;

/**
 * The republish process manager, fed by the event store (never by in-memory events) through the
 * ProcessManagerRunner. It drives each running run one integration at a time: it records the
 * publication id first (so a restart finds it), then starts that publication, and records the outcome
 * once the publication's end is stored. The runs in flight are kept with its checkpoint (no view shows
 * them); at start each is driven again: an item whose publication is finished gets its outcome, one
 * whose publication is still running waits for the publication process to finish it.
 */
@Injectable()
export class RepublishProcess implements ProcessManager<RunInFlight>, OnModuleInit {
  readonly name = 'republish';
  readonly handles = [...REPUBLISH_EVENT_TYPES, ...PUBLICATION_ENDS];
  /** Runs in flight before this manager kept them are found once from the start of the log. */
  readonly firstStart = 'beginning';
  readonly instances = runsInFlight;
  private readonly logger = new Logger(RepublishProcess.name);
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
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  async resumeInFlight({ instances }: ProcessStart<RunInFlight>): Promise<void> {
    for (const { runId } of instances) {
      // Known before any event is delivered, so the end of the publication the run waits for wakes it.
      const { events } = await this.store.readStream<RepublishEvent>(republishStreamId(runId));
      const publicationId = nextRepublishItem(this.fold(events))?.publicationId;
      if (publicationId !== undefined) this.runOfPublication.set(publicationId, runId);
      this.drivers.drive(runId);
    }
  }

  handle(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const runId = this.runOf(event);
      if (runId !== undefined) this.drivers.drive(runId);
    }
  }

  stop(): Promise<void> {
    return this.drivers.stop();
  }

  private runOf(event: RecordedEvent): string | undefined {
    if (REPUBLISH_TYPES.has(event.type)) {
      const { runId, publicationId } = event.data as { runId: string; publicationId?: string };
      if (event.type === 'RepublishItemStarted' && publicationId !== undefined)
        this.runOfPublication.set(publicationId, runId);
      return runId;
    }
    if (!PUBLICATION_ENDS.includes(event.type as PublicationEvent['type'])) return undefined;
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
