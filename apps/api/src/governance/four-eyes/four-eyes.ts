import { Injectable, Logger } from '@nestjs/common';
import {
  type ChangeKind,
  type RequestedChange,
  changeRequestDecider,
  changeRequestStreamId,
  environmentDecider,
  environmentStreamId,
} from '@ib/domain';
import { type RequestContext } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';
import { type ChangeExecutor } from './change-executors';

export type PendingChange = Readonly<{ changeRequestId: string; status: 'pending' }>;

/** A change as a call describes it: its password, if any, is passed apart and sealed here. */
type Described<C> = C extends { secretRef?: string } ? Omit<C, 'secretRef'> : C;
export type DescribedChange = Described<RequestedChange>;

/**
 * Four-eyes, for the calls it governs: where an environment's policy asks for it, the call records a
 * change request instead of changing anything, and answers 202. The call authorises and validates
 * first, as it does when it changes things at once; once another administrator approves, the
 * executor its context registered runs the same command.
 */
@Injectable()
export class FourEyes {
  private readonly logger = new Logger(FourEyes.name);
  private readonly executors = new Map<ChangeKind, ChangeExecutor>();

  constructor(
    private readonly runner: CommandRunner,
    private readonly secrets: SecretStore,
  ) {}

  /** Called once per kind, by the context that owns the command the change stands for. */
  register<K extends ChangeKind>(kind: K, executor: ChangeExecutor<K>): void {
    this.executors.set(kind, executor as unknown as ChangeExecutor);
  }

  executorOf(kind: ChangeKind): ChangeExecutor | undefined {
    return this.executors.get(kind);
  }

  /** The effective policy, from the environment's stream: the source of truth, not a view behind it. */
  async isOn(environment: string): Promise<boolean> {
    const { state } = await this.runner.load(environmentStreamId(environment), environmentDecider);
    return state.status === 'created' && state.fourEyes;
  }

  /**
   * A change request for `change` when `environment` asks for four eyes (and the call is not the
   * approved change itself); undefined when the call should change things at once.
   */
  async intercept(
    context: RequestContext,
    environment: string,
    change: DescribedChange,
    { summary, secret }: Readonly<{ summary: string; secret?: string }>,
  ): Promise<PendingChange | undefined> {
    if (context.approvedChange !== undefined || !(await this.isOn(environment))) return undefined;
    return this.request(context, environment, change, { summary, secret });
  }

  /** Records a change request whatever the policy (switching four-eyes off always takes one). */
  async request(
    context: RequestContext,
    environment: string,
    described: DescribedChange,
    { summary, secret }: Readonly<{ summary: string; secret?: string }>,
  ): Promise<PendingChange> {
    const changeRequestId = context.ids.next();
    const stream = changeRequestStreamId(changeRequestId);
    // A retry of a request that was recorded answers it, and seals no second copy of the password.
    if (await this.runner.recorded(stream, changeRequestDecider, context.actor))
      return { changeRequestId, status: 'pending' };
    const secretRef = secret === undefined ? undefined : await this.secrets.put(secret);
    const change = (secretRef === undefined ? described : { ...described, secretRef }) as RequestedChange;
    try {
      await this.runner.run(
        stream,
        changeRequestDecider,
        () => ({
          type: 'RequestChange',
          data: { changeRequestId, environment, change, summary },
          metadata: { environment },
        }),
        { actor: context.actor },
      );
    } catch (error) {
      // Nothing refers to the secret if the request was not recorded.
      if (secretRef !== undefined) await this.secrets.shred(secretRef);
      throw error;
    }
    this.logger.log(`Change request ${changeRequestId} (${change.kind}) waits for a second administrator`);
    return { changeRequestId, status: 'pending' };
  }
}

/** Answers 202 with the pending change. */
export function pendingAnswer(reply: HttpReply, pending: PendingChange): PendingChange {
  reply.status(202);
  return pending;
}
