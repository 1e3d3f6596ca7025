import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ApprovedChangeRequest,
  type ChangeRequest,
  DomainError,
  changeRequestDecider,
  changeRequestStreamId,
  secretRefOf,
} from '@ib/domain';
import { Authenticator, type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { mapError } from '../../infrastructure/http/error-mapping';
import { freshIds } from '../../infrastructure/ids';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';
import { FourEyes } from '../four-eyes/four-eyes';

type Outcome = Readonly<{ applied: true }> | Readonly<{ applied: false; code: string; message: string }>;

/**
 * Runs an approved change once, then records what came of it. The change runs as its requester with
 * their rights of the moment (one who lost them meanwhile is refused, and the change fails); its events
 * name the requester as actor, the change request as correlation and the approving call as causation,
 * so the log tells who asked and that someone else approved.
 */
@Injectable()
export class ApprovedChanges {
  private readonly logger = new Logger(ApprovedChanges.name);

  constructor(
    private readonly runner: CommandRunner,
    private readonly fourEyes: FourEyes,
    private readonly authenticator: Authenticator,
    private readonly secrets: SecretStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Undefined when the request is not (or no longer) approved: nothing ran. */
  async apply(
    changeRequestId: string,
    approval: RequestContext,
  ): Promise<CommandOutcome<ChangeRequest> | undefined> {
    const stream = changeRequestStreamId(changeRequestId);
    const { state } = await this.runner.load(stream, changeRequestDecider);
    if (state.status !== 'approved') return undefined;
    const outcome = await this.run(state, approval);
    return this.runner.run(
      stream,
      changeRequestDecider,
      () => ({
        type: 'RecordChangeOutcome',
        data: { changeRequestId, outcome },
        metadata: { environment: state.environment },
      }),
      { actor: approval.actor },
    );
  }

  private async run(request: ApprovedChangeRequest, approval: RequestContext): Promise<Outcome> {
    const { change, changeRequestId, environment, requestedBy } = request;
    try {
      const executor = this.fourEyes.executorOf(change.kind);
      if (executor === undefined)
        return {
          applied: false,
          code: 'FOUR_EYES.NO_EXECUTOR',
          message: `Nothing runs a ${change.kind} change`,
        };
      const requester = await this.authenticator.currentUser(requestedBy, environment);
      if (requester === undefined)
        return {
          applied: false,
          code: 'FOUR_EYES.REQUESTER_GONE',
          message: 'The requester is disabled or no longer exists',
        };
      const secretRef = secretRefOf(change);
      const secret = secretRef === undefined ? undefined : await this.secrets.get(secretRef);
      const context: RequestContext = {
        user: requester,
        actor: {
          userId: requester.id,
          correlationId: changeRequestId,
          causationId: approval.actor.causationId,
        },
        ...('ifMatch' in change && change.ifMatch !== undefined ? { ifMatch: change.ifMatch } : {}),
        ids: freshIds(this.clock),
        approvedChange: changeRequestId,
      };
      await executor(change, context, { environment, ...(secret === undefined ? {} : { secret }) });
      return { applied: true };
    } catch (error) {
      if (error instanceof DomainError) return { applied: false, code: error.code, message: error.message };
      const { problem, unexpected } = mapError(error);
      if (unexpected) {
        // The class and stack only: a change may carry a password on its way to the command.
        const err = error instanceof Error ? error : new Error(String(error));
        this.logger.error(`Change request ${changeRequestId} failed to run: ${err.name}`, err.stack);
        return { applied: false, code: 'FOUR_EYES.CHANGE_FAILED', message: 'The change failed to run' };
      }
      return { applied: false, code: problem.code, message: problem.detail ?? problem.title };
    }
  }
}
