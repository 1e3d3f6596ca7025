import { Injectable } from '@nestjs/common';
import { type ActiveConnection, NotFoundError, connectionDecider, connectionStreamId } from '@ib/domain';
import { type Connector } from '@ib/connectors';
import { type AuthenticatedUser, allows } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { OpenConnectors } from './open-connectors';

/** Resolves a connection the caller may view (from the event store) and gives its open connector. */
@Injectable()
export class ConnectionAccess {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connectors: OpenConnectors,
  ) {}

  async viewable(user: AuthenticatedUser, connectionId: string): Promise<ActiveConnection> {
    const { state } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    // A connection outside the caller's environments is reported as absent, so ids cannot be probed.
    if (state.status !== 'active' || !allows(user, 'connection.use', state.environment))
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);
    return state;
  }

  withConnector<T>(connection: ActiveConnection, work: (connector: Connector) => Promise<T>): Promise<T> {
    return work(this.connectors.of(connection));
  }
}
