import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ConnectionDetails, type Provider, connectionDecider, connectionStreamId } from '@ib/domain';
import { authorize, type RequestContext } from '../../identity';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';
import { assertConnectionDetails } from './connection-details-check';

export type CreateConnectionInput = Readonly<{
  environment: string;
  name: string;
  provider: Provider;
  details: ConnectionDetails;
  password?: string;
}>;

export class CreateConnectionCommand extends Command<CommandOutcome & { connectionId: string }> {
  constructor(
    readonly input: CreateConnectionInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Administrators create connections; the password goes to the secret store and only its reference into the event. */
@CommandHandler(CreateConnectionCommand)
export class CreateConnectionHandler implements ICommandHandler<CreateConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ input, context }: CreateConnectionCommand) {
    authorize(context.user, 'connection.create', input.environment);
    assertConnectionDetails(this.config.sqliteDatabasesDir, input, 'CONNECTION.INVALID');
    const connectionId = context.ids.next();
    // A retry of a request that created the connection answers it, and stores no second copy of the password.
    const recorded = await this.runner.recorded(
      connectionStreamId(connectionId),
      connectionDecider,
      context.actor,
    );
    if (recorded) return { ...recorded, connectionId };
    const { password, ...rest } = input;
    const secretRef = password ? await this.secrets.put(password) : undefined;
    try {
      const outcome = await this.runner.run(
        connectionStreamId(connectionId),
        connectionDecider,
        () => ({
          type: 'CreateConnection',
          data: { connectionId, ...rest, ...(secretRef ? { secretRef } : {}) },
          metadata: { environment: input.environment },
        }),
        { actor: context.actor },
      );
      return { ...outcome, connectionId };
    } catch (error) {
      // Nothing refers to the secret if the command failed: destroy it rather than leave it behind.
      if (secretRef) await this.secrets.shred(secretRef);
      throw error;
    }
  }
}
