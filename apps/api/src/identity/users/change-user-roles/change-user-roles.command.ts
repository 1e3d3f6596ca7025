import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IllegalStateError, NotFoundError, type RoleGrant, userDecider, userStreamId } from '@ib/domain';
import { authorize, maySeeUser } from '../../auth/policy';
import { type RequestContext } from '../../auth/request-context.decorator';
import { UserDirectory } from '../../auth/user-sessions/user-directory';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export type ChangeUserRolesInput = Readonly<{ roles: readonly RoleGrant[]; owner?: boolean }>;

export class ChangeUserRolesCommand extends Command<CommandOutcome> {
  constructor(
    readonly userId: string,
    readonly input: ChangeUserRolesInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

const key = ({ environment, role }: RoleGrant) => `${environment}\u0000${role}`;

/**
 * Replaces a user's role grants. Each environment whose grants change needs its administrator; the
 * owner role needs an owner. Withdrawing anything ends the user's sessions (see the user decider).
 */
@CommandHandler(ChangeUserRolesCommand)
export class ChangeUserRolesHandler implements ICommandHandler<ChangeUserRolesCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly users: UserDirectory,
  ) {}

  async execute({ userId, input, context }: ChangeUserRolesCommand) {
    const current = await this.users.current(userId);
    if (current === undefined || !maySeeUser(context.user, { id: userId, roles: current.roles }))
      throw new NotFoundError('USER.NOT_FOUND', `User ${userId} does not exist`);
    const before = new Set(current.roles.map(key));
    const after = new Set(input.roles.map(key));
    const changed = [
      ...current.roles.filter((grant) => !after.has(key(grant))),
      ...input.roles.filter((grant) => !before.has(key(grant))),
    ];
    for (const environment of new Set(changed.map((grant) => grant.environment)))
      authorize(context.user, 'user.grant', environment);
    if (input.owner !== undefined && input.owner !== current.owner)
      authorize(context.user, 'user.grant-owner');
    // Without an owner nobody could add an environment or grant the role again.
    if (input.owner === false && current.owner && (await this.users.ownerCount()) <= 1)
      throw new IllegalStateError(
        'USER.LAST_OWNER',
        `${current.username} is the last owner of the installation; make someone else an owner first`,
      );
    return this.runner.run(
      userStreamId(current.username),
      userDecider,
      () => ({
        type: 'ChangeUserRoles',
        data: { userId, roles: input.roles, ...(input.owner === undefined ? {} : { owner: input.owner }) },
      }),
      context,
    );
  }
}
