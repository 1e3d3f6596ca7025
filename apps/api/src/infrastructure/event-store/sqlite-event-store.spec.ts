import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { ConcurrencyError, ValidationError, type RecordedEvent } from '@ib/domain';
import { describeEventStoreContract } from '../../../../../test/event-store-contract/event-store.contract';
import {
  aStream,
  anEvent,
  range,
  someEvents,
  waitFor,
} from '../../../../../test/event-store-contract/event-store.fixtures';
import { EventStoreUnavailableError } from './event-store-unavailable.error';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

/** Stores on one temporary file per test; every store it opened is closed and the folder removed. */
function temporaryStores() {
  let folder = '';
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = new SqliteEventStore({
      file: join(folder, 'events.sqlite'),
      pollIntervalMs: 10,
      ...options,
    });
    opened.push(store);
    return store;
  };
  return {
    open,
    file: () => join(folder, 'events.sqlite'),
    folder: () => folder,
    create: async () => {
      folder = mkdtempSync(join(tmpdir(), 'ib-event-store-'));
      return open();
    },
    createSecondConnection: async () => open(),
    dispose: async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describeEventStoreContract('SqliteEventStore', temporaryStores());

describe('SqliteEventStore', () => {
  const stores = temporaryStores();
  let store: SqliteEventStore;
  beforeEach(async () => (store = await stores.create()));
  afterEach(() => stores.dispose());

  it('given a closed store, when its file is opened again, then every event is there and appends continue gapless', async () => {
    const streamId = aStream();
    await store.append(streamId, someEvents(3), { expectedVersion: 'no_stream' });
    await store.close();

    const reopened = stores.open();
    const { events, version } = await reopened.readStream(streamId);
    const next = await reopened.append(streamId, someEvents(1), { expectedVersion: 2 });

    expect(version).toBe(2);
    expect(events.map((event) => event.globalPosition)).toEqual([1, 2, 3]);
    expect(next).toEqual({ nextExpectedVersion: 3, lastPosition: 4 });
  });

  it('given an upcaster for a type, when old events are read, then they come in the new shape and the stored row is unchanged', async () => {
    const streamId = aStream();
    await store.append(
      streamId,
      [{ ...anEvent({ name: 'Chinook' }, 'IntegrationCreated'), schemaVersion: 1 }],
      {
        expectedVersion: 'no_stream',
      },
    );
    const upcasting = stores.open({
      upcasters: {
        IntegrationCreated: (data, schemaVersion) =>
          schemaVersion < 2 ? { applicationName: data.name, moduleName: `${String(data.name)}_IS` } : data,
      },
    });

    const [event] = (await upcasting.readStream(streamId)).events;
    const [viaReadAll] = await upcasting.readAll({ fromPosition: 0, limit: 1 });

    expect(event.data).toEqual({ applicationName: 'Chinook', moduleName: 'Chinook_IS' });
    expect(viaReadAll.data).toEqual(event.data);
    expect(event.schemaVersion).toBe(1);
    const raw = new DatabaseSync(stores.file(), { readOnly: true });
    expect(raw.prepare('SELECT data FROM events').get()).toEqual({ data: '{"name":"Chinook"}' });
    raw.close();
  });

  it('given a data folder that cannot be created, when appending or reading, then it throws EventStoreUnavailableError and writes nothing', async () => {
    const blocker = join(stores.folder(), 'not-a-folder');
    writeFileSync(blocker, '');
    const unwritable = stores.open({ file: join(blocker, 'data', 'events.sqlite') });

    await expect(
      unwritable.append(aStream(), someEvents(1), { expectedVersion: 'no_stream' }),
    ).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(unwritable.readStream(aStream())).rejects.toMatchObject({
      name: 'EventStoreUnavailableError',
      code: 'EVENT_STORE.UNAVAILABLE',
    });
    expect(readdirSync(stores.folder())).toEqual(['not-a-folder']);
  });

  it('given another connection holding the write lock past the busy timeout, when appending, then it throws EventStoreUnavailableError, writes nothing, and works again once the lock is released', async () => {
    const streamId = aStream();
    await store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' });
    const impatient = stores.open({ busyTimeoutMs: 50 });
    const locker = new DatabaseSync(stores.file());
    locker.exec('BEGIN IMMEDIATE');

    const blocked = impatient.append(streamId, someEvents(1), { expectedVersion: 0 });

    await expect(blocked).rejects.toBeInstanceOf(EventStoreUnavailableError);
    locker.exec('ROLLBACK');
    locker.close();
    expect(await impatient.headPosition()).toBe(1);
    expect(await impatient.append(streamId, someEvents(1), { expectedVersion: 0 })).toEqual({
      nextExpectedVersion: 1,
      lastPosition: 2,
    });
  });

  it('given a batch whose last event id is already stored in another stream, when appended, then none of the batch is written and positions stay gapless', async () => {
    const taken = anEvent();
    await store.append(aStream(), [taken], { expectedVersion: 'no_stream' });
    const streamId = aStream();

    const appending = store.append(streamId, [...someEvents(99), taken], { expectedVersion: 'no_stream' });

    await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(appending).rejects.toMatchObject({ code: 'EVENT_STORE.DUPLICATE_EVENT_ID' });
    expect(await store.readStream(streamId)).toEqual({ events: [], version: -1 });
    expect(await store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' })).toEqual({
      nextExpectedVersion: 0,
      lastPosition: 2,
    });
  });

  it('given an append that carries one event id twice, then it throws a ValidationError and writes nothing', async () => {
    const event = anEvent();

    await expect(store.append(aStream(), [event, event], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await store.headPosition()).toBe(0);
  });

  describe('given a stream this connection appended to, then another connection appended to', () => {
    let streamId: string;
    let other: SqliteEventStore;
    beforeEach(async () => {
      streamId = aStream();
      await store.append(streamId, someEvents(2), { expectedVersion: 'no_stream' });
      other = stores.open();
      await other.append(streamId, someEvents(1), { expectedVersion: 1 });
    });

    it('when this connection appends at the version it last saw, then it throws WRONG_EXPECTED_VERSION and writes nothing', async () => {
      const appending = store.append(streamId, someEvents(1), { expectedVersion: 1 });

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appending).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
      expect(await store.headPosition()).toBe(3);
      expect((await other.readStream(streamId)).version).toBe(2);
    });

    it('when this connection appends at the stored version, then it is accepted after the other event', async () => {
      expect(await store.append(streamId, someEvents(1), { expectedVersion: 2 })).toEqual({
        nextExpectedVersion: 3,
        lastPosition: 4,
      });
    });

    it('when this connection appends with any version, then the events go after the other event', async () => {
      expect(await store.append(streamId, someEvents(2), { expectedVersion: 'any' })).toEqual({
        nextExpectedVersion: 4,
        lastPosition: 5,
      });
    });

    it('when this connection retries its own append, then it answers the original result', async () => {
      const events = someEvents(1);
      const first = await store.append(streamId, events, { expectedVersion: 2 });
      await other.append(streamId, someEvents(1), { expectedVersion: 3 });

      expect(await store.append(streamId, events, { expectedVersion: 2 })).toEqual(first);
      expect(await store.headPosition()).toBe(5);
    });
  });

  it('given another connection created a stream, when this one appends to it as a new stream, then it throws WRONG_EXPECTED_VERSION', async () => {
    const streamId = aStream();
    await stores.open().append(streamId, someEvents(1), { expectedVersion: 'no_stream' });

    await expect(
      store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' }),
    ).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
    await expect(store.append(streamId, someEvents(1), { expectedVersion: -1 })).rejects.toMatchObject({
      code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
    });
    expect(await store.headPosition()).toBe(1);
  });

  it('given a version this connection read, when another connection appended since, then an append at the read version is refused and one at the new version accepted', async () => {
    const streamId = aStream();
    await stores.open().append(streamId, someEvents(1), { expectedVersion: 'no_stream' });
    const { version } = await store.readStream(streamId);
    await stores.open().append(streamId, someEvents(1), { expectedVersion: version });

    await expect(store.append(streamId, someEvents(1), { expectedVersion: version })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await store.append(streamId, someEvents(1), { expectedVersion: version + 1 })).toEqual({
      nextExpectedVersion: 2,
      lastPosition: 3,
    });
  });

  it('keeps the file in WAL mode', async () => {
    await store.headPosition();
    const raw = new DatabaseSync(stores.file(), { readOnly: true });
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
  });

  it('given appenders in 4 worker threads racing on one stream, then every version is written once and a subscriber here sees every event once, in order', async () => {
    const streamId = aStream('race');
    await store.headPosition(); // creates the file and schema before the threads race for it
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribe({ fromPosition: 0 }, (batch) => void delivered.push(...batch));

    const outcomes = await Promise.all(range(0, 4).map(() => appendInWorker(stores.file(), streamId, 25)));
    await waitFor(() => delivered.length >= 100, 10_000, 'events of the worker threads');
    await subscription.stop();

    const written = outcomes.flatMap((outcome) => outcome.written);
    const { events } = await store.readStream(streamId);
    expect(events.map((event) => event.streamVersion)).toEqual(range(0, 100));
    expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(written));
    expect(delivered.map((event) => event.globalPosition)).toEqual(range(1, 100));
  }, 60_000);
});

/**
 * Runs appendWithRetries in a worker thread with its own connection, so writers really contend
 * for SQLite's write lock. The worker loads the TypeScript sources through a transpile-only hook.
 */
function appendInWorker(file: string, streamId: string, appends: number) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const Module = require('node:module');
    const ts = require(workerData.typescript);
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      return resolveFilename.call(this, request === '@ib/domain' ? workerData.domain : request, ...rest);
    };
    Module._extensions['.ts'] = (module, filename) => {
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      module._compile(ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename }).outputText, filename);
    };
    const { SqliteEventStore } = require(workerData.store);
    const { appendWithRetries } = require(workerData.fixtures);
    const store = new SqliteEventStore({ file: workerData.file });
    appendWithRetries(store, workerData.streamId, workerData.appends)
      .then(async (outcome) => { await store.close(); parentPort.postMessage(outcome); });`;
  const workerData = {
    typescript: require.resolve('typescript'),
    domain: join(__dirname, '../../../../../libs/domain/src/index.ts'),
    store: join(__dirname, 'sqlite-event-store.ts'),
    fixtures: join(__dirname, '../../../../../test/event-store-contract/event-store.fixtures.ts'),
    file,
    streamId,
    appends,
  };
  return new Promise<{ written: string[]; conflicts: number }>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`Appender thread exited with ${code}`)));
  });
}
