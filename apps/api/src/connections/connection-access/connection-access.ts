import { Inject, Injectable } from '@nestjs/common';
import { type ActiveConnection, NotFoundError, connectionDecider, connectionStreamId } from '@ib/domain';
import { type Connector, openConnector } from '@ib/connectors';
import { environmentsOf, type AuthenticatedUser } from '../../auth/authenticated-user';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { SecretStore } from '../../infrastructure/secrets/secret-store';

/**
 * Resolves a connection the caller may view (from the event store) and opens a connector on it,
 * fetching its password from the secret store only for the duration of the call.
 */
@Injectable()
export class ConnectionAccess {
  constructor(
    private readonly runner: CommandRunner,
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async viewable(user: AuthenticatedUser, connectionId: string): Promise<ActiveConnection> {
    const { state } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    // A connection outside the caller's environments is reported as absent, so ids cannot be probed.
    if (state.status !== 'active' || !environmentsOf(user).includes(state.environment))
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${connectionId} does not exist`);
    return state;
  }

  async withConnector<T>(
    connection: ActiveConnection,
    work: (connector: Connector) => Promise<T>,
  ): Promise<T> {
    const password = connection.secretRef ? this.secrets.get(connection.secretRef) : undefined;
    const connector = openConnector({
      provider: connection.provider,
      details: connection.details,
      password,
      sqliteRoot: this.config.sqliteDatabasesDir,
    });
    try {
      return await work(connector);
    } finally {
      await connector.close();
    }
  }
}
