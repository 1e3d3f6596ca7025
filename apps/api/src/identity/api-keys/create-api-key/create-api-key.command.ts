import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ApiKeyCreated, type ApiKeyScope, apiKeyDecider, apiKeyStreamId } from '@ib/domain';
import { authorize } from '../../auth/policy';
import { ApiKeyHashStore } from '../../auth/crypto/api-key-hash-store.port';
import { type RequestContext } from '../../auth/request-context.decorator';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CommandRunner, type CommandOutcome } from '../../../infrastructure/command-handling/command-runner';
import { generateApiKey } from '../api-key-material';

export type CreateApiKeyInput = Readonly<{
  environment: string;
  appName: string;
  label?: string;
  scope?: ApiKeyScope;
}>;

/** `key` is absent when a retried Idempotency-Key answers a key created earlier: it is shown once only. */
export type CreatedApiKey = CommandOutcome & Readonly<{ apiKey: ApiKeyCreated['data']; key?: string }>;

export class CreateApiKeyCommand extends Command<CreatedApiKey> {
  constructor(
    readonly input: CreateApiKeyInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Admins of an environment give apps keys to its data API. Only the key's hash is kept (in the
 * credential file); the key itself is returned once, to be handed to the app.
 */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly hashes: ApiKeyHashStore,
  ) {}

  async execute({ input, context }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    // Existence first: nobody administers an environment that does not exist, so 403 would mislead.
    await this.environments.kindOf(input.environment);
    authorize(context.user, 'api-key.manage', input.environment);
    const keyId = context.ids.next();
    // Never derived nor stored, the key cannot be shown again: a retry answers the created key without it.
    const recorded = await this.runner.recorded(apiKeyStreamId(keyId), apiKeyDecider, context.actor);
    if (recorded) return { ...recorded, apiKey: (recorded.events[0] as ApiKeyCreated).data };
    const { key, hint, hash } = generateApiKey(keyId);
    // The hash goes first: a key whose event is stored must verify from its first use.
    // A hash already there is from an attempt that died before its event was stored: its key was never shown.
    await this.hashes.delete(keyId);
    await this.hashes.set(keyId, hash);
    let outcome: CommandOutcome;
    try {
      outcome = await this.runner.run(
        apiKeyStreamId(keyId),
        apiKeyDecider,
        () => ({
          type: 'CreateApiKey',
          data: {
            keyId,
            environment: input.environment,
            appName: input.appName,
            label: input.label,
            hint,
            ...(input.scope === undefined ? {} : { scope: input.scope }),
          },
          metadata: { environment: input.environment },
        }),
        { actor: context.actor },
      );
    } catch (error) {
      await this.forget(keyId);
      throw error;
    }
    const [created] = outcome.events as ApiKeyCreated[];
    return { ...outcome, apiKey: created.data, key };
  }

  /** No event refers to the hash: drop it. A hash left behind opens nothing, so its failure must not hide the first one. */
  private async forget(keyId: string): Promise<void> {
    try {
      await this.hashes.delete(keyId);
    } catch {
      // The original error is the one the caller needs.
    }
  }
}
