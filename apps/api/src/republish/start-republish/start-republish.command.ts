import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  IllegalStateError,
  deploymentDecider,
  integrationDecider,
  integrationDeploymentsStreamId,
  integrationStreamId,
  republishDecider,
  republishStreamId,
  requiresRepublish,
} from '@ib/domain';
import { type RequestContext } from '../../auth/request-context.decorator';
import { assertDevelopmentAdmin } from '../../dependencies/development-admin';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { uuidv7 } from '../../infrastructure/ids';
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
 * Starts a run over the integrations of the caller's development environment that need a republish
 * now; the republish process publishes them one by one from the stored run.
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ context }: StartRepublishCommand): Promise<RepublishOutcome> {
    const next = this.starting.catch(() => undefined).then(() => this.start(context));
    this.starting = next;
    return next;
  }

  private async start(context: RequestContext): Promise<RepublishOutcome> {
    await assertDevelopmentAdmin(context.user, this.environments);
    const running = await this.runs.runningRunIds();
    if (running.length > 0)
      throw new IllegalStateError(
        'REPUBLISH.IN_PROGRESS',
        `Republish run ${running[0]} is still running; wait for it to finish`,
      );
    const integrationIds = await this.requiringRepublish(context.user.environment);
    if (integrationIds.length === 0)
      throw new IllegalStateError(
        'REPUBLISH.NOTHING_REQUIRED',
        'No integration needs a republish: every one is built against the installed dependencies',
      );
    const runId = uuidv7();
    await this.runner.run(
      republishStreamId(runId),
      republishDecider,
      {
        type: 'StartRepublish',
        data: { runId, integrationIds },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      { actor: context.actor, environment: context.user.environment },
    );
    return { runId, integrationIds, status: 'running' };
  }

  private async requiringRepublish(environment: string): Promise<string[]> {
    const required: string[] = [];
    for (const integrationId of await this.index.integrationIds()) {
      const { state: deployments } = await this.runner.load(
        integrationDeploymentsStreamId(integrationId),
        deploymentDecider,
      );
      if (!requiresRepublish(deployments)) continue;
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
