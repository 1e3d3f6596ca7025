import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type EnvironmentKind, environmentDecider, environmentStreamId } from '@ib/domain';
import { isAdminAnywhere } from '../../auth/authenticated-user';
import { type RequestContext } from '../../auth/request-context.decorator';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { HttpProblem } from '../../infrastructure/http/http-problem';

export type CreateEnvironmentInput = Readonly<{ name: string; kind: EnvironmentKind; address?: string }>;

export class CreateEnvironmentCommand extends Command<CommandOutcome> {
  constructor(
    readonly input: CreateEnvironmentInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Environments are infrastructure: any administrator may add one (for example QA or production). */
@CommandHandler(CreateEnvironmentCommand)
export class CreateEnvironmentHandler implements ICommandHandler<CreateEnvironmentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, context }: CreateEnvironmentCommand) {
    if (!isAdminAnywhere(context.user))
      throw HttpProblem.forbidden('Only administrators manage environments', 'AUTH.ADMIN_REQUIRED');
    return this.runner.run(
      environmentStreamId(input.name),
      environmentDecider,
      {
        type: 'CreateEnvironment',
        data: input,
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      { actor: context.actor, environment: input.name },
    );
  }
}
