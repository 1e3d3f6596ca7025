import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { MysqlEventStore } from './mysql/mysql-event-store';
import { createEventStore, describeEventStore, openEventStore } from './open-event-store';
import { SqliteEventStore } from './sqlite-event-store';

const server = { host: 'db', port: 3306, user: 'ib', password: 'pw-never-shown', database: 'ib' };

describe('the event store EVENT_STORE_URL names', () => {
  it('given each kind of location, then the matching adapter is built', async () => {
    const stores = [
      createEventStore({ kind: 'sqlite' }, '/tmp/ib-unused'),
      createEventStore({ kind: 'mysql', server }, '/tmp/ib-unused'),
      createEventStore(
        { kind: 'kurrentdb', connectionString: 'kurrentdb://localhost:2113?tls=false' },
        '/tmp',
      ),
    ];

    expect(stores.map((store) => store.constructor)).toEqual([
      SqliteEventStore,
      MysqlEventStore,
      KurrentDbEventStore,
    ]);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('given a location with a password, then its description leaves the password out', () => {
    expect(describeEventStore({ kind: 'mysql', server }, '/srv')).toBe('mysql://ib@db:3306/ib');
    expect(
      describeEventStore(
        { kind: 'kurrentdb', connectionString: 'kurrentdb://admin:changeit@node:2113?tls=true' },
        '/srv',
      ),
    ).toBe('kurrentdb://node:2113?tls=true');
  });

  it('given an embedded data folder, when opened, then the log is ready and empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-open-store-'));
    try {
      const store = await openEventStore({ kind: 'sqlite' }, dataDir);
      expect(await store.headPosition()).toBe(0);
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
