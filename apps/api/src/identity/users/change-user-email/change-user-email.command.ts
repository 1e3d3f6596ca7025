import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, userDecider, userStreamId } from '@ib/domain';
import { authorizeUserAdministration, authorizeUserChange, maySeeUser } from '../../auth/policy';
import { type RequestContext } from '../../auth/request-context.decorator';
import { UserDirectory } from '../../auth/user-sessions/user-directory';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export class ChangeUserEmailCommand extends Command<CommandOutcome> {
  constructor(
    readonly userId: string,
    /** undefined: the user has no address any more. */
    readonly email: string | undefined,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Sets or clears a user's address. One's own, anyone; another's, who administers every environment they
 * hold a role in (see authorizeUserChange): their mail is where the product tells them what needs them.
 */
@CommandHandler(ChangeUserEmailCommand)
export class ChangeUserEmailHandler implements ICommandHandler<ChangeUserEmailCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly users: UserDirectory,
  ) {}

  async execute({ userId, email, context }: ChangeUserEmailCommand) {
    const own = userId === context.user.id;
    // Refused before the lookup, so whether the id exists tells a non-administrator nothing.
    if (!own) authorizeUserAdministration(context.user);
    const current = await this.users.current(userId);
    if (current === undefined || !maySeeUser(context.user, { id: userId, roles: current.roles }))
      throw new NotFoundError('USER.NOT_FOUND', `User ${userId} does not exist`);
    if (!own) authorizeUserChange(context.user, current);
    return this.runner.run(
      userStreamId(current.username),
      userDecider,
      () => ({ type: 'ChangeUserEmail', data: { userId, ...(email === undefined ? {} : { email }) } }),
      context,
    );
  }
}
