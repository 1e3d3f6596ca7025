import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationError, userDecider, userStreamId } from '@ib/domain';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { TooManyAttempts } from '../../../infrastructure/access/access-errors';
import { CredentialStore, PasswordHasher } from '../crypto';
import { LoginThrottle } from '../login/login-throttle';
import { RefreshSessions } from '../refresh/refresh-sessions';
import { type RequestContext } from '../request-context.decorator';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly currentPassword: string,
    readonly newPassword: string,
    /** The client's network address, for throttling. */
    readonly address: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * The caller chooses a new password, proving the current one (a one-time one an administrator set, or
 * their own). Wrong current passwords count as failed logins, so a stolen token cannot guess one
 * faster than the login form could. Every session ends, this one too, with its refresh tokens: the
 * caller logs in again.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
    private readonly throttle: LoginThrottle,
    private readonly sessions: RefreshSessions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ currentPassword, newPassword, address, context }: ChangePasswordCommand): Promise<void> {
    const { id, username } = context.user;
    const wait = this.throttle.retryAfterSeconds(username, address, this.clock.now());
    if (wait > 0)
      throw new TooManyAttempts(
        'AUTH.TOO_MANY_ATTEMPTS',
        `Too many wrong passwords; try again in ${wait} seconds`,
        wait,
      );
    if (!(await this.hasher.verify(currentPassword, await this.credentials.get(id)))) {
      this.throttle.recordFailure(username, address, this.clock.now());
      throw new ValidationError('AUTH.WRONG_PASSWORD', 'The current password is wrong', [
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    this.throttle.recordSuccess(username);
    if (newPassword === currentPassword)
      throw new ValidationError('USER.INVALID', 'The new password is the current one', [
        { field: 'newPassword', message: 'must differ from the current password' },
      ]);
    // The hash first: should the append fail, the new password works and the user is asked again, which
    // is better than sessions ended with the old (maybe one-time) password still the one that works.
    await this.credentials.set(id, await this.hasher.hash(newPassword));
    await this.runner.run(
      userStreamId(username),
      userDecider,
      () => ({ type: 'RecordPasswordChange', data: { userId: id } }),
      { actor: context.actor },
    );
    // The new session version already refuses them; forgetting them frees the store of them now.
    await this.sessions.endAll(id);
  }
}
