import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type ConnectionRequestApproved,
  type ConnectionRequestEvent,
  type RecordedEvent,
  connectionRequestDecider,
  connectionRequestStreamId,
} from '@ib/domain';
import { EventStoreUnavailableError } from '../../infrastructure/event-store/event-store-unavailable.error';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import {
  type ProcessManager,
  type ProcessStart,
} from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { ConnectionRequestViews } from '../connection-request-queries/connection-request-views';
import { ConnectionFromRequest } from './connection-from-request';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Completes approvals from stored events: an approval and the connection it creates are two appends, so
 * a process stopped between them leaves an approved request without its connection. At start, those
 * the views show (approved, no such connection) are completed; while running, each approval stored is
 * completed too, after the approving handler did it already in the usual case. Creation is idempotent,
 * so repeating it is harmless.
 */
@Injectable()
export class ApprovedRequestReactor implements ProcessManager, OnModuleInit {
  readonly name = 'approved-connection-requests';
  readonly handles = ['ConnectionRequestApproved'] satisfies ConnectionRequestEvent['type'][];
  readonly firstStart = 'head';
  private readonly logger = new Logger(ApprovedRequestReactor.name);
  /** Approvals up to here were in the views the unfinished ones were found in. */
  private resumedUpTo = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly connections: ConnectionFromRequest,
    private readonly requests: ConnectionRequestViews,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  async resumeInFlight({ head }: ProcessStart): Promise<void> {
    this.resumedUpTo = head;
    for (const requestId of await this.requests.approvedWithoutConnection())
      await this.completeOrLog(requestId);
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events)
      if (event.globalPosition > this.resumedUpTo)
        await this.completeOrLog((event.data as ConnectionRequestApproved['data']).requestId);
  }

  private async completeOrLog(requestId: string): Promise<void> {
    try {
      await this.complete(requestId);
    } catch (error) {
      // The store cannot serve now: the approval is handed over again later.
      if (error instanceof EventStoreUnavailableError) throw error;
      // One approval that cannot be completed must not hold back the others.
      this.logger.error(`Could not complete the approval of request ${requestId}: ${messageOf(error)}`);
    }
  }

  /** Creates the connection of the request if it is approved and the connection does not exist. */
  private async complete(requestId: string): Promise<void> {
    const { events } = await this.store.readStream<ConnectionRequestEvent>(
      connectionRequestStreamId(requestId),
    );
    const state = events.reduce(
      (current, { type, data }) =>
        connectionRequestDecider.evolve(current, { type, data } as ConnectionRequestEvent),
      connectionRequestDecider.initialState(),
    );
    const approval = events.find(({ type }) => type === 'ConnectionRequestApproved');
    if (state.status !== 'approved' || approval === undefined) return;
    await this.connections.create(state, {
      userId: approval.metadata.actorId,
      correlationId: approval.metadata.correlationId,
      causationId: approval.eventId,
    });
  }
}
