import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ConnectionRequest,
  type ConnectionRequestCommand,
  NotFoundError,
  connectionRequestDecider,
  connectionRequestStreamId,
} from '@ib/domain';
import { allows, authorize, type RequestContext } from '../../identity';
import {
  CommandRunner,
  type CommandOutcome,
  type Unstamped,
} from '../../infrastructure/command-handling/command-runner';
import { ConnectionFromRequest } from './connection-from-request';

export type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string } | { kind: 'cancel' };

export class DecideConnectionRequestCommand extends Command<CommandOutcome> {
  constructor(
    readonly requestId: string,
    readonly decision: Decision,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Approve and reject are for administrators of the request's environment; cancel for its requester too. */
@CommandHandler(DecideConnectionRequestCommand)
export class DecideConnectionRequestHandler implements ICommandHandler<DecideConnectionRequestCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connections: ConnectionFromRequest,
  ) {}

  async execute({ requestId, decision, context }: DecideConnectionRequestCommand) {
    // Asked for outside the factory, so every attempt of an idempotent request names the same connection.
    const connectionId = decision.kind === 'approve' ? context.ids.next() : '';
    const outcome = await this.runner.run(
      connectionRequestStreamId(requestId),
      connectionRequestDecider,
      (state) => decided(requestId, decision, connectionId, state, context),
      context,
    );
    if (decision.kind !== 'approve' || outcome.state.status !== 'approved') return outcome;
    const position = await this.connections.create(outcome.state, context.actor);
    return { ...outcome, position: Math.max(outcome.position, position) };
  }
}

/** The decision as a command on the request, once the caller may take it. */
function decided(
  requestId: string,
  decision: Decision,
  connectionId: string,
  state: ConnectionRequest,
  { user }: RequestContext,
): Unstamped<ConnectionRequestCommand> {
  let isAdmin = false;
  if (state.status !== 'none') {
    isAdmin = allows(user, 'connection-request.decide', state.environment);
    // A request the caller may not read does not exist for them, as when they read it.
    const requester =
      state.requestedBy === user.id && allows(user, 'connection-request.create', state.environment);
    if (!isAdmin && !requester)
      throw new NotFoundError(
        'CONNECTION_REQUEST.NOT_FOUND',
        `Connection request ${requestId} does not exist`,
      );
    if (decision.kind !== 'cancel') authorize(user, 'connection-request.decide', state.environment);
  }
  // An unknown request passes without an environment: the decider answers 404.
  const metadata = state.status === 'none' ? {} : { environment: state.environment };
  switch (decision.kind) {
    case 'approve':
      return { type: 'ApproveConnectionRequest', data: { requestId, connectionId }, metadata };
    case 'reject':
      return { type: 'RejectConnectionRequest', data: { requestId, reason: decision.reason }, metadata };
    case 'cancel':
      return { type: 'CancelConnectionRequest', data: { requestId, isAdmin }, metadata };
  }
}
