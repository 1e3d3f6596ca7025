import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ConnectionDetails, type Provider, connectionDecider, connectionStreamId } from '@ib/domain';
import { assertAdminOf } from '../../auth/authenticated-user';
import { type RequestContext } from '../../auth/request-context.decorator';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { uuidv7 } from '../../infrastructure/ids';
import { SecretStore } from '../../infrastructure/secrets/secret-store';

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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: CreateConnectionCommand) {
    assertAdminOf(context.user, input.environment);
    const now = this.clock.now();
    const connectionId = uuidv7(now.getTime());
    const { password, ...rest } = input;
    const secretRef = password ? this.secrets.put(password) : undefined;
    try {
      const outcome = await this.runner.run(
        connectionStreamId(connectionId),
        connectionDecider,
        {
          type: 'CreateConnection',
          data: { connectionId, ...rest, ...(secretRef ? { secretRef } : {}) },
          metadata: { actorId: context.user.id, now },
        },
        { actor: context.actor, environment: input.environment },
      );
      return { ...outcome, connectionId };
    } catch (error) {
      // Nothing refers to the secret if the command failed: destroy it rather than leave it behind.
      if (secretRef) this.secrets.shred(secretRef);
      throw error;
    }
  }
}
