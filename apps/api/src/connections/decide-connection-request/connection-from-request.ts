import { Injectable } from '@nestjs/common';
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

/**
 * An approval and the connection it creates live in two streams, so they are two appends. Creating the
 * connection is idempotent: running it again after a crash between the two appends completes the approval.
 */
@Injectable()
export class ConnectionFromRequest {
  constructor(private readonly runner: CommandRunner) {}

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
      if (error instanceof IllegalStateError && error.code === 'CONNECTION.ALREADY_EXISTS') return 0;
      if (error instanceof ConcurrencyError) return 0;
      throw error;
    }
  }
}
