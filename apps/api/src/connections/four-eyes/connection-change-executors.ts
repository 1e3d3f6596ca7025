import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FourEyes } from '../../governance';
import { ChangeConnectionCommand } from '../change-connection/change-connection.command';
import { CreateConnectionCommand } from '../create-connection/create-connection.command';
import { DeleteConnectionCommand } from '../delete-connection/delete-connection.command';
import { RotateConnectionPasswordCommand } from '../rotate-connection-password/rotate-connection-password.command';

/** Approved connection changes run the commands their routes run, with the password they sealed. */
@Injectable()
export class ConnectionChangeExecutors implements OnModuleInit {
  constructor(
    private readonly fourEyes: FourEyes,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.fourEyes.register('create-connection', ({ connection }, context, { environment, secret }) =>
      this.commands.execute(
        new CreateConnectionCommand(
          { ...connection, environment, ...(secret === undefined ? {} : { password: secret }) },
          context,
        ),
      ),
    );
    this.fourEyes.register('edit-connection', ({ connectionId, edit }, context) =>
      this.commands.execute(new ChangeConnectionCommand(connectionId, edit, context)),
    );
    this.fourEyes.register('rotate-password', ({ connectionId }, context, { secret }) => {
      if (secret === undefined) throw new Error('A password change without its password');
      return this.commands.execute(new RotateConnectionPasswordCommand(connectionId, secret, context));
    });
    this.fourEyes.register('delete-connection', ({ connectionId }, context) =>
      this.commands.execute(new DeleteConnectionCommand(connectionId, context)),
    );
  }
}
