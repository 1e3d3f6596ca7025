import { type Connector } from '../spi';
import { type ServerConnectionDetails, serverOptionsOf } from '../server-connection-details';
import { createMysqlConnector } from './mysql-connector';
import { resolveMysqlOptions } from './mysql-options';
import { mysql2Driver, type MysqlDriver } from './mysql-pool';

/** A MySQL connection's stored details (see ConnectorDetails); the password travels apart. */
export type MysqlConnectionDetails = ServerConnectionDetails;

/** Opens a MySQL connector of stored details (see serverOptionsOf for the options it takes). */
export function openMysqlConnector(
  details: MysqlConnectionDetails,
  password: string | undefined,
  driver: MysqlDriver = mysql2Driver,
): Connector {
  return createMysqlConnector(serverOptionsOf('MySQL', details, password), driver);
}

/** Refuses (INVALID_OPTIONS) details the connector would refuse when opened, without opening it. */
export function checkMysqlDetails(details: MysqlConnectionDetails): void {
  resolveMysqlOptions(serverOptionsOf('MySQL', details, undefined));
}
