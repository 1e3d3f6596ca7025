import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  ConcurrencyError,
  IllegalStateError,
  type Publication,
  type PublicationCommand,
  type PublicationEvent,
  type RecordedEvent,
  type RunningPublication,
  connectionDecider,
  connectionStreamId,
  deploymentDecider,
  deploymentIn,
  integrationDeploymentsStreamId,
  nextStep,
  publicationDecider,
  publicationStreamId,
  PUBLICATION_EVENT_TYPES,
} from '@ib/domain';
import { type Connector, ConnectorError } from '@ib/connectors';
import { type Actor, EnvironmentAccess } from '../../../identity';
import { OpenConnectors } from '../../../connections';
import { ServiceSpecifications } from '../../../integrations';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner, type Unstamped } from '../../../infrastructure/command-handling/command-runner';
import { ProcessDrivers } from '../../../infrastructure/command-handling/process-drivers';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import {
  type ProcessManager,
  type ProcessStart,
} from '../../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../../infrastructure/process-managers/process-manager-runner';
import { installedDependencies } from '../../dependencies/installed-dependencies';
import { generatePackage } from '../package';
import { PackageStore } from '../package-store.port';
import { PublicationIndex } from '../publication-index';
import { PublicationViews } from '../publication-queries/publication-views';
import { type IntegrationState, PublishedVersions } from '../published-versions';
import { GENERATOR_VERSION, STALE_AFTER_MS } from '../publication-settings';

type Step = Unstamped<PublicationCommand>;

/** A step that cannot succeed: the publication fails with this reason. */
export class PublicationStepFailed extends Error {}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Another runner appended first (a ConcurrencyError, a StaleVersionError among them): the publication is
 * theirs to continue (or already finished).
 */
const lostRace = (error: unknown): boolean =>
  error instanceof ConcurrencyError ||
  (error instanceof IllegalStateError &&
    ['PUBLICATION.STEP_OUT_OF_ORDER', 'PUBLICATION.FINISHED'].includes(error.code));

/** A transient step error (database down, timeout) is retried this many times before failing. */
const RETRY_DELAYS_MS = [500, 2_000, 5_000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The publication process manager, fed by the event store (never by in-memory events) through the
 * ProcessManagerRunner. Publications requested while it runs are driven at once; at start, those the
 * publications view shows in flight (running, or published but not yet deployed) are resumed from their
 * next step once their last event is older than STALE_AFTER_MS (another instance may still be on them
 * until then). Steps are idempotent, and each appends with the publication's stream version, so a
 * second runner racing loses with a ConcurrencyError and leaves the publication to the winner.
 */
@Injectable()
export class PublicationProcess implements ProcessManager, OnModuleInit {
  readonly name = 'publication';
  readonly handles = PUBLICATION_EVENT_TYPES;
  readonly firstStart = 'head';
  private readonly logger = new Logger(PublicationProcess.name);
  /** Events up to here were in the view the publications in flight were resumed from. */
  private resumedUpTo = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly drivers = new ProcessDrivers({
    label: 'Publication',
    logger: this.logger,
    advance: (publicationId) => this.advance(publicationId),
    lostRace,
  });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly connectors: OpenConnectors,
    private readonly environments: EnvironmentAccess,
    private readonly packages: PackageStore,
    private readonly index: PublicationIndex,
    private readonly versions: PublishedVersions,
    private readonly publications: PublicationViews,
    private readonly processes: ProcessManagerRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly specifications: ServiceSpecifications,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  async resumeInFlight({ head }: ProcessStart): Promise<void> {
    this.resumedUpTo = head;
    for (const publicationId of await this.publications.idsInFlight())
      void this.resumeWhenStale(publicationId);
  }

  handle(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.globalPosition <= this.resumedUpTo) continue;
      this.drivers.drive((event.data as PublicationEvent['data']).publicationId);
    }
  }

  async stop(): Promise<void> {
    const stopping = this.drivers.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await stopping;
  }

  private async resumeWhenStale(publicationId: string, seenVersion?: number): Promise<void> {
    if (this.drivers.stopped) return;
    try {
      const { events, version } = await this.store.readStream<PublicationEvent>(
        publicationStreamId(publicationId),
      );
      const last = events.at(-1);
      if (last === undefined) return;
      const state = this.fold(events);
      if (nextStep(state) === undefined || seenVersion === version) return this.drivers.drive(publicationId);
      const age = this.clock.now().getTime() - Date.parse(last.recordedAt);
      if (age >= STALE_AFTER_MS) return this.drivers.drive(publicationId);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.resumeWhenStale(publicationId, version);
      }, STALE_AFTER_MS - age);
      this.timers.add(timer);
    } catch (error) {
      this.logger.error(`Could not resume publication ${publicationId}: ${messageOf(error)}`);
    }
  }

  private async advance(publicationId: string): Promise<void> {
    for (;;) {
      if (this.drivers.stopped) return;
      const { events } = await this.store.readStream<PublicationEvent>(publicationStreamId(publicationId));
      const state = this.fold(events);
      if (state.status === 'none') return;
      const first = events[0];
      const actor: Actor = {
        userId: first.metadata.actorId,
        correlationId: first.metadata.correlationId,
        causationId: events[events.length - 1].eventId,
      };
      if (state.status === 'published') return this.deploy(state, actor);
      if (state.status !== 'running') return;
      let command: Step;
      try {
        command = await this.performWithRetries(state);
      } catch (error) {
        if (lostRace(error)) throw error;
        command = this.command(
          'FailPublication',
          { publicationId, reason: messageOf(error), ...(await this.draftPackageOf(state)) },
          state,
        );
      }
      await this.runner.run(publicationStreamId(publicationId), publicationDecider, () => command, {
        actor,
        ifMatch: events.length - 1,
      });
    }
  }

  private async performWithRetries(state: RunningPublication): Promise<Step> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.perform(state);
      } catch (error) {
        const transient = error instanceof ConnectorError && error.transient;
        if (!transient || attempt >= RETRY_DELAYS_MS.length || this.drivers.stopped) throw error;
        this.logger.warn(
          `Publication ${state.publicationId}, ${state.nextStep}: ${messageOf(error)}; retrying`,
        );
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    }
  }

  private async perform(state: RunningPublication): Promise<Step> {
    const { publicationId } = state;
    switch (state.nextStep) {
      case 'validateSchema':
        return this.command(
          'RecordSchemaValidated',
          { publicationId, tables: await this.validateSchema(state) },
          state,
        );
      case 'generatePackage':
        return this.command(
          'RecordPackageGenerated',
          { publicationId, packageHash: await this.storePackage(state), generatorVersion: GENERATOR_VERSION },
          state,
        );
      case 'checkDependencies':
        return this.command(
          'RecordDependenciesChecked',
          // The versions installed now where the integration is built, so a breaking update installed
          // later in an environment knows what this version was built on.
          { publicationId, dependencies: await installedDependencies(this.runner, state.environment) },
          state,
        );
      case 'publish':
        return this.command('CompletePublication', { publicationId }, state);
    }
  }

  /** Generates the package of the integration as requested and stores it by its hash. */
  private async storePackage(state: RunningPublication): Promise<string> {
    const integration = await this.integrationAt(state);
    const generated = generatePackage({
      integrationId: state.integrationId,
      applicationName: integration.applicationName,
      moduleName: integration.moduleName,
      provider: integration.provider,
      version: state.version,
      entities: integration.entities,
      // The developer's choice as of the published integration version; the data API serves the
      // version by the same fold (PublishedVersions), so it applies what this manifest records.
      nullPolicy: integration.nullPolicy,
      generatorVersion: GENERATOR_VERSION,
    });
    await this.packages.put(generated.hash, generated.bytes);
    return generated.hash;
  }

  /**
   * A publication failing before its package step still leaves the package of the draft to
   * download (what would have been published); if even that cannot be made, it fails without one.
   */
  private async draftPackageOf(state: RunningPublication): Promise<{ packageHash?: string }> {
    if (state.nextStep !== 'validateSchema') return {};
    try {
      return { packageHash: await this.storePackage(state) };
    } catch (error) {
      this.logger.warn(`Publication ${state.publicationId}: no draft package (${messageOf(error)})`);
      return {};
    }
  }

  /**
   * Every entity's table still exists with every attribute, in the integration's database, or in its
   * uploaded specification while it has no connection.
   */
  private async validateSchema(state: RunningPublication): Promise<string[]> {
    const integration = await this.integrationAt(state);
    const { database } = integration;
    if (database === undefined) throw new PublicationStepFailed('The integration has no database');
    const connector = await this.schemaSource(integration);
    const live = new Set((await connector.listTables(database)).map(({ name }) => name));
    const tables = integration.entities.map(({ table }) => table);
    const vanished = tables.filter((table) => !live.has(table));
    if (vanished.length > 0)
      throw new PublicationStepFailed(
        `${vanished.length === 1 ? 'Table' : 'Tables'} ${vanished.map((t) => `'${t}'`).join(', ')} ` +
          `no longer ${vanished.length === 1 ? 'exists' : 'exist'} in database '${database}'`,
      );
    const described = new Map((await connector.describe(database, tables)).map((t) => [t.name, t]));
    const problems = integration.entities.flatMap(({ table, attributes }) => {
      const columns = new Set(described.get(table)?.columns.map(({ name }) => name) ?? []);
      return attributes
        .filter(({ name }) => !columns.has(name))
        .map(({ name }) => `column '${name}' of table '${table}' no longer exists`);
    });
    if (problems.length > 0) throw new PublicationStepFailed(`The schema changed: ${problems.join('; ')}`);
    return tables;
  }

  private async schemaSource({ connectionId, specificationId }: IntegrationState): Promise<Connector> {
    if (connectionId === undefined) {
      if (specificationId === undefined) throw new PublicationStepFailed('The integration has no connection');
      return this.specifications.connectorOf(specificationId);
    }
    const { state: connection } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    if (connection.status !== 'active')
      throw new PublicationStepFailed(`Connection ${connectionId} no longer exists`);
    return this.connectors.of(connection);
  }

  /** The integration as it was when the publication was requested. */
  private async integrationAt(state: RunningPublication): Promise<IntegrationState> {
    const integration = await this.versions.integrationAt(state.integrationId, state.integrationVersion);
    if (integration === undefined)
      throw new PublicationStepFailed(`Integration ${state.integrationId} does not exist`);
    return integration;
  }

  /** Development gets each newly published version; an older one found on replay is left alone. */
  private async deploy(state: Extract<Publication, { status: 'published' }>, actor: Actor): Promise<void> {
    const streamId = integrationDeploymentsStreamId(state.integrationId);
    const { state: deployments } = await this.runner.load(streamId, deploymentDecider);
    if ((deploymentIn(deployments, state.environment)?.version ?? 0) >= state.version) return;
    await this.runner.run(
      streamId,
      deploymentDecider,
      async () => ({
        type: 'DeployVersion',
        data: {
          integrationId: state.integrationId,
          version: state.version,
          environment: state.environment,
          environmentKind: await this.environments.kindOf(state.environment),
          publishedVersions: await this.index.publishedVersions(state.integrationId),
          builtAgainst: state.dependencies ?? [],
        },
        metadata: { environment: state.environment },
      }),
      { actor },
    );
  }

  /** A step's command, recorded in the publication's environment for whoever requested it (the actor). */
  private command<T extends PublicationCommand['type']>(
    type: T,
    data: Extract<PublicationCommand, { type: T }>['data'],
    state: RunningPublication,
  ): Step {
    return { type, data, metadata: { environment: state.environment } } as Step;
  }

  private fold(events: readonly RecordedEvent<PublicationEvent>[]): Publication {
    return events.reduce(
      (current, { type, data }) => publicationDecider.evolve(current, { type, data } as PublicationEvent),
      publicationDecider.initialState(),
    );
  }
}
