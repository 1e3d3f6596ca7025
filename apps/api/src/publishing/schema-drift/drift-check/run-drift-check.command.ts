import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authorize, EnvironmentAccess, type RequestContext } from '../../../identity';
import { type EnvironmentDriftResult } from './drift-check.result';
import { SchemaDriftChecks } from './schema-drift-checks';

export class RunDriftCheckCommand extends Command<EnvironmentDriftResult> {
  constructor(
    readonly environment: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** An administrator of the environment checks it now, rather than waiting for the scheduled check. */
@CommandHandler(RunDriftCheckCommand)
export class RunDriftCheckHandler implements ICommandHandler<RunDriftCheckCommand> {
  constructor(
    private readonly checks: SchemaDriftChecks,
    private readonly environments: EnvironmentAccess,
  ) {}

  async execute({ environment, context }: RunDriftCheckCommand): Promise<EnvironmentDriftResult> {
    authorize(context.user, 'drift.check', environment);
    await this.environments.kindOf(environment);
    return this.checks.checkEnvironment(environment, context.actor);
  }
}
