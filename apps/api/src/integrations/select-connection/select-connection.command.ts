import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { ConnectionAccess } from '../../connections';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';

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
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly connections: ConnectionAccess,
  ) {}

  async execute({ integrationId, connectionId, context }: SelectConnectionCommand) {
    const connection = await this.connections.viewable(context.user, connectionId);
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => ({
        type: 'SelectConnection',
        data: {
          integrationId,
          connectionId: connection.connectionId,
          connectionProvider: connection.provider,
          connectionEnvironment: connection.environment,
        },
        metadata: await builderMetadata(this.environments, context.user, integrationId, state),
      }),
      context,
    );
  }
}
