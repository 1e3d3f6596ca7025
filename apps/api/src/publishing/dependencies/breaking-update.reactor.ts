import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  ConcurrencyError,
  type DependencyUpdateInstalled,
  type RecordedEvent,
  type RequireRepublish,
  type VersionDeployed,
  compareVersions,
  deploymentDecider,
  deploymentIn,
  integrationDeploymentsStreamId,
} from '@ib/domain';
import { type Actor } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { EventStoreUnavailableError } from '../../infrastructure/event-store/event-store-unavailable.error';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { PublicationIndex } from '../publications/publication-index';
import { DependencyViews } from './dependency-queries/dependency-views';

type BreakingUpdate = Readonly<{ name: string; version: string }>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Keeps the newest breaking version of each dependency. */
const remember = (known: Map<string, string>, { name, version }: BreakingUpdate): void => {
  const newest = known.get(name);
  if (newest === undefined || compareVersions(version, newest) > 0) known.set(name, version);
};
const updatesOf = (known: ReadonlyMap<string, string> | undefined): BreakingUpdate[] =>
  [...(known ?? [])].map(([name, version]) => ({ name, version }));

/**
 * Marks integrations as needing a republish where a breaking update of a runtime dependency was
 * installed: in that environment, each integration whose version deployed there was built against an
 * older version. Fed by the event store through the ProcessManagerRunner, from its checkpoint: an
 * update is judged when it is handed over, and the checkpoint moves after that, so one cut short by a
 * stop is judged again at the next start. What it knows of the updates installed before comes from
 * the dependencies view. Each deployment is judged as the log holds it now (not as it was when the
 * update was installed), so one redeployed since with a version built against the update is never
 * marked again, and marking one already marked changes nothing.
 *
 * A version deployed in an environment (published or promoted) is judged against that environment's
 * breaking updates too: a publication that checked its dependencies just before a breaking update was
 * installed finishes with the old versions, after the update was handled.
 *
 * Updates recorded before updates were per environment (no `environment`) were installed everywhere:
 * they are judged as they were then, by the integration's latest published version, and mark it in
 * every environment; a version reaching development is judged against them.
 */
@Injectable()
export class BreakingUpdateReactor implements ProcessManager, OnModuleInit {
  readonly name = 'breaking-updates';
  readonly handles = ['DependencyUpdateInstalled', 'VersionDeployed'];
  /** Before this reactor kept a checkpoint it judged every update again at each start: once more, then. */
  readonly firstStart = 'beginning';
  private readonly logger = new Logger(BreakingUpdateReactor.name);
  /** The newest breaking version of each dependency installed everywhere. */
  private readonly everywhere = new Map<string, string>();
  /** The same, of the updates installed in each environment. */
  private readonly byEnvironment = new Map<string, Map<string, string>>();

  constructor(
    private readonly runner: CommandRunner,
    private readonly index: PublicationIndex,
    private readonly dependencies: DependencyViews,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  /** Nothing is in flight between two batches: it only learns the breaking updates installed so far. */
  async resumeInFlight(): Promise<void> {
    for (const { name, updates } of await this.dependencies.list())
      for (const { version, breaking, environment } of updates)
        if (breaking) remember(this.knownIn(environment), { name, version });
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      try {
        if (event.type === 'DependencyUpdateInstalled') await this.onUpdate(event);
        else if (event.type === 'VersionDeployed') await this.onDeployed(event);
      } catch (error) {
        // The store cannot serve now: the batch is handed over again later (marking is idempotent).
        if (error instanceof EventStoreUnavailableError) throw error;
        // One integration that cannot be marked must not stop the others (nor the later events).
        this.logger.error(`Event ${event.eventId} (${event.type}): ${messageOf(error)}`);
      }
    }
  }

  /** The breaking versions known of the updates installed in `environment`, or everywhere. */
  private knownIn(environment: string | undefined): Map<string, string> {
    if (environment === undefined) return this.everywhere;
    const known = this.byEnvironment.get(environment) ?? new Map<string, string>();
    this.byEnvironment.set(environment, known);
    return known;
  }

  private async onUpdate(event: RecordedEvent): Promise<void> {
    const { name, version, breaking, environment } = event.data as DependencyUpdateInstalled['data'];
    if (!breaking) return;
    const update = { name, version };
    remember(this.knownIn(environment), update);
    for (const integrationId of await this.index.integrationIds())
      if (environment === undefined) await this.judgeEverywhere(integrationId, [update], actorOf(event));
      else await this.judgeIn(environment, integrationId, [update], actorOf(event));
  }

  private async onDeployed(event: RecordedEvent): Promise<void> {
    const { integrationId, environment, environmentKind } = event.data as VersionDeployed['data'];
    const inEnvironment = updatesOf(this.byEnvironment.get(environment));
    if (inEnvironment.length > 0)
      await this.judgeIn(environment, integrationId, inEnvironment, actorOf(event));
    if (environmentKind === 'development' && this.everywhere.size > 0)
      await this.judgeEverywhere(integrationId, updatesOf(this.everywhere), actorOf(event));
  }

  /** Marks the deployment in `environment` unless its version was built against each update or newer. */
  private async judgeIn(
    environment: string,
    integrationId: string,
    updates: readonly BreakingUpdate[],
    actor: Actor,
  ): Promise<void> {
    const streamId = integrationDeploymentsStreamId(integrationId);
    const { state } = await this.runner.load(streamId, deploymentDecider);
    const deployed = deploymentIn(state, environment);
    if (deployed === undefined) return;
    const built = (await this.index.publicationsOf(integrationId)).find(
      (entry) => entry.status === 'published' && entry.version === deployed.version,
    );
    for (const { name, version } of updates) {
      const builtOn = built?.dependencies?.find((dependency) => dependency.name === name)?.version;
      if (builtOn !== undefined && compareVersions(builtOn, version) >= 0) continue;
      await this.require(
        streamId,
        {
          integrationId,
          dependency: name,
          environment,
          version,
          reason:
            `Version ${deployed.version} deployed in ${environment} was built against ` +
            `${name} ${builtOn ?? '(unknown)'}; the breaking update to ${version} installed there ` +
            'needs a version built against it',
        },
        actor,
      );
    }
  }

  /** Today's rule for updates installed everywhere: the latest published version decides. */
  private async judgeEverywhere(
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
      await this.require(
        streamId,
        {
          integrationId,
          dependency: name,
          reason:
            `Version ${latest.version} was built against ${name} ${builtOn ?? '(unknown)'}; ` +
            `the breaking update to ${version} needs a republish`,
        },
        actor,
      );
    }
  }

  private require(streamId: string, data: RequireRepublish['data'], actor: Actor): Promise<void> {
    return this.retriedOnConflict(() =>
      this.runner.run(
        streamId,
        deploymentDecider,
        () => ({ type: 'RequireRepublish', data, metadata: { environment: data.environment } }),
        { actor },
      ),
    );
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
