import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ActiveConnection } from '@ib/domain';
import { type Connector, openConnector } from '@ib/connectors';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';

/**
 * One open connector (and so one driver pool) per connection, kept for the life of the process: a
 * connection's details never change once created, so its pool can be reused by every call. The
 * connector is kept as a promise while its password is read, so concurrent first calls open one.
 */
@Injectable()
export class OpenConnectors implements OnApplicationShutdown {
  private readonly logger = new Logger(OpenConnectors.name);
  private readonly open = new Map<string, Promise<Connector>>();

  constructor(
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  of(connection: ActiveConnection): Promise<Connector> {
    const known = this.open.get(connection.connectionId);
    if (known) return known;
    const connector = this.connect(connection);
    this.open.set(connection.connectionId, connector);
    // A password that could not be read now may be readable on the next call.
    void connector.catch(() => this.open.delete(connection.connectionId));
    return connector;
  }

  /**
   * A connector of the caller's own, opened now and closed by the caller: what a health check needs, as
   * the shared one may still answer through a handle opened before the database went away.
   */
  openUnshared(connection: ActiveConnection): Promise<Connector> {
    return this.connect(connection);
  }

  private async connect(connection: ActiveConnection): Promise<Connector> {
    const password = connection.secretRef ? await this.secrets.get(connection.secretRef) : undefined;
    return openConnector({
      provider: connection.provider,
      details: connection.details,
      password,
      sqliteRoot: this.config.sqliteDatabasesDir,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const opening = [...this.open.values()];
    this.open.clear();
    const connectors = (await Promise.allSettled(opening)).flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    for (const result of await Promise.allSettled(connectors.map((connector) => connector.close())))
      if (result.status === 'rejected')
        this.logger.warn(`A connector did not close cleanly: ${String(result.reason)}`);
  }
}
