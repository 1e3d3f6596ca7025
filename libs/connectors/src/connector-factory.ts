import { checkMssqlDetails, openMssqlConnector } from './mssql';
import { checkMysqlDetails, openMysqlConnector } from './mysql';
import { checkPostgresDetails, openPostgresConnector } from './postgres';
import { checkOracleDetails, openOracleConnector } from './oracle';
import { checkODataDetails, openODataConnector } from './odata';
import { ConnectorError, type Connector } from './spi';
import { createSqliteConnector, resolveDatabasePath } from './sqlite';

export type ConnectorProvider = Connector['provider'];

/** A connection's stored details, as the user entered them; the password travels apart. */
export type ConnectorDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  /** SQLite: the database file, relative to the databases folder. */
  path?: string;
  /** OData: the service root URL. */
  url?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;

export type ConnectorConfig = Readonly<{
  provider: ConnectorProvider;
  details: ConnectorDetails;
  password?: string;
  /** The folder SQLite databases must live in (configuration, never user input). */
  sqliteRoot: string;
}>;

const SQLITE_OPTIONS = new Set(['timeoutMs']);

/** Opens the connector of a connection's provider. Callers close it. */
export function openConnector(config: ConnectorConfig): Connector {
  switch (config.provider) {
    case 'sqlite':
      return openSqlite(config);
    case 'mysql':
      return openMysqlConnector(config.details, config.password);
    case 'mssql':
      return openMssqlConnector(config.details, config.password);
    case 'postgres':
      return openPostgresConnector(config.details, config.password);
    case 'oracle':
      return openOracleConnector(config.details, config.password);
    case 'odata':
      return openODataConnector(config.details, config.password);
    default:
      // Configs come from stored JSON: a provider the type does not know can still arrive.
      throw new ConnectorError(
        'CONNECTOR.UNSUPPORTED_PROVIDER',
        `Unknown provider "${String((config as { provider: unknown }).provider)}"`,
      );
  }
}

/**
 * Refuses details the provider's connector would refuse when opened (ConnectorError INVALID_OPTIONS,
 * or PATH_NOT_ALLOWED for a SQLite file outside the databases folder), by the same rules and without
 * opening anything: a connection is checked when it is described, not first at its use.
 */
export function checkConnectorDetails({
  provider,
  details,
  sqliteRoot,
}: Omit<ConnectorConfig, 'password'>): void {
  switch (provider) {
    case 'sqlite':
      sqliteTimeoutOf(details);
      if (details.path !== undefined) resolveDatabasePath(sqliteRoot, details.path);
      return;
    case 'mysql':
      return checkMysqlDetails(details);
    case 'mssql':
      return checkMssqlDetails(details);
    case 'postgres':
      return checkPostgresDetails(details);
    case 'oracle':
      return checkOracleDetails(details);
    case 'odata':
      return checkODataDetails(details);
    default:
      throw new ConnectorError('CONNECTOR.UNSUPPORTED_PROVIDER', `Unknown provider "${String(provider)}"`);
  }
}

function openSqlite({ details, sqliteRoot }: ConnectorConfig): Connector {
  if (details.path === undefined) {
    throw new ConnectorError(
      'CONNECTOR.INVALID_OPTIONS',
      'An SQLite connection needs the path of its database file',
    );
  }
  return createSqliteConnector({ root: sqliteRoot, path: details.path, timeoutMs: sqliteTimeoutOf(details) });
}

function sqliteTimeoutOf(details: ConnectorDetails): number | undefined {
  const options = details.options ?? {};
  // Refused rather than ignored: an option the user believes in (readOnly: false ...) must not silently do nothing.
  const unknown = Object.keys(options).filter((key) => !SQLITE_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', `Unknown SQLite option(s): ${unknown.join(', ')}`);
  }
  const { timeoutMs } = options;
  if (timeoutMs !== undefined && typeof timeoutMs !== 'number') {
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'timeoutMs must be a whole number of milliseconds');
  }
  return timeoutMs;
}
