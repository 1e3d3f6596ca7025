import { describeMysqlServer } from '../mysql/mysql-server-url';
import { type EventStoreLocation } from '../server-locations';
import { type EventStore } from './event-store.port';
import { EventStoreUnavailableError } from './event-store-unavailable.error';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { MysqlEventStore } from './mysql/mysql-event-store';
import { createSqliteEventStore } from './sqlite-event-store';

/** The store EVENT_STORE_URL names; nothing is opened yet. */
export function createEventStore(location: EventStoreLocation, dataDir: string): EventStore {
  switch (location.kind) {
    case 'sqlite':
      return createSqliteEventStore(dataDir);
    case 'mysql':
      return new MysqlEventStore({ server: location.server });
    case 'kurrentdb':
      return new KurrentDbEventStore({ connectionString: location.connectionString });
  }
}

/** Where the log is, for log lines: never a password. */
export function describeEventStore(location: EventStoreLocation, dataDir: string): string {
  switch (location.kind) {
    case 'sqlite':
      return `SQLite in ${dataDir}`;
    case 'mysql':
      return describeMysqlServer(location.server);
    case 'kurrentdb':
      return location.connectionString.replace(/\/\/[^@/]*@/, '//');
  }
}

/**
 * Creates the store and reads its head once, so that an unreachable server, a refused password or a
 * missing database stops the process at start with one line saying where and why.
 */
export async function openEventStore(location: EventStoreLocation, dataDir: string): Promise<EventStore> {
  const store = createEventStore(location, dataDir);
  try {
    await store.headPosition();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    const reason = error instanceof EventStoreUnavailableError ? error.message : String(error);
    throw new Error(`Cannot open the event store at ${describeEventStore(location, dataDir)}: ${reason}`, {
      cause: error,
    });
  }
}
