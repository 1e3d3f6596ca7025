import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IllegalStateError, NotFoundError, type RoleGrant, userDecider, userStreamId } from '@ib/domain';
import { authorize, authorizeUserAdministration, authorizeUserChange, maySeeUser } from '../../auth/policy';
import { type RequestContext } from '../../auth/request-context.decorator';
import { UserDirectory } from '../../auth/user-sessions/user-directory';
import { type UserSessionView } from '../../auth/user-sessions/user-sessions.projection';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

/**
 * What to change about a user, each part absent: unchanged. `roles` replaces every grant (with `owner`
 * the installation role); `email: null` clears the address; `disabled` disables or enables them.
 */
export type UserChanges = Readonly<{
  roles?: readonly RoleGrant[];
  owner?: boolean;
  email?: string | null;
  disabled?: boolean;
}>;

export class ChangeUserCommand extends Command<CommandOutcome> {
  constructor(
    readonly userId: string,
    readonly changes: UserChanges,
    readonly context: RequestContext,
  ) {
    super();
  }
}

const key = ({ environment, role }: RoleGrant) => `${environment}\u0000${role}`;

/** The environments whose grants differ between `before` and `after`. */
const environmentsChanged = (before: readonly RoleGrant[], after: readonly RoleGrant[]): Set<string> => {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return new Set(
    [...before.filter((grant) => !has.has(key(grant))), ...after.filter((grant) => !had.has(key(grant)))].map(
      (grant) => grant.environment,
    ),
  );
};

/**
 * Changes a user, every part or none (one decision, one append). Who may:
 * - grants: the administrator of each environment whose grants change; the owner role: an owner
 *   (withdrawing anything ends the user's sessions, see the user decider);
 * - the address and disabling or enabling, which are the user's in every environment they hold a role
 *   in: one's own address, anyone; another's, see authorizeUserChange.
 * Nobody disables themselves (the decider says so), and the installation keeps an owner who can log in.
 */
@CommandHandler(ChangeUserCommand)
export class ChangeUserHandler implements ICommandHandler<ChangeUserCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly users: UserDirectory,
  ) {}

  async execute({ userId, changes, context }: ChangeUserCommand) {
    const own = userId === context.user.id;
    const wholeUser = !own && (changes.email !== undefined || changes.disabled !== undefined);
    // Refused before the lookup, so whether the id exists tells a non-administrator nothing.
    if (wholeUser) authorizeUserAdministration(context.user);
    const current = await this.users.current(userId);
    if (current === undefined || !maySeeUser(context.user, { id: userId, roles: current.roles }))
      throw new NotFoundError('USER.NOT_FOUND', `User ${userId} does not exist`);
    if (wholeUser) authorizeUserChange(context.user, current);
    if (changes.roles !== undefined)
      for (const environment of environmentsChanged(current.roles, changes.roles))
        authorize(context.user, 'user.grant', environment);
    if (changes.owner !== undefined && changes.owner !== current.owner)
      authorize(context.user, 'user.grant-owner');
    await this.keepAnOwner(current, own ? { ...changes, disabled: undefined } : changes);
    return this.runner.run(
      userStreamId(current.username),
      userDecider,
      () => ({ type: 'ChangeUser', data: { userId, ...changes } }),
      context,
    );
  }

  /**
   * Without an owner who can log in, nobody could add an environment or grant the role again. (Disabling
   * oneself is left to the decider, which refuses it whoever one is.)
   */
  private async keepAnOwner(current: UserSessionView, changes: UserChanges): Promise<void> {
    if (!current.owner || current.disabled) return;
    const withdrawn = changes.owner === false;
    const disabled = changes.disabled === true;
    if (!withdrawn && !disabled) return;
    if ((await this.users.ownerCount()) > 1) return;
    throw new IllegalStateError(
      'USER.LAST_OWNER',
      `${current.username} is the last owner of the installation; make someone else an owner first`,
    );
  }
}
