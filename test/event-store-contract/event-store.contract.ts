import { ConcurrencyError, type RecordedEvent } from '@ib/domain';
import {
  type EventStore,
  NO_STREAM_VERSION,
  type Subscription,
} from '../../apps/api/src/infrastructure/event-store/event-store.port';
import {
  aStream,
  anEvent,
  appendWithRetries,
  metadata,
  pause,
  range,
  someEvents,
  waitFor,
} from './event-store.fixtures';

export type EventStoreContractFactory = Readonly<{
  /** A store for one test; it may be shared with earlier tests (the suite works relative to its head). */
  create(): Promise<EventStore>;
  /** Another connection/client to the same storage, so races go through the storage, not one client. */
  createSecondConnection?(store: EventStore): Promise<EventStore>;
  /** Closes every store created for the test, second connections included. */
  dispose(): Promise<void>;
}>;

/** Subscribers in this suite must see a live append within this time (adapters poll or push). */
const LIVE_DELIVERY_TIMEOUT_MS = 10_000;
const RACE_TIMEOUT_MS = 60_000;

type Collector = { events: RecordedEvent[]; batches: number[]; maxInFlight: number };

/** Subscribes with a handler that records what it gets and, like a real projection, takes its time. */
function collect(store: EventStore, fromPosition: number, batchSize?: number): [Subscription, Collector] {
  const collector: Collector = { events: [], batches: [], maxInFlight: 0 };
  let inFlight = 0;
  const subscription = store.subscribe({ fromPosition, batchSize }, async (batch) => {
    collector.maxInFlight = Math.max(collector.maxInFlight, ++inFlight);
    collector.batches.push(batch.length);
    if (Math.random() < 0.3) await pause(1);
    collector.events.push(...batch);
    inFlight--;
  });
  return [subscription, collector];
}

const positionsOf = (events: readonly RecordedEvent[]) => events.map((event) => event.globalPosition);

/**
 * Positions are ordered but not contiguous (KurrentDB's are commit positions in its log): each one
 * after `after` and after the one before it.
 */
function expectAdvancing(positions: readonly number[], after: number): void {
  let previous = after;
  for (const position of positions) {
    expect(Number.isSafeInteger(position)).toBe(true);
    expect(position).toBeGreaterThan(previous);
    previous = position;
  }
}

const lastOf = (events: readonly RecordedEvent[]): number => events[events.length - 1].globalPosition;

/**
 * The behaviour every EventStore adapter (SQLite, MySQL, EventStoreDB) must show. Run it from the
 * adapter's spec with a factory that gives fresh stores.
 */
export function describeEventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(`${name} honours the EventStore contract`, () => {
    let store: EventStore;
    let head: number;

    beforeEach(async () => {
      store = await factory.create();
      head = await store.headPosition();
    });
    afterEach(() => factory.dispose());

    const connections = async (count: number): Promise<EventStore[]> => {
      const second = factory.createSecondConnection;
      if (!second) return Array.from({ length: count }, () => store);
      return [store, ...(await Promise.all(range(1, count - 1).map(() => second(store))))];
    };

    describe('append', () => {
      it('given no stream, when appending with no_stream, then the events get versions 0..n-1 and positions after the head', async () => {
        const streamId = aStream();

        const result = await store.append(streamId, someEvents(3), { expectedVersion: 'no_stream' });

        const { events, version } = await store.readStream(streamId);
        expect(version).toBe(2);
        expect(events.map((event) => event.streamVersion)).toEqual([0, 1, 2]);
        expectAdvancing(positionsOf(events), head);
        expect(result).toEqual({ nextExpectedVersion: 2, lastPosition: lastOf(events) });
        expect(await store.headPosition()).toBe(result.lastPosition);
      });

      it('given an existing stream, when appending with no_stream, then it throws a ConcurrencyError and writes nothing', async () => {
        const streamId = aStream();
        const { lastPosition } = await store.append(streamId, someEvents(1), {
          expectedVersion: 'no_stream',
        });

        await expect(
          store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' }),
        ).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });

        expect((await store.readStream(streamId)).events).toHaveLength(1);
        expect(await store.headPosition()).toBe(lastPosition);
      });

      it('given a stream at version 1, when appending with expected version 1, then it appends at version 2', async () => {
        const streamId = aStream();
        const first = await store.append(streamId, someEvents(2), { expectedVersion: 'no_stream' });

        const result = await store.append(streamId, someEvents(1), { expectedVersion: 1 });

        expect(result.nextExpectedVersion).toBe(2);
        expect(result.lastPosition).toBeGreaterThan(first.lastPosition);
        expect(lastOf((await store.readStream(streamId)).events)).toBe(result.lastPosition);
      });

      it('given a stream at version 2, when appending with the stale version 1, then it throws a ConcurrencyError and writes nothing', async () => {
        const streamId = aStream();
        const { lastPosition } = await store.append(streamId, someEvents(3), {
          expectedVersion: 'no_stream',
        });

        const stale = store.append(streamId, someEvents(2), { expectedVersion: 1 });

        await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(stale).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
        expect((await store.readStream(streamId)).version).toBe(2);
        expect(await store.headPosition()).toBe(lastPosition);
      });

      it('given no stream, when appending with an expected version number, then it throws a ConcurrencyError', async () => {
        await expect(store.append(aStream(), someEvents(1), { expectedVersion: 0 })).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
        expect(await store.headPosition()).toBe(head);
      });

      it('given a stream or none, when appending with any, then it appends at the end', async () => {
        const streamId = aStream();

        const first = await store.append(streamId, someEvents(2), { expectedVersion: 'any' });
        const second = await store.append(streamId, someEvents(1), { expectedVersion: 'any' });

        expect(first.nextExpectedVersion).toBe(1);
        expect(second.nextExpectedVersion).toBe(2);
        expect(second.lastPosition).toBeGreaterThan(first.lastPosition);
      });

      it('given no stream, when appending with stream_exists, then it conflicts; given a stream, then it appends', async () => {
        const streamId = aStream();

        await expect(
          store.append(streamId, someEvents(1), { expectedVersion: 'stream_exists' }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        const created = await store.append(streamId, someEvents(1), { expectedVersion: 'no_stream' });
        const result = await store.append(streamId, someEvents(1), { expectedVersion: 'stream_exists' });

        expect(result.nextExpectedVersion).toBe(1);
        expect(result.lastPosition).toBeGreaterThan(created.lastPosition);
      });

      it('given events already appended, when the same event ids are appended again with a now stale version, then nothing is written and the original result comes back', async () => {
        const streamId = aStream();
        const events = someEvents(2);
        const original = await store.append(streamId, events, { expectedVersion: 'no_stream' });
        const { lastPosition } = await store.append(streamId, someEvents(1), { expectedVersion: 1 });

        const retried = await store.append(streamId, events, { expectedVersion: 'no_stream' });
        const retriedWithAny = await store.append(streamId, events, { expectedVersion: 'any' });

        expect(retried).toEqual(original);
        expect(retriedWithAny).toEqual(original);
        expect((await store.readStream(streamId)).version).toBe(2);
        expect(await store.headPosition()).toBe(lastPosition);
      });

      it('given events already appended, when an append repeats only some of their ids, then it throws a ConcurrencyError and writes nothing', async () => {
        const streamId = aStream();
        const [first, second] = someEvents(2);
        const { lastPosition } = await store.append(streamId, [first, second], {
          expectedVersion: 'no_stream',
        });

        await expect(
          store.append(streamId, [second, anEvent()], { expectedVersion: 1 }),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(
          store.append(streamId, [anEvent(), first], { expectedVersion: 'any' }),
        ).rejects.toBeInstanceOf(ConcurrencyError);

        expect((await store.readStream(streamId)).version).toBe(1);
        expect(await store.headPosition()).toBe(lastPosition);
      });

      it('given a batch of 100 events, when appended, then they take consecutive versions and advancing positions', async () => {
        const streamId = aStream();

        const result = await store.append(streamId, someEvents(100), { expectedVersion: 'no_stream' });

        const { events } = await store.readStream(streamId);
        expect(result).toEqual({ nextExpectedVersion: 99, lastPosition: lastOf(events) });
        expect(events.map((event) => event.streamVersion)).toEqual(range(0, 100));
        expectAdvancing(positionsOf(events), head);
        expect(await store.readAll({ fromPosition: head, limit: 1_000 })).toEqual(events);
      });
    });

    describe('read', () => {
      it('given no stream, when reading it, then there are no events and the version is -1', async () => {
        expect(await store.readStream(aStream())).toEqual({ events: [], version: NO_STREAM_VERSION });
      });

      it('given a stream of 5 events, when reading from version 2, then events 2..4 come back with the current version', async () => {
        const streamId = aStream();
        const written = someEvents(5);
        await store.append(streamId, written, { expectedVersion: 'no_stream' });

        const { events, version } = await store.readStream(streamId, { fromVersion: 2 });
        const beyond = await store.readStream(streamId, { fromVersion: 7 });

        expect(events.map((event) => event.eventId)).toEqual(written.slice(2).map((event) => event.eventId));
        expect(version).toBe(4);
        expect(beyond).toEqual({ events: [], version: 4 });
      });

      it('given events in several streams, when reading all from a position in batches of 3, then every later event comes back once, in order', async () => {
        for (const streamId of [aStream(), aStream(), aStream()]) {
          await store.append(streamId, someEvents(4), { expectedVersion: 'no_stream' });
        }
        const written = await store.readAll({ fromPosition: head, limit: 100 });
        const read: RecordedEvent[] = [];
        const batchSizes: number[] = [];

        for (let from = written[1].globalPosition; ;) {
          const batch = await store.readAll({ fromPosition: from, limit: 3 });
          if (batch.length === 0) break;
          batchSizes.push(batch.length);
          read.push(...batch);
          from = batch[batch.length - 1].globalPosition;
        }

        expect(written).toHaveLength(12);
        expect(read).toEqual(written.slice(2));
        expectAdvancing(positionsOf(read), written[1].globalPosition);
        expect(batchSizes).toEqual([3, 3, 3, 1]);
      });

      it('given events of several types, when reading all of some types in batches of 2, then only those come back, once, in order', async () => {
        const streamId = aStream();
        const types = ['Created', 'Renamed', 'Tagged', 'Renamed', 'Deleted', 'Tagged', 'Renamed'];
        await store.append(
          streamId,
          types.map((type, index) => anEvent({ index }, type)),
          { expectedVersion: 'no_stream' },
        );
        const written = (await store.readStream(streamId)).events;
        const read: RecordedEvent[] = [];

        for (let from = head; ;) {
          const batch = await store.readAll({ fromPosition: from, limit: 2, types: ['Renamed', 'Deleted'] });
          if (batch.length === 0) break;
          read.push(...batch);
          from = batch[batch.length - 1].globalPosition;
        }

        expect(read.map((event) => [event.type, event.data])).toEqual([
          ['Renamed', { index: 1 }],
          ['Renamed', { index: 3 }],
          ['Deleted', { index: 4 }],
          ['Renamed', { index: 6 }],
        ]);
        expect(positionsOf(read)).toEqual(positionsOf([written[1], written[3], written[4], written[6]]));
        expect(await store.readAll({ fromPosition: head, limit: 10, types: [] })).toEqual([]);
      });

      it('given appends interleaved across streams, then global positions are strictly increasing in append order and the head is the last one', async () => {
        const streams = [aStream(), aStream(), aStream(), aStream(), aStream()];
        const results = [];
        const lastIndexes: number[] = [];
        let written = 0;
        for (let round = 0; round < 4; round++) {
          for (const [index, streamId] of streams.entries()) {
            const expectedVersion = round === 0 ? 'no_stream' : 'stream_exists';
            const count = (index % 3) + 1;
            results.push(await store.append(streamId, someEvents(count), { expectedVersion }));
            written += count;
            lastIndexes.push(written - 1);
          }
        }

        const all = await store.readAll({ fromPosition: head, limit: 1_000 });

        expectAdvancing(positionsOf(all), head);
        expect(all).toHaveLength(4 * (1 + 2 + 3 + 1 + 2));
        // Each append answers the position of its own last event.
        expect(results.map((result) => result.lastPosition)).toEqual(
          lastIndexes.map((index) => all[index].globalPosition),
        );
        expect(await store.headPosition()).toBe(lastOf(all));
      });

      it('given events with metadata, when read back, then actorId, correlationId, causationId and environment round-trip', async () => {
        const streamId = aStream();
        const withoutEnvironment = {
          actorId: 'user-bob',
          correlationId: 'correlation-2',
          causationId: 'causation-2',
        };
        await store.append(streamId, [anEvent(), { ...anEvent(), metadata: withoutEnvironment }], {
          expectedVersion: 'no_stream',
        });

        const { events } = await store.readStream(streamId);

        expect(events[0].metadata).toEqual(metadata);
        expect(events[1].metadata).toEqual(withoutEnvironment);
      });

      it('given an event, when read back, then its id, type, data, schema version, stream and time round-trip', async () => {
        const streamId = aStream();
        const data = { name: 'Chinook ✓', tables: ['Album', 'Artist'], count: 3, ratio: 0.25, note: null };
        const versioned = { ...anEvent(data, 'IntegrationCreated'), schemaVersion: 2 };
        const unversioned = anEvent({}, 'IntegrationDeleted');
        const before = Date.now();
        await store.append(streamId, [versioned, unversioned], { expectedVersion: 'no_stream' });

        const [first, second] = (await store.readStream(streamId)).events;

        expect(first).toMatchObject({
          eventId: versioned.eventId,
          type: 'IntegrationCreated',
          schemaVersion: 2,
          streamId,
          streamVersion: 0,
          data,
        });
        expect(second.schemaVersion).toBe(1);
        expect(new Date(first.recordedAt).toISOString()).toBe(first.recordedAt);
        expect(Date.parse(first.recordedAt)).toBeGreaterThanOrEqual(before - 1_000);
      });
    });

    describe('under concurrency', () => {
      it(
        'given 8 appenders racing on one stream, when each retries on conflicts, then every version is written exactly once and no event is lost',
        async () => {
          const streamId = aStream('race');
          const appenders = await connections(8);

          const outcomes = await Promise.all(
            appenders.map((appender) => appendWithRetries(appender, streamId, 10)),
          );

          const { events, version } = await store.readStream(streamId);
          expect(version).toBe(79);
          expect(events.map((event) => event.streamVersion)).toEqual(range(0, 80));
          const written = outcomes.flatMap((outcome) => outcome.written);
          expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(written));
          expect(written).toHaveLength(80);
          expect(outcomes.reduce((sum, outcome) => sum + outcome.conflicts, 0)).toBeGreaterThan(0);
        },
        RACE_TIMEOUT_MS,
      );

      it(
        'given live subscribers started before and during appends to many streams, then each sees every event exactly once, in order',
        async () => {
          const writers = await connections(8);
          const streams = range(0, 6).map(() => aStream('live'));
          // Two writers per stream, so conflicts and retries happen too.
          const plan = range(0, 12).map((index) => ({
            writer: writers[index % writers.length],
            streamId: streams[index % streams.length],
            eventsPerAppend: (index % 3) + 1,
          }));
          const total = plan.reduce((sum, { eventsPerAppend }) => sum + 15 * eventsPerAppend, 0);
          const [early, earlyEvents] = collect(store, head, 7);

          let appendsFinished = false;
          const appending = Promise.all(
            plan.map(({ writer, streamId, eventsPerAppend }) =>
              appendWithRetries(writer, streamId, 15, eventsPerAppend),
            ),
          ).finally(() => (appendsFinished = true));
          await waitFor(
            () => earlyEvents.events.length >= total / 4,
            RACE_TIMEOUT_MS,
            'a quarter of the events',
          );
          const [late, lateEvents] = collect(store, head);
          const lateStartedDuringAppends = !appendsFinished;
          const written = (await appending).flatMap((outcome) => outcome.written);
          await waitFor(
            () => earlyEvents.events.length >= total && lateEvents.events.length >= total,
            LIVE_DELIVERY_TIMEOUT_MS,
            'every event delivered',
          );
          await pause(100);
          await Promise.all([early.stop(), late.stop()]);

          expect(lateStartedDuringAppends).toBe(true);
          expect(written).toHaveLength(total);
          for (const { events, batches, maxInFlight } of [earlyEvents, lateEvents]) {
            expectAdvancing(positionsOf(events), head);
            expect(events).toHaveLength(total);
            expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(written));
            expect(maxInFlight).toBe(1);
            expect(batches.reduce((sum, size) => sum + size, 0)).toBe(total);
          }
          expect(Math.max(...earlyEvents.batches)).toBeLessThanOrEqual(7);
          for (const streamId of streams) {
            const versions = earlyEvents.events.filter((event) => event.streamId === streamId);
            expect(versions.map((event) => event.streamVersion)).toEqual(range(0, versions.length));
          }
        },
        RACE_TIMEOUT_MS,
      );
    });

    describe('subscribe', () => {
      it('given stored events, when subscribing from a middle position, then delivery starts right after it and goes on live', async () => {
        const streamId = aStream();
        await store.append(streamId, someEvents(10), { expectedVersion: 'no_stream' });
        const stored = (await store.readStream(streamId)).events;
        const [subscription, delivered] = collect(store, stored[3].globalPosition, 4);

        try {
          await waitFor(() => delivered.events.length >= 6, LIVE_DELIVERY_TIMEOUT_MS, 'catch-up');
          await store.append(streamId, someEvents(1), { expectedVersion: 9 });
          await waitFor(() => delivered.events.length >= 7, LIVE_DELIVERY_TIMEOUT_MS, 'live event');
        } finally {
          await subscription.stop();
        }

        const all = (await store.readStream(streamId)).events;
        expect(delivered.events).toEqual(all.slice(4));
        expect(delivered.events).toHaveLength(7);
        expect(Math.max(...delivered.batches)).toBeLessThanOrEqual(4);
      });

      it('given a subscriber, when it is stopped, then stop waits for the batch in flight and no later event is delivered', async () => {
        const streamId = aStream();
        await store.append(streamId, someEvents(2), { expectedVersion: 'no_stream' });
        let release!: () => void;
        const handlerBlocked = new Promise<void>((resolve) => (release = resolve));
        const batches: RecordedEvent[][] = [];
        const subscription = store.subscribe({ fromPosition: head }, async (batch) => {
          batches.push([...batch]);
          await handlerBlocked;
        });
        await waitFor(() => batches.length === 1, LIVE_DELIVERY_TIMEOUT_MS, 'the first batch');

        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await pause(50);
        const stoppedWhileHandlerRan = stopped;
        release();
        await stopping;
        await store.append(streamId, someEvents(3), { expectedVersion: 1 });
        await pause(300);

        expect(stoppedWhileHandlerRan).toBe(false);
        expect(batches).toHaveLength(1);
      });

      it('given a handler that throws, then the subscription ends, failed resolves with the error and nothing more is delivered', async () => {
        const streamId = aStream();
        await store.append(streamId, someEvents(2), { expectedVersion: 'no_stream' });
        let calls = 0;
        const subscription = store.subscribe({ fromPosition: head }, () => {
          calls++;
          throw new Error('projection broke');
        });

        const error = await subscription.failed;
        await store.append(streamId, someEvents(1), { expectedVersion: 1 });
        await pause(300);
        await subscription.stop();

        expect(error.message).toBe('projection broke');
        expect(calls).toBe(1);
      });

      it('given a subscriber on one connection, when another connection appends, then the subscriber sees the events', async () => {
        const [, other] = await connections(2);
        const [subscription, delivered] = collect(store, head);

        try {
          await other.append(aStream(), someEvents(3), { expectedVersion: 'no_stream' });
          await waitFor(
            () => delivered.events.length >= 3,
            LIVE_DELIVERY_TIMEOUT_MS,
            'events of the other connection',
          );
        } finally {
          await subscription.stop();
        }

        expect(delivered.events).toHaveLength(3);
        expectAdvancing(positionsOf(delivered.events), head);
      });
    });
  });
}
