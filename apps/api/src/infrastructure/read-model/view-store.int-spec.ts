import { MikroORM } from '@mikro-orm/mysql';
import { type MikroORM as SqliteOrm } from '@mikro-orm/libsql';
import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../test/support/mariadb';
import { openProductPool } from '../mysql/mysql-pool';
import { parseMysqlUrl } from '../mysql/mysql-server-url';
import { MysqlViewReader } from './view-reader';
import { ViewTable } from './view-table';
import { describeViewStore, KeeperRow, OwnerRow, PetRow } from './testing/view-store.contract';

describeViewStore('MariaDB', async () => {
  const database = uniqueDatabaseName('ib_view_store');
  await createDatabase(database);
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  const server = parseMysqlUrl(url.toString(), 'MYSQL_URL');
  const pool = openProductPool(server, { connectionLimit: 2 });
  // As the read model's migrations create their tables: text compares and sorts byte by byte, as on SQLite.
  await pool.query(`alter database \`${database}\` character set utf8mb4 collate utf8mb4_bin`);
  const orm = await MikroORM.init({
    dbName: database,
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    entities: [PetRow, OwnerRow, KeeperRow],
    ensureDatabase: false,
    allowGlobalContext: true,
    collate: 'utf8mb4_bin',
  });
  await orm.schema.create();
  // ViewTable reads only the entity metadata, which the two drivers describe alike.
  const tables = orm as unknown as SqliteOrm;
  return {
    table: (entity) => ViewTable.of(tables, entity),
    reader: new MysqlViewReader(pool),
    write: async (table, documents) => {
      for (const document of documents)
        await pool.query(
          table.upsertSql(table.table, 'mysql'),
          table.toParameters(document as Record<string, unknown>),
        );
    },
    close: async () => {
      await pool.end();
      await orm.close();
      await dropDatabase(database);
    },
  };
});

describe('ViewStore on an unreachable MariaDB', () => {
  it('given a server that does not answer, when a view is read, then the read model is unavailable (503), naming no password', async () => {
    const pool = openProductPool(
      { host: '127.0.0.1', port: 1, user: 'ib', password: 'secret-pw', database: 'x' },
      { connectionLimit: 1 },
    );
    try {
      const reading = new MysqlViewReader(pool).rows('select 1', []);

      await expect(reading).rejects.toMatchObject({
        name: 'ReadModelUnavailableError',
        code: 'READ_MODEL.UNAVAILABLE',
      });
      await expect(reading).rejects.not.toThrow(/secret-pw/);
    } finally {
      await pool.end();
    }
  });
});
