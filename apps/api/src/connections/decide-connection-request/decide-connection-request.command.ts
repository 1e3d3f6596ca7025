import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ConnectionRequest,
  NotFoundError,
  connectionRequestDecider,
  connectionRequestStreamId,
} from '@ib/domain';
import { allows, authorize, type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ requestId, decision, context }: DecideConnectionRequestCommand) {
    const now = this.clock.now();
    const metadata = { actorId: context.user.id, now };
    const streamId = connectionRequestStreamId(requestId);
    let environment: string | undefined;
    let isAdmin = false;
    const check = (state: ConnectionRequest) => {
      if (state.status === 'none') return; // the decider answers 404
      environment = state.environment;
      isAdmin = allows(context.user, 'connection-request.decide', state.environment);
      // A request the caller may not read does not exist for them, as when they read it.
      const requester =
        state.requestedBy === context.user.id &&
        allows(context.user, 'connection-request.create', environment);
      if (!isAdmin && !requester)
        throw new NotFoundError(
          'CONNECTION_REQUEST.NOT_FOUND',
          `Connection request ${requestId} does not exist`,
        );
      if (decision.kind !== 'cancel') authorize(context.user, 'connection-request.decide', state.environment);
    };
    const options = {
      actor: context.actor,
      ifMatch: context.ifMatch,
      authorize: check,
      get environment() {
        return environment;
      },
    };
    switch (decision.kind) {
      case 'approve': {
        const outcome = await this.runner.run(
          streamId,
          connectionRequestDecider,
          {
            type: 'ApproveConnectionRequest',
            data: { requestId, connectionId: context.ids.next() },
            metadata,
          },
          options,
        );
        const { state } = await this.runner.load(streamId, connectionRequestDecider);
        if (state.status !== 'approved') return outcome;
        const position = await this.connections.create(state, context.actor);
        return { ...outcome, position: Math.max(outcome.position, position) };
      }
      case 'reject':
        return this.runner.run(
          streamId,
          connectionRequestDecider,
          { type: 'RejectConnectionRequest', data: { requestId, reason: decision.reason }, metadata },
          options,
        );
      case 'cancel':
        return this.runner.run(
          streamId,
          connectionRequestDecider,
          {
            type: 'CancelConnectionRequest',
            data: {
              requestId,
              get isAdmin() {
                return isAdmin;
              },
            },
            metadata,
          },
          options,
        );
    }
  }
}
