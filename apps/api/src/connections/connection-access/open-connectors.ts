import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ActiveConnection } from '@ib/domain';
import { type Connector, openConnector } from '@ib/connectors';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';

type OpenConnector = Readonly<{ opened: string; connector: Promise<Connector> }>;

/** What opening a connector takes: a connection's, or a connection request's, provider, details and secret. */
export type ConnectorSource = Pick<ActiveConnection, 'provider' | 'details' | 'secretRef'>;

/** What a connector is opened with: another value means another pool (new details, a rotated password). */
const openedWith = ({ provider, details, secretRef }: ActiveConnection): string =>
  JSON.stringify([provider, details, secretRef ?? null]);

/**
 * One open connector (and so one driver pool) per connection, reused by every call while the
 * connection stays as it was opened. A connection whose details or password changed since (here or on
 * another instance: callers hand in the connection as folded from its stream) gets a new connector, and
 * the old one is closed, so no pool keeps using the old details or the destroyed password. The
 * connector is kept as a promise while its password is read, so concurrent first calls open one.
 */
@Injectable()
export class OpenConnectors implements OnApplicationShutdown {
  private readonly logger = new Logger(OpenConnectors.name);
  private readonly open = new Map<string, OpenConnector>();

  constructor(
    private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  of(connection: ActiveConnection): Promise<Connector> {
    const { connectionId } = connection;
    const opened = openedWith(connection);
    const known = this.open.get(connectionId);
    if (known?.opened === opened) return known.connector;
    if (known) this.closeLater(known);
    const entry = { opened, connector: this.connect(connection) };
    this.open.set(connectionId, entry);
    // A password that could not be read now may be readable on the next call.
    void entry.connector.catch(() => {
      if (this.open.get(connectionId) === entry) this.open.delete(connectionId);
    });
    return entry.connector;
  }

  /** Closes the connection's connector, if one is open here: it was changed or deleted. */
  release(connectionId: string): void {
    const known = this.open.get(connectionId);
    if (!known) return;
    this.open.delete(connectionId);
    this.closeLater(known);
  }

  /**
   * A connector of the caller's own, opened now and closed by the caller: what a health check needs, as
   * the shared one may still answer through a handle opened before the database went away, and what
   * trying a connection request's details needs, as they are no connection yet.
   */
  openUnshared(connection: ConnectorSource): Promise<Connector> {
    return this.connect(connection);
  }

  private async connect(connection: ConnectorSource): Promise<Connector> {
    const password = connection.secretRef ? await this.secrets.get(connection.secretRef) : undefined;
    return openConnector({
      provider: connection.provider,
      details: connection.details,
      password,
      sqliteRoot: this.config.sqliteDatabasesDir,
    });
  }

  /** Calls already under way on it finish or fail with it; no new call gets it. */
  private closeLater({ connector }: OpenConnector): void {
    void connector.then(
      (opened) =>
        opened
          .close()
          .catch((error: unknown) =>
            this.logger.warn(`A replaced connector did not close cleanly: ${String(error)}`),
          ),
      // One that never opened holds nothing to close.
      () => undefined,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const opening = [...this.open.values()].map(({ connector }) => connector);
    this.open.clear();
    const connectors = (await Promise.allSettled(opening)).flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    for (const result of await Promise.allSettled(connectors.map((connector) => connector.close())))
      if (result.status === 'rejected')
        this.logger.warn(`A connector did not close cleanly: ${String(result.reason)}`);
  }
}
