import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { connectionRequestDecider, connectionRequestStreamId } from '@ib/domain';
import { authorize, type RequestContext } from '../../identity';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { type CreateConnectionInput } from '../create-connection/create-connection.command';
import { assertConnectionDetails } from '../create-connection/connection-details-check';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';

export type RequestConnectionInput = CreateConnectionInput & Readonly<{ note?: string }>;

export class RequestConnectionCommand extends Command<CommandOutcome & { requestId: string }> {
  constructor(
    readonly input: RequestConnectionInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Anyone with a role in the environment may ask an administrator for a connection. */
@CommandHandler(RequestConnectionCommand)
export class RequestConnectionHandler implements ICommandHandler<RequestConnectionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ input, context }: RequestConnectionCommand) {
    authorize(context.user, 'connection-request.create', input.environment);
    assertConnectionDetails(this.config.sqliteDatabasesDir, input, 'CONNECTION_REQUEST.INVALID');
    const requestId = context.ids.next();
    // A retry of a request already recorded answers it, and stores no second copy of the password.
    const recorded = await this.runner.recorded(
      connectionRequestStreamId(requestId),
      connectionRequestDecider,
      context.actor,
    );
    if (recorded) return { ...recorded, requestId };
    const { password, ...rest } = input;
    const secretRef = password ? await this.secrets.put(password) : undefined;
    try {
      const outcome = await this.runner.run(
        connectionRequestStreamId(requestId),
        connectionRequestDecider,
        () => ({
          type: 'RequestConnection',
          data: { requestId, ...rest, ...(secretRef ? { secretRef } : {}) },
          metadata: { environment: input.environment },
        }),
        { actor: context.actor },
      );
      return { ...outcome, requestId };
    } catch (error) {
      if (secretRef) await this.secrets.shred(secretRef);
      throw error;
    }
  }
}
