import { Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '@ib/domain';
import { authorize } from '../../auth/policy';
import { ApiKeyHashStore } from '../../auth/crypto/api-key-hash-store.port';
import { type RequestContext } from '../../auth/request-context.decorator';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';

export type RevokeApiKeyInput = Readonly<{ environment: string; keyId: string }>;

export class RevokeApiKeyCommand extends Command<CommandOutcome> {
  constructor(
    readonly input: RevokeApiKeyInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The event revokes the key (the verifier refuses it from then on); the hash is dropped as it is no longer needed. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly runner: CommandRunner,
    private readonly hashes: ApiKeyHashStore,
  ) {}

  async execute({ input, context }: RevokeApiKeyCommand): Promise<CommandOutcome> {
    authorize(context.user, 'api-key.manage', input.environment);
    const outcome = await this.runner.run(
      apiKeyStreamId(input.keyId),
      apiKeyDecider,
      () => ({
        type: 'RevokeApiKey',
        data: { keyId: input.keyId, environment: input.environment },
        metadata: { environment: input.environment },
      }),
      { actor: context.actor },
    );
    // Also after a repeated revocation, so a retry removes a hash an earlier failure left behind.
    try {
      await this.hashes.delete(input.keyId);
    } catch (error) {
      // The revocation is recorded and holds without this; failing the request would say otherwise.
      this.logger.warn(
        `The hash of revoked API key ${input.keyId} stays until the next revocation: ${(error as Error).name}`,
      );
    }
    return outcome;
  }
}
