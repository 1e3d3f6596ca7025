import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { connectionRequestDecider, connectionRequestStreamId } from '@ib/domain';
import { assertMemberOf } from '../../auth/authenticated-user';
import { type RequestContext } from '../../auth/request-context.decorator';
import { type CreateConnectionInput } from '../../connections/create-connection/create-connection.command';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { uuidv7 } from '../../infrastructure/ids';
import { SecretStore } from '../../infrastructure/secrets/secret-store';

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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RequestConnectionCommand) {
    assertMemberOf(context.user, input.environment);
    const now = this.clock.now();
    const requestId = uuidv7(now.getTime());
    const { password, ...rest } = input;
    const secretRef = password ? this.secrets.put(password) : undefined;
    try {
      const outcome = await this.runner.run(
        connectionRequestStreamId(requestId),
        connectionRequestDecider,
        {
          type: 'RequestConnection',
          data: { requestId, ...rest, ...(secretRef ? { secretRef } : {}) },
          metadata: { actorId: context.user.id, now },
        },
        { actor: context.actor, environment: input.environment },
      );
      return { ...outcome, requestId };
    } catch (error) {
      if (secretRef) this.secrets.shred(secretRef);
      throw error;
    }
  }
}
