import { type Connector } from '../spi';
import { type ServerConnectionDetails, serverOptionsOf } from '../server-connection-details';
import { createPostgresConnector } from './postgres-connector';
import { resolvePostgresOptions } from './postgres-options';
import { pgDriver, type PostgresDriver } from './postgres-pool';

/** A PostgreSQL connection's stored details (see ConnectorDetails); the password travels apart. */
export type PostgresConnectionDetails = ServerConnectionDetails;

/** Opens a PostgreSQL connector of stored details (see serverOptionsOf for the options it takes). */
export function openPostgresConnector(
  details: PostgresConnectionDetails,
  password: string | undefined,
  driver: PostgresDriver = pgDriver,
): Connector {
  return createPostgresConnector(serverOptionsOf('PostgreSQL', details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkPostgresDetails(details: PostgresConnectionDetails): void {
  resolvePostgresOptions(serverOptionsOf('PostgreSQL', details, undefined));
}
