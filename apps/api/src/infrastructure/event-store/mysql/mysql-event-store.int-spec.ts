import { createConnection } from 'mysql2/promise';
import { type RecordedEvent } from '@ib/domain';
import { describeEventStoreContract } from '../../../../../../test/event-store-contract/event-store.contract';
import {
  aStream,
  someEvents,
  appendWithRetries,
  range,
} from '../../../../../../test/event-store-contract/event-store.fixtures';
import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../../test/support/mariadb';
import { parseMysqlUrl } from '../../mysql/mysql-server-url';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';
import { MysqlEventStore, type MysqlEventStoreOptions } from './mysql-event-store';

/** One database for the whole file: the contract works relative to the head, as on a shared server. */
function storesOnOneDatabase() {
  const database = uniqueDatabaseName('ib_events');
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  const server = parseMysqlUrl(url.toString(), 'MYSQL_URL');
  const opened: MysqlEventStore[] = [];
  const open = (options: Partial<MysqlEventStoreOptions> = {}) => {
    const store = new MysqlEventStore({ server, pollIntervalMs: 10, ...options });
    opened.push(store);
    return store;
  };
  return {
    server,
    open,
    create: async () => open(),
    createSecondConnection: async () => open(),
    dispose: async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
    setUp: () => createDatabase(database),
    tearDown: () => dropDatabase(database),
  };
}

const contractStores = storesOnOneDatabase();
beforeAll(() => contractStores.setUp());
afterAll(() => contractStores.tearDown());

describeEventStoreContract('MysqlEventStore', contractStores);

describe('MysqlEventStore', () => {
  const stores = storesOnOneDatabase();
  beforeAll(() => stores.setUp());
  afterAll(() => stores.tearDown());
  afterEach(() => stores.dispose());

  it('given 8 connections appending to 40 streams while a reader follows the log, then the reader never meets a position below one it has passed and misses no event', async () => {
    const writers = range(0, 8).map(() => stores.open());
    const reader = stores.open();
    const from = await reader.headPosition();
    const seen: RecordedEvent[] = [];
    let writing = true;
    const following = (async () => {
      let cursor = from;
      while (writing || (await reader.headPosition()) > cursor) {
        const batch = await reader.readAll({ fromPosition: cursor, limit: 50 });
        if (batch.length > 0) cursor = batch[batch.length - 1].globalPosition;
        seen.push(...batch);
      }
    })();

    const written = (
      await Promise.all(
        range(0, 40).map((index) =>
          appendWithRetries(writers[index % 8], aStream('order'), 5, (index % 3) + 1),
        ),
      )
    ).flatMap(({ written: ids }) => ids);
    writing = false;
    await following;

    expect(new Set(seen.map((event) => event.eventId))).toEqual(new Set(written));
    expect(seen).toHaveLength(written.length);
    const positions = seen.map((event) => event.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }, 60_000);

  it('given events appended by this store, when read back, then data keeps exact text, numbers and unicode', async () => {
    const store = stores.open();
    const streamId = aStream();
    const data = {
      name: 'Zoë 🚀 "quoted" \\ back',
      big: 9007199254740991,
      nested: { list: [1.5, null, 'ä'] },
    };

    await store.append(streamId, [{ ...someEvents(1)[0], data }], { expectedVersion: 'no_stream' });

    expect((await store.readStream(streamId)).events[0].data).toEqual(data);
  });

  it('given a stream id that differs only in case, then it is another stream', async () => {
    const store = stores.open();
    const streamId = aStream('user');

    await store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' });
    await store.append(streamId.toUpperCase(), someEvents(1), { expectedVersion: 'no_stream' });

    expect((await store.readStream(streamId.toUpperCase())).version).toBe(0);
  });

  it('given a server that refuses the password, when appending or reading, then the store is unavailable and the error never shows the password', async () => {
    const store = new MysqlEventStore({ server: { ...stores.server, password: 'not-the-password-xyz' } });
    try {
      const failure = store.append(aStream(), someEvents(1), { expectedVersion: 'no_stream' });

      await expect(failure).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(failure).rejects.toThrow(/ER_ACCESS_DENIED_ERROR/);
      await expect(failure).rejects.not.toThrow(/not-the-password-xyz/);
      await expect(store.readAll({ fromPosition: 0, limit: 1 })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
    } finally {
      await store.close();
    }
  });

  it('given an unreachable server, when reading the head, then the store is unavailable', async () => {
    const store = new MysqlEventStore({ server: { ...stores.server, host: '127.0.0.1', port: 1 } });
    try {
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('given another session holding the log lock past the lock timeout, when appending, then the store is unavailable and nothing is written', async () => {
    const store = stores.open({ lockWaitSeconds: 1 });
    await store.open();
    const blocker = await createConnection({ ...stores.server });
    const streamId = aStream();
    try {
      await blocker.query('START TRANSACTION');
      await blocker.query('SELECT position FROM events_head WHERE id = 1 FOR UPDATE');

      await expect(
        store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' }),
      ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect((await store.readStream(streamId)).version).toBe(-1);
    await store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' });
  });
});
