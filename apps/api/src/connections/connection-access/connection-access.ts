import { Injectable } from '@nestjs/common';
import { type ActiveConnection, NotFoundError, connectionDecider, connectionStreamId } from '@ib/domain';
import { type Connector } from '@ib/connectors';
import { type AuthenticatedUser, allows } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { OpenConnectors } from './open-connectors';

const notFound = (connectionId: string) =>
  new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);

/** Resolves a connection the caller may view (from the event store) and gives its open connector. */
@Injectable()
export class ConnectionAccess {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connectors: OpenConnectors,
  ) {}

  async viewable(user: AuthenticatedUser, connectionId: string): Promise<ActiveConnection> {
    const connection = await this.existing(connectionId);
    // A connection outside the caller's environments is reported as absent, so ids cannot be probed.
    if (!allows(user, 'connection.use', connection.environment)) throw notFound(connectionId);
    return connection;
  }

  /** A connection that exists (not deleted), whoever asks: for rules that judge where it belongs themselves. */
  async existing(connectionId: string): Promise<ActiveConnection> {
    const { state } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    if (state.status !== 'active') throw notFound(connectionId);
    return state;
  }

  async withConnector<T>(
    connection: ActiveConnection,
    work: (connector: Connector) => Promise<T>,
  ): Promise<T> {
    return work(await this.connectors.of(connection));
  }
}
