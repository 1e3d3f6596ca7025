import { createConnection } from 'mysql2/promise';
import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../../test/support/mariadb';
import { aStream, someEvents } from '../../../../../../test/event-store-contract/event-store.fixtures';
import { verifyChain } from '../../audit-chain/chain-verification';
import { describeChainTampering } from '../../audit-chain/testing/chain-tampering';
import { parseMysqlUrl } from '../../mysql/mysql-server-url';
import { MysqlEventStore } from './mysql-event-store';

describeChainTampering('MariaDB', async () => {
  const database = uniqueDatabaseName('ib_chain');
  await createDatabase(database);
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  const server = parseMysqlUrl(url.toString(), 'MYSQL_URL');
  const store = new MysqlEventStore({ server, pollIntervalMs: 10 });
  await store.headPosition();
  // Whoever edits the tables by hand can switch the foreign keys off for their session.
  const session = await createConnection({ ...server });
  await session.query('SET FOREIGN_KEY_CHECKS = 0');
  return {
    store,
    exec: async (sql, params = []) => {
      await session.query(sql, params as unknown[]);
    },
    close: async () => {
      await session.end();
      await store.close();
      await dropDatabase(database);
    },
  };
});

describe('the audit chain on MariaDB under concurrent appends', () => {
  it('given 8 connections appending single events and batches to shared and own streams, then a batch of 100, then the chain holds over every event in log order', async () => {
    const database = uniqueDatabaseName('ib_chain_race');
    await createDatabase(database);
    const url = new URL(mysqlUrl());
    url.pathname = `/${database}`;
    const server = parseMysqlUrl(url.toString(), 'MYSQL_URL');
    const stores = Array.from({ length: 8 }, () => new MysqlEventStore({ server, pollIntervalMs: 10 }));
    try {
      const shared = aStream();
      await Promise.all(
        stores.map(async (store, index) => {
          const own = aStream();
          let version = -1;
          for (let round = 0; round < 10; round++) {
            const size = (round % 3) + 1;
            await store.append(own, someEvents(size), { expectedVersion: version });
            version += size;
            await store.append(shared, someEvents(index % 2 === 0 ? 1 : 2), { expectedVersion: 'any' });
          }
        }),
      );
      await stores[0].append(aStream(), someEvents(100), { expectedVersion: 'no_stream' });
      const verification = await verifyChain(stores[0]);
      expect(verification).toMatchObject({ ok: true, firstMismatch: null });
      expect(verification.checked).toBe(8 * 19 + 4 * 10 + 4 * 20 + 100);
      expect(verification.head).toBe(await stores[0].headPosition());
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await dropDatabase(database);
    }
  });
});
