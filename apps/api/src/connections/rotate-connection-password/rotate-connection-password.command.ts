import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Connection, NotFoundError, connectionDecider, connectionStreamId } from '@ib/domain';
import { type RequestContext } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';
import { OpenConnectors } from '../connection-access/open-connectors';
import { administeredConnection } from '../connection-administration';

export class RotateConnectionPasswordCommand extends Command<CommandOutcome<Connection>> {
  constructor(
    readonly connectionId: string,
    readonly password: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * A new password for a connection: stored as a new secret, whose reference replaces the old one in the
 * connection. The old secret is destroyed by the SecretShreddingReactor once the rotation is recorded,
 * so a crash here cannot leave it readable.
 */
@CommandHandler(RotateConnectionPasswordCommand)
export class RotateConnectionPasswordHandler implements ICommandHandler<RotateConnectionPasswordCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly secrets: SecretStore,
    private readonly connectors: OpenConnectors,
  ) {}

  async execute({ connectionId, password, context }: RotateConnectionPasswordCommand) {
    const stream = connectionStreamId(connectionId);
    // Refused before anything is stored: no secret is kept for a caller who may not rotate.
    const { state } = await this.runner.load(stream, connectionDecider);
    administeredConnection(state, connectionId, context.user);
    if (state.status !== 'active')
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);
    const secretRef = await this.secrets.put(password);
    let outcome: CommandOutcome<Connection>;
    try {
      outcome = await this.runner.run(
        stream,
        connectionDecider,
        (current) => ({
          type: 'RotateConnectionPassword',
          data: { connectionId, secretRef },
          metadata: administeredConnection(current, connectionId, context.user),
        }),
        context,
      );
    } catch (error) {
      // Nothing refers to the new secret if the rotation failed: destroy it rather than leave it behind.
      await this.secrets.shred(secretRef);
      throw error;
    }
    this.connectors.release(connectionId);
    return outcome;
  }
}
