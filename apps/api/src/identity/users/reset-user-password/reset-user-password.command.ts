import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, userDecider, userStreamId } from '@ib/domain';
import { CredentialStore, PasswordHasher } from '../../auth/crypto';
import { oneTimePassword } from '../../auth/crypto/one-time-password';
import { authorizeUserAdministration, authorizeUserChange, maySeeUser } from '../../auth/policy';
import { type RequestContext } from '../../auth/request-context.decorator';
import { UserDirectory } from '../../auth/user-sessions/user-directory';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';

export type PasswordReset = Readonly<{ oneTimePassword: string }>;

export class ResetUserPasswordCommand extends Command<PasswordReset> {
  constructor(
    readonly userId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Gives a user a one-time password, answered to the administrator only: the event says that it
 * happened, the credential store holds its hash. Who may: as for the user's address (authorizeUserChange),
 * never for oneself (the decider says so). An attempt taking over from one that crashed (same
 * Idempotency-Key) sets another one-time password, the one it answers.
 */
@CommandHandler(ResetUserPasswordCommand)
export class ResetUserPasswordHandler implements ICommandHandler<ResetUserPasswordCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly users: UserDirectory,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
  ) {}

  async execute({ userId, context }: ResetUserPasswordCommand): Promise<PasswordReset> {
    // Refused before the lookup, so whether the id exists tells a non-administrator nothing.
    authorizeUserAdministration(context.user);
    const current = await this.users.current(userId);
    if (current === undefined || !maySeeUser(context.user, { id: userId, roles: current.roles }))
      throw new NotFoundError('USER.NOT_FOUND', `User ${userId} does not exist`);
    authorizeUserChange(context.user, current);
    const password = oneTimePassword();
    const hash = await this.hasher.hash(password);
    // The event first: it ends the sessions and asks for a new password. Should storing the hash then
    // fail, the old password still works but must be changed, and the administrator is told to retry.
    await this.runner.run(
      userStreamId(current.username),
      userDecider,
      () => ({ type: 'ResetUserPassword', data: { userId } }),
      context,
    );
    await this.credentials.set(userId, hash);
    return { oneTimePassword: password };
  }
}
