import { Injectable } from '@nestjs/common';
import {
  ConcurrencyError,
  DomainError,
  type EnvironmentKind,
  type ExistingPublication,
  IllegalStateError,
  type IntegrationPublications,
  NotFoundError,
  type StartPublication,
  type StartedPublication,
  deploymentDecider,
  deploymentIn,
  existingPublication,
  integrationDecider,
  integrationDeploymentsStreamId,
  integrationPublicationsDecider,
  integrationPublicationsStreamId,
  integrationStreamId,
  publicationDecider,
  publicationStreamId,
  requiresRepublish,
} from '@ib/domain';
import { type Actor, EnvironmentAccess } from '../../../identity';
import { CommandRunner, type Unstamped } from '../../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../publication-index';

/**
 * The publication that answers a publish request: the one it started (`running`), or one that already
 * answered it (a running publication of the same draft, or the published version of an unchanged draft).
 */
export type PublishOutcome = Readonly<{
  publicationId: string;
  version: number;
  status: 'running' | 'published';
}>;

export type PublicationStart = Readonly<{
  integrationId: string;
  /** Chosen by the caller, so a process can record it before the publication exists. */
  publicationId: string;
  actor: Actor;
  /** Checks the caller's rights in the integration's environment, once the integration is found. */
  authorize?: (environment: string) => Promise<void>;
  /**
   * A republish run: it builds the draft again even if unchanged, and waits for this very publication,
   * so a running one of the same draft does not answer it.
   */
  republish?: boolean;
}>;

/** Starts that raced another start of the same integration are decided again on what it recorded. */
const MAX_ATTEMPTS = 5;

/**
 * Requests a publication after checking the integration can be published; the publication process
 * performs its steps from the stored request. Shared by the publish endpoint and the republish process.
 *
 * Every start appends to the integration's publications stream with its expected version before the
 * publication itself is requested: of two starts at once, in this process or another sharing the
 * event store, one appends and the other decides again and finds it. So one draft never becomes two
 * versions, and one publication of an integration runs at a time.
 */
@Injectable()
export class PublicationStarter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
  ) {}

  /**
   * Throws the reason the integration cannot be published now (not found, not allowed, open, not
   * ready); a process checks this before recording a publication id. A running publication is
   * decided by `start`, which may join it.
   */
  async publishable(integrationId: string, authorize?: PublicationStart['authorize']) {
    const { state, version: integrationVersion } = await this.runner.load(
      integrationStreamId(integrationId),
      integrationDecider,
    );
    if (state.status === 'none')
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    await authorize?.(state.environment);
    if (state.status === 'open')
      throw new IllegalStateError(
        'INTEGRATION.OPEN_LOCKED',
        `Integration ${integrationId} was converted to open and can no longer be published by the builder`,
      );
    const missing = [
      state.connectionId || state.specificationId ? undefined : 'a connection',
      state.database ? undefined : 'a database',
      state.entities.length > 0 ? undefined : 'at least one table',
    ].filter((item): item is string => item !== undefined);
    if (missing.length > 0)
      throw new IllegalStateError(
        'INTEGRATION.NOT_READY',
        `Integration ${integrationId} is not ready to publish: select ${missing.join(', ')}`,
      );
    return { integration: state, integrationVersion };
  }

  async start(start: PublicationStart): Promise<PublishOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(start);
      } catch (error) {
        // A StaleVersionError too: the publications stream moved on since this attempt read it.
        if (!(error instanceof ConcurrencyError)) throw error;
        // The caller sent no version to match: losing every race is a conflict, never a failed precondition.
        if (attempt >= MAX_ATTEMPTS)
          throw new ConcurrencyError(
            'PUBLICATION.RACED',
            `Publications of integration ${start.integrationId} were being started at the same time; retry`,
          );
      }
    }
  }

  private async attempt({
    integrationId,
    publicationId,
    actor,
    authorize,
    republish = false,
  }: PublicationStart): Promise<PublishOutcome> {
    const { integration, integrationVersion } = await this.publishable(integrationId, authorize);
    const { environment } = integration;
    const streamId = integrationPublicationsStreamId(integrationId);
    const { state, version: streamVersion } = await this.runner.load(
      streamId,
      integrationPublicationsDecider,
    );
    const environmentKind = await this.environments.kindOf(environment);
    // Read before the index: a rebuild that has just published is then known to the index.
    const rebuild = republish || (await this.rebuildRequired(integrationId, environment));
    await this.requestStarted(state, { integrationId, publicationId, environment, environmentKind }, actor);
    const command: Unstamped<StartPublication> = {
      type: 'StartPublication',
      data: {
        integrationId,
        publicationId,
        integrationVersion,
        environment,
        environmentKind,
        rebuild,
        joinRunning: !republish,
        known: await this.index.publicationsOf(integrationId),
      },
      metadata: { environment },
    };
    const existing = existingPublication(command, state);
    if (existing) return outcomeOf(existing);

    const { events } = await this.runner.run(streamId, integrationPublicationsDecider, () => command, {
      actor,
      ifMatch: streamVersion,
    });
    const started = events.find(({ data }) => data.publicationId === publicationId)?.data;
    // Nothing started: the stream changed under this attempt, which is decided again.
    if (started === undefined)
      throw new ConcurrencyError('PUBLICATION.RACED', `Publication ${publicationId} was not started`);
    await this.request({ ...started, environment, environmentKind }, actor);
    return { publicationId, version: started.version, status: 'running' };
  }

  /**
   * A breaking dependency update requires a new build of the deployed version: publishing an unchanged
   * draft then makes a new version, unless a version newer than the deployed one was already published
   * (it is being deployed, which clears the requirement).
   */
  private async rebuildRequired(integrationId: string, environment: string): Promise<boolean> {
    const { state: deployments } = await this.runner.load(
      integrationDeploymentsStreamId(integrationId),
      deploymentDecider,
    );
    if (!requiresRepublish(deployments, environment)) return false;
    const deployed = deploymentIn(deployments, environment)?.version ?? 0;
    return ((await this.index.latestPublished(integrationId))?.version ?? 0) <= deployed;
  }

  /**
   * Requests the publications started but not requested: a process that stopped between the two appends
   * left them, and they would otherwise block every later start. A request already stored is left alone.
   */
  private async requestStarted(
    state: IntegrationPublications,
    start: Readonly<{
      integrationId: string;
      publicationId: string;
      environment: string;
      environmentKind: EnvironmentKind;
    }>,
    actor: Actor,
  ): Promise<void> {
    const { integrationId, environment, environmentKind } = start;
    const known = new Set((await this.index.publicationsOf(integrationId)).map((p) => p.publicationId));
    for (const started of state.started.filter(({ publicationId }) => !known.has(publicationId))) {
      // Another request's publication is requested for whoever started it, not with this request's key.
      const by: Actor =
        started.publicationId === start.publicationId
          ? actor
          : { userId: started.startedBy, correlationId: actor.correlationId, causationId: actor.causationId };
      await this.request({ ...started, integrationId, environment, environmentKind }, by);
    }
  }

  /** Requests a started publication; another start that requested it meanwhile (a repair) is as good. */
  private async request(
    {
      integrationId,
      publicationId,
      integrationVersion,
      version,
      environment,
      environmentKind,
    }: StartedPublication &
      Readonly<{ integrationId: string; environment: string; environmentKind: EnvironmentKind }>,
    actor: Actor,
  ): Promise<void> {
    try {
      await this.runner.run(
        publicationStreamId(publicationId),
        publicationDecider,
        () => ({
          type: 'RequestPublish',
          data: { publicationId, integrationId, integrationVersion, version, environment, environmentKind },
          metadata: { environment },
        }),
        { actor },
      );
    } catch (error) {
      const requestedMeanwhile =
        error instanceof ConcurrencyError ||
        (error instanceof DomainError && error.code === 'PUBLICATION.ALREADY_EXISTS');
      if (!requestedMeanwhile) throw error;
    }
  }
}

const outcomeOf = ({ publicationId, version, status }: ExistingPublication): PublishOutcome => ({
  publicationId,
  version,
  // A failed publication never answers a start; one started but not known yet is running.
  status: status === 'published' ? 'published' : 'running',
});
