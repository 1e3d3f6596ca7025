import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type NotificationKind, type UserCommand, userDecider, userStreamId } from '@ib/domain';
import { type RequestContext } from '../../auth/request-context.decorator';
import { allOf } from '../../../infrastructure/command-handling/all-of';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

/** Each field left out stays as it is; `email: null` clears the address. */
export type MyProfileChange = Readonly<{
  email?: string | null;
  notifications?: Readonly<{ email: readonly NotificationKind[] }>;
}>;

export class ChangeMyProfileCommand extends Command<CommandOutcome> {
  constructor(
    readonly change: MyProfileChange,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * The caller's own address and notification settings. Anyone logged in may, auditors included: it
 * changes nothing of an environment, only how the product reaches them. Both changes are appended
 * together or not at all (a malformed address keeps the settings from changing too).
 */
@CommandHandler(ChangeMyProfileCommand)
export class ChangeMyProfileHandler implements ICommandHandler<ChangeMyProfileCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ change, context }: ChangeMyProfileCommand) {
    const { id: userId, username } = context.user;
    const commands: Omit<UserCommand, 'metadata'>[] = [];
    if (change.email !== undefined)
      commands.push({
        type: 'ChangeUserEmail',
        data: { userId, ...(change.email === null ? {} : { email: change.email }) },
      });
    if (change.notifications !== undefined)
      commands.push({
        type: 'ChangeNotificationSettings',
        data: { userId, emailKinds: change.notifications.email },
      });
    return this.runner.run(
      userStreamId(username),
      allOf(userDecider),
      () => ({ type: 'AllOf', data: { commands } }),
      context,
    );
  }
}
