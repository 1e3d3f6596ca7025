import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ConcurrencyError,
  type ConnectionRequest,
  type ConnectionRequestCommand,
  type DecidedConnectionRequest,
  IllegalStateError,
  NotFoundError,
  connectionRequestDecidedAlready,
  connectionRequestDecider,
  connectionRequestDecision,
  connectionRequestStreamId,
} from '@ib/domain';
import { ActorNames, allows, authorize, type RequestContext } from '../../identity';
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

/**
 * Approve and reject are for administrators of the request's environment; cancel for its requester too.
 * A decision on a request decided meanwhile (a tab left open, with its If-Match) is told who decided it
 * and when, by name, rather than which version it missed.
 */
@CommandHandler(DecideConnectionRequestCommand)
export class DecideConnectionRequestHandler implements ICommandHandler<DecideConnectionRequestCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connections: ConnectionFromRequest,
    private readonly names: ActorNames,
  ) {}

  async execute({ requestId, decision, context }: DecideConnectionRequestCommand) {
    // Asked for outside the factory, so every attempt of an idempotent request names the same connection.
    const connectionId = decision.kind === 'approve' ? context.ids.next() : '';
    const stream = connectionRequestStreamId(requestId);
    let outcome: CommandOutcome<ConnectionRequest>;
    try {
      outcome = await this.runner.run(
        stream,
        connectionRequestDecider,
        (state) => decided(requestId, decision, connectionId, state, context),
        context,
      );
    } catch (error) {
      if (!(error instanceof ConcurrencyError || isNotPending(error))) throw error;
      const { state } = await this.runner.load(stream, connectionRequestDecider);
      if (state.status === 'none' || state.status === 'pending') throw error;
      // Only to whoever may decide it: the others are refused as they would be on a pending request.
      decided(requestId, decision, connectionId, state, context);
      throw await this.named(state);
    }
    if (decision.kind !== 'approve' || outcome.state.status !== 'approved') return outcome;
    const position = await this.connections.create(outcome.state, context.actor);
    return { ...outcome, position: Math.max(outcome.position, position) };
  }

  private async named(state: DecidedConnectionRequest) {
    const { by } = connectionRequestDecision(state);
    const names = await this.names.of([by]);
    return connectionRequestDecidedAlready(state, names.get(by) ?? by);
  }
}

const isNotPending = (error: unknown) =>
  error instanceof IllegalStateError && error.code === 'CONNECTION_REQUEST.NOT_PENDING';

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
