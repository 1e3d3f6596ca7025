import { Logger } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type ConnectionTestResult } from '@ib/connectors';
import {
  NotFoundError,
  connectionRequestDecidedAlready,
  connectionRequestDecider,
  connectionRequestDecision,
  connectionRequestStreamId,
} from '@ib/domain';
import { ActorNames, type AuthenticatedUser, authorize } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { OpenConnectors } from '../connection-access/open-connectors';
import { mayReadRequest } from '../connection-request-queries/connection-request-views';

export class TestConnectionRequestQuery extends Query<ConnectionTestResult> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * Tries a pending request's details (with the password it sealed, if any) before an administrator of
 * its environment approves it: the connector's own connection test, on a connector opened for this test
 * alone and closed after it, as the details are no connection yet. Read from the request's stream, so a
 * request just made can be tried at once.
 */
@QueryHandler(TestConnectionRequestQuery)
export class TestConnectionRequestHandler implements IQueryHandler<TestConnectionRequestQuery> {
  private readonly logger = new Logger(TestConnectionRequestHandler.name);

  constructor(
    private readonly runner: CommandRunner,
    private readonly connectors: OpenConnectors,
    private readonly names: ActorNames,
  ) {}

  async execute({ user, requestId }: TestConnectionRequestQuery): Promise<ConnectionTestResult> {
    const { state } = await this.runner.load(connectionRequestStreamId(requestId), connectionRequestDecider);
    // A request the caller may not read does not exist for them, as when they read it.
    if (state.status === 'none' || !mayReadRequest(user, state))
      throw new NotFoundError(
        'CONNECTION_REQUEST.NOT_FOUND',
        `Connection request ${requestId} does not exist`,
      );
    authorize(user, 'connection-request.decide', state.environment);
    if (state.status !== 'pending') {
      // Decided: its connection, if any, is tested as a connection; a released password may be gone.
      const { by } = connectionRequestDecision(state);
      throw connectionRequestDecidedAlready(state, (await this.names.of([by])).get(by));
    }
    const connector = await this.connectors.openUnshared(state);
    try {
      return await connector.testConnection();
    } finally {
      await connector.close().catch((error: unknown) => {
        this.logger.warn(`A request test's connector did not close cleanly: ${String(error)}`);
      });
    }
  }
}
