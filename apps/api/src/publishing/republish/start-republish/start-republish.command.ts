import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  IllegalStateError,
  type RepublishStarted,
  deploymentDecider,
  integrationDecider,
  integrationDeploymentsStreamId,
  integrationStreamId,
  republishDecider,
  republishStreamId,
  requiresRepublish,
} from '@ib/domain';
import { authorize, type RequestContext, EnvironmentAccess } from '../../../identity';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../../publications/publication-index';
import { RepublishRuns } from '../republish-runs';

export type RepublishOutcome = Readonly<{
  runId: string;
  integrationIds: readonly string[];
  status: 'running';
}>;

export class StartRepublishCommand extends Command<RepublishOutcome> {
  constructor(readonly context: RequestContext) {
    super();
  }
}

/**
 * Starts a run over the integrations built in the caller's development environment that need a
 * republish there now; the republish process publishes them one by one from the stored run. One run
 * at a time per environment: each environment's runs republish only its own integrations.
 */
@CommandHandler(StartRepublishCommand)
export class StartRepublishHandler implements ICommandHandler<StartRepublishCommand> {
  /** Starts in this process one at a time, so two quick calls cannot both start a run. */
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
    private readonly runs: RepublishRuns,
  ) {}

  execute({ context }: StartRepublishCommand): Promise<RepublishOutcome> {
    const next = this.starting.catch(() => undefined).then(() => this.start(context));
    this.starting = next;
    return next;
  }

  private async start(context: RequestContext): Promise<RepublishOutcome> {
    const { environment } = context.user;
    authorize(context.user, 'republish.start', environment);
    const kind = await this.environments.kindOf(environment);
    if (kind !== 'development')
      throw new IllegalStateError(
        'ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY',
        `Integrations are republished where they are built, in a development environment; ` +
          `'${environment}' is ${kind}`,
      );
    const runId = context.ids.next();
    // A retry of a request that started the run answers that run (which now counts as running).
    const recorded = await this.runner.recorded(republishStreamId(runId), republishDecider, context.actor);
    if (recorded) {
      const started = recorded.events[0].data as RepublishStarted['data'];
      return { runId, integrationIds: started.integrationIds, status: 'running' };
    }
    const running = await this.runs.runningRunIds(environment);
    if (running.length > 0)
      throw new IllegalStateError(
        'REPUBLISH.IN_PROGRESS',
        `Republish run ${running[0]} is still running; wait for it to finish`,
      );
    const integrationIds = await this.requiringRepublish(environment);
    if (integrationIds.length === 0)
      throw new IllegalStateError(
        'REPUBLISH.NOTHING_REQUIRED',
        `No integration of environment '${environment}' needs a republish: every one is built ` +
          'against the dependencies installed there',
      );
    await this.runner.run(
      republishStreamId(runId),
      republishDecider,
      () => ({
        type: 'StartRepublish',
        data: { runId, environment, integrationIds },
        metadata: { environment },
      }),
      { actor: context.actor },
    );
    return { runId, integrationIds, status: 'running' };
  }

  /** The integrations built in `environment` that need a republish there. */
  private async requiringRepublish(environment: string): Promise<string[]> {
    const required: string[] = [];
    for (const integrationId of await this.index.integrationIds()) {
      const { state: deployments } = await this.runner.load(
        integrationDeploymentsStreamId(integrationId),
        deploymentDecider,
      );
      if (!requiresRepublish(deployments, environment)) continue;
      const { state: integration } = await this.runner.load(
        integrationStreamId(integrationId),
        integrationDecider,
      );
      if (integration.status !== 'none' && integration.environment === environment)
        required.push(integrationId);
    }
    return required;
  }
}
