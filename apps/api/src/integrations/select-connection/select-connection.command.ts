import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../identity';
import { ConnectionAccess } from '../../connections';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';

export class SelectConnectionCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly connectionId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(SelectConnectionCommand)
export class SelectConnectionHandler implements ICommandHandler<SelectConnectionCommand> {
  constructor(
    private readonly integrations: IntegrationCommands,
    private readonly connections: ConnectionAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ integrationId, connectionId, context }: SelectConnectionCommand) {
    const connection = await this.connections.viewable(context.user, connectionId);
    return this.integrations.run(
      integrationId,
      {
        type: 'SelectConnection',
        data: {
          integrationId,
          connectionId: connection.connectionId,
          connectionProvider: connection.provider,
          connectionEnvironment: connection.environment,
        },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
