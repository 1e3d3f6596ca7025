import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Connection, type ConnectionDetails, connectionDecider, connectionStreamId } from '@ib/domain';
import { type RequestContext } from '../../identity';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { OpenConnectors } from '../connection-access/open-connectors';
import { administeredConnection } from '../connection-administration';
import { assertConnectionDetails } from '../create-connection/connection-details-check';

/** What the caller changes; what they leave out stays as it is. `details` replaces the details whole. */
export type ChangeConnectionInput = Readonly<{ name?: string; details?: ConnectionDetails }>;

export class ChangeConnectionCommand extends Command<CommandOutcome<Connection>> {
  constructor(
    readonly connectionId: string,
    readonly input: ChangeConnectionInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** A connection's name, details and options, changed by who may create connections in its environment. */
@CommandHandler(ChangeConnectionCommand)
export class ChangeConnectionHandler implements ICommandHandler<ChangeConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connectors: OpenConnectors,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ connectionId, input, context }: ChangeConnectionCommand) {
    const outcome = await this.runner.run(
      connectionStreamId(connectionId),
      connectionDecider,
      (state) => {
        const metadata = administeredConnection(state, connectionId, context.user);
        const current = state.status === 'none' ? undefined : state;
        const details = input.details ?? current?.details ?? {};
        if (current)
          assertConnectionDetails(
            this.config.sqliteDatabasesDir,
            { ...current, details },
            'CONNECTION.INVALID',
          );
        return {
          type: 'ChangeConnectionDetails',
          data: { connectionId, name: input.name ?? current?.name ?? '', details },
          metadata,
        };
      },
      context,
    );
    // Pools opened with the old details are closed here at once; other instances reopen on next use.
    if (outcome.events.length > 0) this.connectors.release(connectionId);
    return outcome;
  }
}
