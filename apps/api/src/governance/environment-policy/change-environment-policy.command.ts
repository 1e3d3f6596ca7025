import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { environmentDecider, environmentStreamId, NotFoundError } from '@ib/domain';
import { allows, authorize, type RequestContext } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { FourEyes, type PendingChange } from '../four-eyes/four-eyes';

export type PolicyChange = Readonly<{ changed: CommandOutcome } | { pending: PendingChange }>;

export class ChangeEnvironmentPolicyCommand extends Command<PolicyChange> {
  constructor(
    readonly environment: string,
    readonly fourEyes: boolean,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * An administrator of the environment turns four-eyes on at once; switching it off where it is on is
 * itself a change request, approved by another administrator, or one could switch it off and then
 * change production alone.
 */
@CommandHandler(ChangeEnvironmentPolicyCommand)
export class ChangeEnvironmentPolicyHandler implements ICommandHandler<ChangeEnvironmentPolicyCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly fourEyes: FourEyes,
  ) {}

  async execute({ environment, fourEyes, context }: ChangeEnvironmentPolicyCommand): Promise<PolicyChange> {
    // An environment the caller holds no role in does not exist for them.
    if (!allows(context.user, 'environment.read', environment))
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${environment}' does not exist`);
    authorize(context.user, 'environment.policy', environment);
    const stream = environmentStreamId(environment);
    if (!fourEyes && context.approvedChange === undefined) {
      const { state } = await this.runner.load(stream, environmentDecider);
      if (state.status === 'created' && state.fourEyes)
        return {
          pending: await this.fourEyes.request(
            context,
            environment,
            { kind: 'environment-policy', fourEyes: false },
            { summary: `Switch four-eyes off in ${environment}` },
          ),
        };
    }
    const changed = await this.runner.run(
      stream,
      environmentDecider,
      () => ({
        type: 'ChangeEnvironmentPolicy',
        data: {
          name: environment,
          fourEyes,
          ...(context.approvedChange === undefined ? {} : { changeRequestId: context.approvedChange }),
        },
        metadata: { environment },
      }),
      context,
    );
    return { changed };
  }
}
