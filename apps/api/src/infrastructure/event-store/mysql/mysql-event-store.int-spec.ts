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
import { verifyChain } from '../../audit-chain/chain-verification';

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

  it('given a log written by the first server build (head row, no previous version, no chain), when a store opens it, then it is upgraded in place, its events are chained, appends go on after its head and the previous version is checked', async () => {
    const database = uniqueDatabaseName('ib_events_old');
    await createDatabase(database);
    const server = { ...stores.server, database };
    const old = await createConnection({ ...server, multipleStatements: true });
    const streamId = aStream();
    try {
      await old.query(`CREATE TABLE events (
        global_position BIGINT UNSIGNED NOT NULL PRIMARY KEY,
        event_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        stream_id VARCHAR(255) NOT NULL, stream_version BIGINT UNSIGNED NOT NULL,
        type VARCHAR(200) NOT NULL, schema_version INT NOT NULL, data LONGTEXT NOT NULL, metadata TEXT NOT NULL,
        recorded_at CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        UNIQUE KEY events_stream_version (stream_id, stream_version), UNIQUE KEY events_event_id (event_id),
        KEY events_type_position (type, global_position)
      ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
      CREATE TABLE events_head (id TINYINT UNSIGNED NOT NULL PRIMARY KEY, position BIGINT UNSIGNED NOT NULL);
      INSERT INTO events_head VALUES (1, 7);`);
      await old.query(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
         VALUES (3, UUID(), ?, 0, 'Old', 1, '{}', '{}', '2025-01-01T00:00:00.000Z'),
                (7, UUID(), ?, 1, 'Old', 1, '{}', '{}', '2025-01-01T00:00:00.000Z')`,
        [streamId, streamId],
      );
      const store = new MysqlEventStore({ server, pollIntervalMs: 10 });
      try {
        const appended = await store.append(streamId, someEvents(1), { expectedVersion: 1 });

        expect(appended).toEqual({ nextExpectedVersion: 2, lastPosition: 8 });
        await expect(store.append(streamId, someEvents(1), { expectedVersion: 5 })).rejects.toMatchObject({
          code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
        });
        // The events stored before the chain were chained at this first start, the new one after them.
        const chain = await store.readChain(0, 10);
        expect(chain.map((row) => [row.position, row.previousPosition])).toEqual([
          [3, 0],
          [7, 3],
          [8, 7],
        ]);
        expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 3, head: 8 });
      } finally {
        await store.close();
      }
    } finally {
      await old.end();
      await dropDatabase(database);
    }
  });
});
