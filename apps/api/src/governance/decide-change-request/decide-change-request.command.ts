import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ChangeRequest,
  type ChangeRequestCommand,
  ConcurrencyError,
  IllegalStateError,
  NotFoundError,
  StaleVersionError,
  changeRequestDecider,
  changeRequestStreamId,
  decisionOf,
} from '@ib/domain';
import { ActorNames, authorize, type RequestContext } from '../../identity';
import {
  CommandRunner,
  type CommandOutcome,
  type Unstamped,
} from '../../infrastructure/command-handling/command-runner';
import { mayReadChangeRequest } from '../change-request-queries/change-request-views';
import { ApprovedChanges } from './approved-changes';

export type ChangeDecision =
  Readonly<{ kind: 'approve' }> | Readonly<{ kind: 'reject'; reason: string }> | Readonly<{ kind: 'cancel' }>;

export class DecideChangeRequestCommand extends Command<CommandOutcome<ChangeRequest>> {
  constructor(
    readonly changeRequestId: string,
    readonly decision: ChangeDecision,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Approve (another administrator of the environment: the change then runs), reject with a reason (an
 * administrator there) or cancel (the requester). The decision is appended at the version read, so of
 * two approvals at once one wins and runs the change; the other is a 409 that ran nothing.
 */
@CommandHandler(DecideChangeRequestCommand)
export class DecideChangeRequestHandler implements ICommandHandler<DecideChangeRequestCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly names: ActorNames,
    private readonly approved: ApprovedChanges,
  ) {}

  async execute({ changeRequestId, decision, context }: DecideChangeRequestCommand) {
    const stream = changeRequestStreamId(changeRequestId);
    const { state } = await this.runner.load(stream, changeRequestDecider);
    // One the caller may not see does not exist for them.
    if (state.status === 'none' || !mayReadChangeRequest(context.user, state))
      throw new NotFoundError('CHANGE_REQUEST.NOT_FOUND', `Change request ${changeRequestId} does not exist`);
    if (decision.kind !== 'cancel') authorize(context.user, 'change-request.decide', state.environment);
    let outcome: CommandOutcome<ChangeRequest>;
    try {
      outcome = await this.runner.run(
        stream,
        changeRequestDecider,
        (current) => {
          if (current.status !== 'none' && current.status !== 'pending') throw this.decidedAlready(current);
          return this.commandOf(changeRequestId, decision, state.environment);
        },
        context,
      );
    } catch (error) {
      // Another decision was appended since this one read the request: it lost, and ran nothing.
      if (error instanceof ConcurrencyError && !(error instanceof StaleVersionError)) {
        const { state: now } = await this.runner.load(stream, changeRequestDecider);
        if (now.status !== 'none' && now.status !== 'pending') throw await this.named(now);
      }
      if (error instanceof DecidedAlready) throw await this.named(error.state);
      throw error;
    }
    if (decision.kind !== 'approve') return outcome;
    return (await this.approved.apply(changeRequestId, context)) ?? outcome;
  }

  private commandOf(
    changeRequestId: string,
    decision: ChangeDecision,
    environment: string,
  ): Unstamped<ChangeRequestCommand> {
    const metadata = { environment };
    switch (decision.kind) {
      case 'approve':
        return { type: 'ApproveChange', data: { changeRequestId }, metadata };
      case 'reject':
        return { type: 'RejectChange', data: { changeRequestId, reason: decision.reason }, metadata };
      case 'cancel':
        return { type: 'CancelChange', data: { changeRequestId }, metadata };
    }
  }

  private decidedAlready(state: Exclude<ChangeRequest, { status: 'none' | 'pending' }>) {
    return new DecidedAlready(state);
  }

  /** "already approved by ann at ...": who decided first, by their name. */
  private async named(state: Exclude<ChangeRequest, { status: 'none' | 'pending' }>) {
    const { decision, by, at } = decisionOf(state);
    const names = await this.names.of([by]);
    return new IllegalStateError(
      'CHANGE_REQUEST.NOT_PENDING',
      `Change request ${state.changeRequestId} was already ${decision} by ${names.get(by) ?? by} at ${at}`,
    );
  }
}

/** Thrown inside the command factory so the name of who decided is looked up outside it. */
class DecidedAlready extends Error {
  constructor(readonly state: Exclude<ChangeRequest, { status: 'none' | 'pending' }>) {
    super('decided already');
  }
}
