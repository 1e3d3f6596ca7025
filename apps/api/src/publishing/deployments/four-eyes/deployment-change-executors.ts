import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FourEyes } from '../../../governance';
import { BindConnectionCommand } from '../bind-connection/bind-connection.command';
import { UnbindConnectionCommand } from '../unbind-connection/unbind-connection.command';
import { type Promotion, PromoteVersionCommand } from '../promote-version/promote-version.command';

/** Approved promotions, bindings and unbindings run the commands their routes run, with the body as it was sent. */
@Injectable()
export class DeploymentChangeExecutors implements OnModuleInit {
  constructor(
    private readonly fourEyes: FourEyes,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.fourEyes.register('promote', ({ integrationId, body }, context) =>
      this.commands.execute(new PromoteVersionCommand(integrationId, body as Promotion, context)),
    );
    this.fourEyes.register('bind', ({ integrationId, body }, context, { environment }) =>
      this.commands.execute(
        new BindConnectionCommand(integrationId, environment, String(body.connectionId), context, {
          ...(typeof body.force === 'boolean' ? { force: body.force } : {}),
          ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
        }),
      ),
    );
    this.fourEyes.register('unbind', ({ integrationId }, context, { environment }) =>
      this.commands.execute(new UnbindConnectionCommand(integrationId, environment, context)),
    );
  }
}
