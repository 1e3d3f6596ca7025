import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoleGrant, userDecider, userStreamId } from '@ib/domain';
import { authorize } from '../../auth/policy';
import { CredentialStore, PasswordHasher } from '../../auth/crypto';
import { type RequestContext } from '../../auth/request-context.decorator';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export type CreateUserInput = Readonly<{
  username: string;
  password: string;
  displayName?: string;
  roles: readonly RoleGrant[];
  owner?: boolean;
  email?: string;
}>;

export class CreateUserCommand extends Command<CommandOutcome & { userId: string }> {
  constructor(
    readonly input: CreateUserInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** An administrator grants only roles in environments they administer; only an owner makes an owner. */
@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
  ) {}

  async execute({ input, context }: CreateUserCommand) {
    for (const grant of input.roles) authorize(context.user, 'user.grant', grant.environment);
    if (input.owner === true) authorize(context.user, 'user.grant-owner');
    const userId = context.ids.next();
    // A retry of a request that registered the user answers it, leaving the password hash as it is now.
    const recorded = await this.runner.recorded(userStreamId(input.username), userDecider, context.actor);
    if (recorded) return { ...recorded, userId };
    // The hash is stored first under a fresh id: if the append then fails, an unreferenced row is harmless.
    await this.credentials.set(userId, await this.hasher.hash(input.password));
    const outcome = await this.runner.run(
      userStreamId(input.username),
      userDecider,
      () => ({
        type: 'RegisterUser',
        data: {
          userId,
          username: input.username,
          displayName: input.displayName,
          roles: input.roles,
          ...(input.owner === undefined ? {} : { owner: input.owner }),
          ...(input.email === undefined ? {} : { email: input.email }),
        },
      }),
      { actor: context.actor },
    );
    return { ...outcome, userId };
  }
}
