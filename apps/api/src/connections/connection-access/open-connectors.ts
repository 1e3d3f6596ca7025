import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ActiveConnection } from '@ib/domain';
import { type Connector, openConnector } from '@ib/connectors';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { SecretStore } from '../../infrastructure/secrets/secret-store';

/**
 * One open connector (and so one driver pool) per connection, kept for the life of the process: a
 * connection's details never change once created, so its pool can be reused by every call.
 */
@Injectable()
export class OpenConnectors implements OnApplicationShutdown {
  private readonly logger = new Logger(OpenConnectors.name);
  private readonly open = new Map<string, Connector>();

  constructor(
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  of(connection: ActiveConnection): Connector {
    const known = this.open.get(connection.connectionId);
    if (known) return known;
    const connector = openConnector({
      provider: connection.provider,
      details: connection.details,
      password: connection.secretRef ? this.secrets.get(connection.secretRef) : undefined,
      sqliteRoot: this.config.sqliteDatabasesDir,
    });
    this.open.set(connection.connectionId, connector);
    return connector;
  }

  async onApplicationShutdown(): Promise<void> {
    const connectors = [...this.open.values()];
    this.open.clear();
    for (const result of await Promise.allSettled(connectors.map((connector) => connector.close())))
      if (result.status === 'rejected')
        this.logger.warn(`A connector did not close cleanly: ${String(result.reason)}`);
  }
}
