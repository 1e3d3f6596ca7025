import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type EnvironmentKind,
  environmentDecider,
  environmentStreamId,
  userDecider,
  userStreamId,
} from '@ib/domain';
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

  async execute({ input, context }: CreateEnvironmentCommand) {
    if (!isAdminAnywhere(context.user))
      throw HttpProblem.forbidden('Only administrators manage environments', 'AUTH.ADMIN_REQUIRED');
    const metadata = { actorId: context.user.id, now: this.clock.now() };
    const created = await this.runner.run(
      environmentStreamId(input.name),
      environmentDecider,
      { type: 'CreateEnvironment', data: input, metadata },
      { actor: context.actor, environment: input.name },
    );
    // Someone must administer the new environment (bind connections, promote to it): its creator does,
    // from their next login on. Recorded as an event like any role change.
    // The roles are read from the user's stream (the token's may be older), and written at that version.
    const { state, version } = await this.runner.load(userStreamId(context.user.username), userDecider);
    const roles = state.status === 'registered' ? state.roles : context.user.roles;
    const granted = await this.runner.run(
      userStreamId(context.user.username),
      userDecider,
      {
        type: 'ChangeUserRoles',
        data: { userId: context.user.id, roles: [...roles, { environment: input.name, role: 'admin' }] },
        metadata,
      },
      { actor: context.actor, ifMatch: version },
    );
    return { ...created, position: Math.max(created.position, granted.position) };
  }
}
