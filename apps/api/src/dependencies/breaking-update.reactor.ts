import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ConcurrencyError,
  type DependencyUpdateInstalled,
  type RecordedEvent,
  type VersionDeployed,
  compareVersions,
  deploymentDecider,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { type Actor } from '../auth/authenticated-user';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';
import {
  EVENT_STORE,
  type EventStore,
  type Subscription,
} from '../infrastructure/event-store/event-store.port';
import { PublicationIndex } from '../publications/publication-index';

type BreakingUpdate = Readonly<{ name: string; version: string }>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Marks integrations built against an older version of a dependency than its last breaking update as
 * needing a republish. Fed by the event store from position 0, so a restart replays every update;
 * each integration is judged by its latest published version as the log holds it now (not as it was
 * when the update was installed), so one republished since is never marked again, and marking one
 * already marked changes nothing.
 *
 * A version deployed to development is judged too: a publication that checked its dependencies just
 * before a breaking update was installed finishes with the old versions, after the update was handled.
 */
@Injectable()
export class BreakingUpdateReactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BreakingUpdateReactor.name);
  private subscription?: Subscription;
  /** The newest breaking version of each dependency seen so far in the log. */
  private readonly breaking = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly index: PublicationIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribe({ fromPosition: 0, batchSize: 500 }, (batch) =>
      this.onEvents(batch),
    );
    void this.subscription.failed.then((error) =>
      this.logger.error(`The breaking update subscription stopped: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async onEvents(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      try {
        if (event.type === 'DependencyUpdateInstalled') await this.onUpdate(event);
        else if (event.type === 'VersionDeployed') await this.onDeployed(event);
      } catch (error) {
        // One integration that cannot be marked must not stop the others (nor the subscription).
        this.logger.error(`Event ${event.eventId} (${event.type}): ${messageOf(error)}`);
      }
    }
  }

  private async onUpdate(event: RecordedEvent): Promise<void> {
    const { name, version, breaking } = event.data as DependencyUpdateInstalled['data'];
    if (!breaking) return;
    const known = this.breaking.get(name);
    if (known === undefined || compareVersions(version, known) > 0) this.breaking.set(name, version);
    const update = { name, version };
    for (const integrationId of await this.index.integrationIds())
      await this.judge(integrationId, [update], actorOf(event));
  }

  private async onDeployed(event: RecordedEvent): Promise<void> {
    const { integrationId, environmentKind } = event.data as VersionDeployed['data'];
    if (environmentKind !== 'development' || this.breaking.size === 0) return;
    const updates = [...this.breaking].map(([name, version]) => ({ name, version }));
    await this.judge(integrationId, updates, actorOf(event));
  }

  private async judge(
    integrationId: string,
    updates: readonly BreakingUpdate[],
    actor: Actor,
  ): Promise<void> {
    const latest = await this.index.latestPublished(integrationId);
    if (latest === undefined) return;
    const streamId = integrationDeploymentsStreamId(integrationId);
    const { state } = await this.runner.load(streamId, deploymentDecider);
    if (state.status === 'none') return;
    for (const { name, version } of updates) {
      const builtOn = latest.dependencies?.find((dependency) => dependency.name === name)?.version;
      // A version that recorded no such dependency was not built against the new one either.
      if (builtOn !== undefined && compareVersions(builtOn, version) >= 0) continue;
      await this.retriedOnConflict(() =>
        this.runner.run(
          streamId,
          deploymentDecider,
          {
            type: 'RequireRepublish',
            data: {
              integrationId,
              dependency: name,
              reason:
                `Version ${latest.version} was built against ${name} ${builtOn ?? '(unknown)'}; ` +
                `the breaking update to ${version} needs a republish`,
            },
            metadata: { actorId: actor.userId, now: this.clock.now() },
          },
          { actor },
        ),
      );
    }
  }

  /** The publication process may deploy to the same stream meanwhile: decide again on the new state. */
  private async retriedOnConflict(run: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await run();
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      }
    }
  }
}

const actorOf = (event: RecordedEvent): Actor => ({
  userId: event.metadata.actorId,
  correlationId: event.metadata.correlationId,
  causationId: event.eventId,
});
