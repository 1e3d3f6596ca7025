import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  type ConnectionRequestApproved,
  connectionRequestDecider,
  connectionRequestStreamId,
} from '@ib/domain';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import {
  EVENT_STORE,
  type EventStore,
  type Subscription,
} from '../../infrastructure/event-store/event-store.port';
import { ConnectionFromRequest } from './connection-from-request';

/**
 * Completes approvals from stored events: if the process stopped between the approval and the creation
 * of its connection, the connection is created on the next start. Creation is idempotent, so replaying
 * every approval from the beginning is safe.
 */
@Injectable()
export class ApprovedRequestReactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApprovedRequestReactor.name);
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly connections: ConnectionFromRequest,
  ) {}

  onApplicationBootstrap() {
    this.subscription = this.store.subscribe({ fromPosition: 0, batchSize: 500 }, async (batch) => {
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
        await this.connections.create(state, actor);
      }
    });
    void this.subscription.failed.then((error) =>
      this.logger.error(`Approval reactor stopped: ${error.message}`),
    );
  }

  async onApplicationShutdown() {
    await this.subscription?.stop();
  }
}
