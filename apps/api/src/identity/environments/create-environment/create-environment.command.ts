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
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { EnvironmentViews } from '../environment-queries/environment-views';

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
    private readonly environments: EnvironmentViews,
  ) {}

  async execute({ input, context }: CreateEnvironmentCommand) {
    authorize(context.user, 'environment.create');
    if (input.kind === 'development' && input.anotherDevelopment !== true) {
      const existing = await this.environments.otherDevelopment(input.name);
      if (existing !== undefined)
        throw new IllegalStateError(
          'ENVIRONMENT.DEVELOPMENT_EXISTS',
          `Integrations are built in '${existing.name}'; set anotherDevelopment to add a second development environment on purpose`,
        );
    }
    const { name, kind, address } = input;
    const created = await this.runner.run(
      environmentStreamId(input.name),
      environmentDecider,
      () => ({
        type: 'CreateEnvironment',
        data: { name, kind, ...(address === undefined ? {} : { address }) },
        metadata: { environment: input.name },
      }),
      { actor: context.actor },
    );
    // Someone must administer the new environment (bind connections, promote to it): its creator does,
    // from their next login on. Recorded as an event like any role change.
    // The roles are those of the user's stream (the token's may be older), written at the version read.
    const granted = await this.runner.run(
      userStreamId(context.user.username),
      userDecider,
      (user) => ({
        type: 'ChangeUserRoles',
        data: {
          userId: context.user.id,
          roles: [
            ...(user.status === 'registered' ? user.roles : context.user.roles),
            { environment: input.name, role: 'admin' },
          ],
        },
      }),
      { actor: context.actor },
    );
    return { ...created, position: Math.max(created.position, granted.position) };
  }
}
