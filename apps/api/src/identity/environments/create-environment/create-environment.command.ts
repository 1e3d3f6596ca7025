import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type EnvironmentKind,
  IllegalStateError,
  environmentDecider,
  environmentStreamId,
  userDecider,
  userStreamId,
} from '@ib/domain';
import { authorize } from '../../auth/policy';
import { type RequestContext } from '../../auth/request-context.decorator';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { ReadModel } from '../../../read-model';

export type CreateEnvironmentInput = Readonly<{
  name: string;
  kind: EnvironmentKind;
  address?: string;
  /** A second development environment is created only when asked for on purpose. */
  anotherDevelopment?: boolean;
}>;

export class CreateEnvironmentCommand extends Command<CommandOutcome> {
  constructor(
    readonly input: CreateEnvironmentInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Environments belong to the installation: its owners add them (QA, production). There is one builder
 * (development) environment unless an owner asks for another on purpose.
 */
@CommandHandler(CreateEnvironmentCommand)
export class CreateEnvironmentHandler implements ICommandHandler<CreateEnvironmentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly readModel: ReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: CreateEnvironmentCommand) {
    authorize(context.user, 'environment.create');
    if (input.kind === 'development' && input.anotherDevelopment !== true) {
      const existing = (await this.readModel.listEnvironments()).items.find(
        (environment) => environment.kind === 'development' && environment.name !== input.name,
      );
      if (existing !== undefined)
        throw new IllegalStateError(
          'ENVIRONMENT.DEVELOPMENT_EXISTS',
          `Integrations are built in '${existing.name}'; set anotherDevelopment to add a second development environment on purpose`,
        );
    }
    const metadata = { actorId: context.user.id, now: this.clock.now() };
    const { name, kind, address } = input;
    const created = await this.runner.run(
      environmentStreamId(input.name),
      environmentDecider,
      {
        type: 'CreateEnvironment',
        data: { name, kind, ...(address === undefined ? {} : { address }) },
        metadata,
      },
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
