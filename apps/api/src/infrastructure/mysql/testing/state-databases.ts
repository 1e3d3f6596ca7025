import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../../test/support/mariadb';
import { type MysqlStateStoreOptions, ownProductPool } from '../mysql-state-table';
import { type MysqlServer, parseMysqlUrl } from '../mysql-server-url';

/**
 * A fresh database on the integration server (MYSQL_URL) for each test, for the contract suites:
 * `setUp` and `tearDown` create and drop it, `own()` gives each store its own pool on it, as each
 * API instance has its own.
 */
export function stateDatabases(prefix: string) {
  let database = '';
  const server = (): MysqlServer => {
    const url = new URL(mysqlUrl());
    url.pathname = `/${database}`;
    return parseMysqlUrl(url.toString(), 'MYSQL_URL');
  };
  return {
    server,
    own: (): MysqlStateStoreOptions => ownProductPool(server()),
    setUp: async () => {
      database = uniqueDatabaseName(prefix);
      await createDatabase(database);
    },
    tearDown: () => dropDatabase(database),
  };
}
