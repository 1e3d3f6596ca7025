import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '@ib/domain';
import { authorize } from '../../auth/policy';
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

/**
 * The event revokes the key: the verifier refuses it from then on. Its hash stays in the credential
 * store, so an app that keeps calling with the revoked key is told so (403 API_KEY.REVOKED) rather than
 * that its key is wrong; a hash opens nothing once its key is revoked.
 */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ input, context }: RevokeApiKeyCommand): Promise<CommandOutcome> {
    authorize(context.user, 'api-key.manage', input.environment);
    return this.runner.run(
      apiKeyStreamId(input.keyId),
      apiKeyDecider,
      () => ({
        type: 'RevokeApiKey',
        data: { keyId: input.keyId, environment: input.environment },
        metadata: { environment: input.environment },
      }),
      { actor: context.actor },
    );
  }
}
