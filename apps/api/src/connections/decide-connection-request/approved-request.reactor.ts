import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type ConnectionRequestApproved,
  connectionRequestDecider,
  connectionRequestStreamId,
} from '@ib/domain';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { ConnectionFromRequest } from './connection-from-request';

const BATCH = 1000;

/**
 * Completes approvals from stored events: if a process stopped between an approval and the creation of
 * its connection, the next start creates it. While running, the approving handler does that itself, so
 * one pass over the log at start is enough; creation is idempotent, so repeating it is harmless.
 */
@Injectable()
export class ApprovedRequestReactor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApprovedRequestReactor.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly connections: ConnectionFromRequest,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.completeApprovals();
    } catch (error) {
      this.logger.error(
        `Could not complete pending approvals: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async completeApprovals(): Promise<number> {
    let position = 0;
    let completed = 0;
    for (;;) {
      const batch = await this.store.readAll({ fromPosition: position, limit: BATCH });
      for (const event of batch) {
        if (event.type !== 'ConnectionRequestApproved') continue;
        const { requestId } = event.data as ConnectionRequestApproved['data'];
        const { state } = await this.runner.load(
          connectionRequestStreamId(requestId),
          connectionRequestDecider,
        );
        if (state.status !== 'approved') continue;
        const actor = {
          userId: event.metadata.actorId,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
        };
        if ((await this.connections.create(state, actor)) > 0) completed++;
      }
      if (batch.length < BATCH) return completed;
      position = batch[batch.length - 1].globalPosition;
    }
  }
}
