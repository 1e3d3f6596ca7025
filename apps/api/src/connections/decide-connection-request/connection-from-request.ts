import { Inject, Injectable } from '@nestjs/common';
import {
  type ApprovedConnectionRequest,
  ConcurrencyError,
  IllegalStateError,
  connectionDecider,
  connectionFromApprovedRequest,
  connectionStreamId,
} from '@ib/domain';
import { type Actor } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';

/**
 * An approval and the connection it creates live in two streams, so they are two appends. Creating the
 * connection is idempotent: running it again after a crash between the two appends completes the approval.
 */
@Injectable()
export class ConnectionFromRequest {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Answers the global position of the connection's creation, whoever created it, so an answer that
   * waits for it (read-your-writes) shows the connection.
   */
  async create(request: ApprovedConnectionRequest, actor: Actor): Promise<number> {
    try {
      const outcome = await this.runner.run(
        connectionStreamId(request.connectionId),
        connectionDecider,
        () => ({
          type: 'CreateConnection',
          data: connectionFromApprovedRequest(request),
          metadata: { environment: request.environment },
        }),
        { actor },
      );
      return outcome.position;
    } catch (error) {
      // Created already, by an earlier attempt or by the reactor racing this handler.
      const created =
        (error instanceof IllegalStateError && error.code === 'CONNECTION.ALREADY_EXISTS') ||
        error instanceof ConcurrencyError;
      if (!created) throw error;
      const { events } = await this.store.readStream(connectionStreamId(request.connectionId));
      return events[0]?.globalPosition ?? 0;
    }
  }
}
