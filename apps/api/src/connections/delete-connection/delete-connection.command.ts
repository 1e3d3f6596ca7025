import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Connection, connectionDecider, connectionStreamId } from '@ib/domain';
import { type RequestContext } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { ConnectionBindings } from '../connection-bindings/connection-bindings';
import { OpenConnectors } from '../connection-access/open-connectors';
import { administeredConnection } from '../connection-administration';

export class DeleteConnectionCommand extends Command<CommandOutcome<Connection>> {
  constructor(
    readonly connectionId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Deletes a connection that serves no deployment. Its secret is destroyed by the SecretShreddingReactor
 * once the deletion is recorded; the connection's history stays, its id is never reused.
 */
@CommandHandler(DeleteConnectionCommand)
export class DeleteConnectionHandler implements ICommandHandler<DeleteConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly bindings: ConnectionBindings,
    private readonly connectors: OpenConnectors,
  ) {}

  async execute({ connectionId, context }: DeleteConnectionCommand) {
    const outcome = await this.runner.run(
      connectionStreamId(connectionId),
      connectionDecider,
      async (state) => {
        const metadata = administeredConnection(state, connectionId, context.user);
        const boundIn = state.status === 'active' ? await this.bindings.boundIn(connectionId) : [];
        return { type: 'DeleteConnection', data: { connectionId, boundIn }, metadata };
      },
      context,
    );
    this.connectors.release(connectionId);
    return outcome;
  }
}
