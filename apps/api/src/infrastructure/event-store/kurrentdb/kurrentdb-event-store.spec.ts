import { type RecordedEvent } from '@ib/domain';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { type NewEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { InMemoryKurrentClient } from './testing/in-memory-kurrent-client';

const metadata = { actorId: 'user-ada', correlationId: 'c-1', causationId: 'c-0' };
let sequence = 0;
const anEvent = (type = 'SomethingHappened', data: Record<string, unknown> = {}): NewEvent => ({
  eventId: `0190a8b0-0000-7000-8000-${String(++sequence).padStart(12, '0')}`,
  type,
  data,
  metadata,
});
const someEvents = (count: number) =>
  Array.from({ length: count }, (_, index) => anEvent('SomethingHappened', { index }));
const positionsOf = (events: readonly RecordedEvent[]) => events.map((event) => event.globalPosition);

describe('KurrentDbEventStore (on an in-memory KurrentDB log)', () => {
  let client: InMemoryKurrentClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    client = new InMemoryKurrentClient();
    store = new KurrentDbEventStore({ client, pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  describe('append', () => {
    it('given no stream, when appending 3 events with no_stream, then they get revisions 0..2 and the last one’s log position', async () => {
      const result = await store.append('integration-1', someEvents(3), { expectedVersion: 'no_stream' });

      const { events, version } = await store.readStream('integration-1');
      expect(version).toBe(2);
      expect(events.map((event) => event.streamVersion)).toEqual([0, 1, 2]);
      expect(result).toEqual({ nextExpectedVersion: 2, lastPosition: events[2].globalPosition });
      const stored = client.log.filter((event) => event.streamId === 'integration-1');
      expect(positionsOf(events)).toEqual(stored.map((event) => Number(event.position.commit)));
      expect(events[1].globalPosition - events[0].globalPosition).toBeGreaterThan(1);
    });

    it('given a stream at version 1, when appending with the stale version 0, then it throws WRONG_EXPECTED_VERSION and writes nothing', async () => {
      await store.append('integration-1', someEvents(2), { expectedVersion: 'no_stream' });

      await expect(
        store.append('integration-1', someEvents(1), { expectedVersion: 0 }),
      ).rejects.toMatchObject({
        kind: 'concurrency',
        code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
        message: 'Stream integration-1 is at version 1, expected 0',
      });
      expect((await store.readStream('integration-1')).version).toBe(1);
    });

    it('given a stream, when appending with no_stream, or to no stream with stream_exists, then both conflict', async () => {
      await store.append('integration-1', someEvents(1), { expectedVersion: 'no_stream' });

      await expect(
        store.append('integration-1', someEvents(1), { expectedVersion: 'no_stream' }),
      ).rejects.toMatchObject({
        code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
      });
      await expect(
        store.append('integration-2', someEvents(1), { expectedVersion: 'stream_exists' }),
      ).rejects.toMatchObject({
        code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
      });
      expect(client.log.filter((event) => event.streamId.startsWith('integration-'))).toHaveLength(1);
    });

    it('given events already appended, when the same ids are appended again with a stale version, no_stream or any, then the original result comes back and nothing is written', async () => {
      const events = someEvents(2);
      const original = await store.append('integration-1', events, { expectedVersion: 'no_stream' });
      await store.append('integration-1', someEvents(1), { expectedVersion: 1 });

      const retries = [
        await store.append('integration-1', events, { expectedVersion: 'no_stream' }),
        await store.append('integration-1', events, { expectedVersion: 2 }),
        await store.append('integration-1', events, { expectedVersion: 5 }),
        await store.append('integration-1', events, { expectedVersion: 'any' }),
      ];

      expect(retries).toEqual([original, original, original, original]);
      expect((await store.readStream('integration-1')).version).toBe(2);
    });

    it('given events already appended, when an append repeats only some of their ids at the current version, then it throws DUPLICATE_EVENT_ID before the server could store a duplicate', async () => {
      const [first, second] = someEvents(2);
      await store.append('integration-1', [first, second], { expectedVersion: 'no_stream' });
      const appendsBefore = client.appendCalls.length;

      await expect(
        store.append('integration-1', [second, anEvent()], { expectedVersion: 1 }),
      ).rejects.toMatchObject({
        kind: 'concurrency',
        code: 'EVENT_STORE.DUPLICATE_EVENT_ID',
      });
      await expect(
        store.append('integration-1', [anEvent(), first], { expectedVersion: 'any' }),
      ).rejects.toMatchObject({
        code: 'EVENT_STORE.DUPLICATE_EVENT_ID',
      });

      expect(client.appendCalls).toHaveLength(appendsBefore);
      expect((await store.readStream('integration-1')).version).toBe(1);
    });

    it('given an append that carries one id twice, then it is a validation error', async () => {
      const event = anEvent();

      await expect(
        store.append('integration-1', [event, event], { expectedVersion: 'any' }),
      ).rejects.toMatchObject({
        kind: 'validation',
        code: 'EVENT_STORE.DUPLICATE_EVENT_ID',
      });
    });

    it('given no events, then the stream’s head is checked and returned', async () => {
      const { lastPosition } = await store.append('integration-1', someEvents(2), {
        expectedVersion: 'no_stream',
      });

      expect(await store.append('integration-1', [], { expectedVersion: 1 })).toEqual({
        nextExpectedVersion: 1,
        lastPosition,
      });
      expect(await store.append('integration-2', [], { expectedVersion: 'no_stream' })).toEqual({
        nextExpectedVersion: -1,
        lastPosition: 0,
      });
      await expect(store.append('integration-1', [], { expectedVersion: 0 })).rejects.toMatchObject({
        code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
      });
    });
  });

  describe('read', () => {
    it('given no stream, when reading it, then it is empty at version -1', async () => {
      expect(await store.readStream('integration-none')).toEqual({ events: [], version: -1 });
    });

    it('given 5 events, when reading from version 2 or beyond the end, then the later ones come back with the current version', async () => {
      await store.append('integration-1', someEvents(5), { expectedVersion: 'no_stream' });

      const middle = await store.readStream('integration-1', { fromVersion: 2 });
      const beyond = await store.readStream('integration-1', { fromVersion: 7 });

      expect(middle.events.map((event) => event.streamVersion)).toEqual([2, 3, 4]);
      expect(middle.version).toBe(4);
      expect(beyond).toEqual({ events: [], version: 4 });
    });

    it('given an event with a schema version, when read back, then every field round-trips and the reserved key is gone', async () => {
      const event = {
        ...anEvent('IntegrationCreated', { name: 'Chinook ✓', tables: ['Album'], note: null }),
        schemaVersion: 2,
      };
      await store.append('integration-1', [event], { expectedVersion: 'no_stream' });

      const [read] = (await store.readStream('integration-1')).events;

      expect(read).toEqual({
        eventId: event.eventId,
        type: 'IntegrationCreated',
        schemaVersion: 2,
        streamId: 'integration-1',
        streamVersion: 0,
        globalPosition: read.globalPosition,
        recordedAt: '2026-01-02T03:04:05.678Z',
        data: { name: 'Chinook ✓', tables: ['Album'], note: null },
        metadata,
      });
    });

    it('given events in several streams and a system event, when reading all in batches of 3 from a position, then each later event of ours comes back once, in order', async () => {
      for (const streamId of ['integration-1', 'connection-1', 'user-ada']) {
        await store.append(streamId, someEvents(4), { expectedVersion: 'no_stream' });
      }
      client.writeDirectly('other-app-1', [
        { id: 'x', contentType: 'application/json', type: 'Foreign', data: {}, metadata: {} },
      ]);
      const ours = client.log.filter(
        (event) => !['other-app-1'].includes(event.streamId) && !event.streamId.startsWith('$'),
      );
      const from = Number(ours[1].position.commit);

      const read: RecordedEvent[] = [];
      const batchSizes: number[] = [];
      for (let position = from; ;) {
        const batch = await store.readAll({ fromPosition: position, limit: 3 });
        if (batch.length === 0) break;
        batchSizes.push(batch.length);
        read.push(...batch);
        position = batch[batch.length - 1].globalPosition;
      }

      expect(positionsOf(read)).toEqual(ours.slice(2).map((event) => Number(event.position.commit)));
      expect(batchSizes).toEqual([3, 3, 3, 1]);
    });

    it('given events of several types, also in streams not ours, when reading some types in batches of 2, then only ours of those types come back', async () => {
      const types = ['Created', 'Renamed', 'Tagged', 'Renamed', 'Deleted', 'Tagged', 'Renamed'];
      await store.append(
        'integration-1',
        types.map((type, index) => anEvent(type, { index })),
        { expectedVersion: 'no_stream' },
      );
      client.writeDirectly('other-app-1', [
        { id: 'y', contentType: 'application/json', type: 'Renamed', data: { index: 99 }, metadata: {} },
      ]);
      await store.append('integration-2', [anEvent('Deleted', { index: 7 })], {
        expectedVersion: 'no_stream',
      });

      const read: RecordedEvent[] = [];
      for (let position = 0; ;) {
        const batch = await store.readAll({
          fromPosition: position,
          limit: 2,
          types: ['Renamed', 'Deleted'],
        });
        if (batch.length === 0) break;
        read.push(...batch);
        position = batch[batch.length - 1].globalPosition;
      }

      expect(read.map((event) => [event.type, event.data])).toEqual([
        ['Renamed', { index: 1 }],
        ['Renamed', { index: 3 }],
        ['Deleted', { index: 4 }],
        ['Renamed', { index: 6 }],
        ['Deleted', { index: 7 }],
      ]);
      expect(await store.readAll({ fromPosition: 0, limit: 10, types: [] })).toEqual([]);
    });

    it('given only system events, then the head is 0; given ours, then it is the position of our last event', async () => {
      expect(await store.headPosition()).toBe(0);

      const { lastPosition } = await store.append('integration-1', someEvents(2), {
        expectedVersion: 'no_stream',
      });
      client.writeDirectly('$stats-127.0.0.1:2113', [
        { id: 'z', contentType: 'application/json', type: '$statsCollected', data: {}, metadata: {} },
      ]);

      expect(await store.headPosition()).toBe(lastPosition);
    });
  });

  describe('subscribe', () => {
    const waitFor = async (condition: () => boolean) => {
      for (const deadline = Date.now() + 2_000; !condition();) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    it('given stored events, when subscribing from a middle position, then it catches up in batches and goes on live with events of another client', async () => {
      await store.append('integration-1', someEvents(6), { expectedVersion: 'no_stream' });
      const { events: stored } = await store.readStream('integration-1');
      const delivered: RecordedEvent[] = [];
      const batches: number[] = [];
      const subscription = store.subscribe(
        { fromPosition: stored[1].globalPosition, batchSize: 3 },
        (batch) => {
          batches.push(batch.length);
          delivered.push(...batch);
        },
      );

      await waitFor(() => delivered.length === 4);
      client.writeDirectly('integration-2', [
        { id: 'live-1', contentType: 'application/json', type: 'Live', data: {}, metadata: {} },
      ]);
      await waitFor(() => delivered.length === 5);
      await subscription.stop();

      expect(delivered.map((event) => event.eventId)).toEqual([
        ...stored.slice(2).map((event) => event.eventId),
        'live-1',
      ]);
      expect(Math.max(...batches)).toBeLessThanOrEqual(3);
    });

    it('given a handler that throws, then failed resolves with its error', async () => {
      await store.append('integration-1', someEvents(1), { expectedVersion: 'no_stream' });

      const subscription = store.subscribe({ fromPosition: 0 }, () => {
        throw new Error('projection broke');
      });

      expect((await subscription.failed).message).toBe('projection broke');
    });

    it('given a batch size below 1, then subscribing is refused', () => {
      expect(() => store.subscribe({ fromPosition: 0, batchSize: 0 }, () => undefined)).toThrow(RangeError);
    });
  });

  describe('faults', () => {
    it('given an unreachable server, then every call answers EventStoreUnavailableError', async () => {
      client.failNext = new UnavailableError();
      await expect(store.readStream('integration-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      client.failNext = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      await expect(
        store.append('integration-1', someEvents(1), { expectedVersion: 'no_stream' }),
      ).rejects.toThrow('Event store cannot append (KurrentDB unavailable)');
      client.failNext = new UnavailableError();
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('given a closed store, then calls are unavailable and the client is disposed', async () => {
      await store.close();

      expect(client.disposed).toBe(true);
      await expect(store.readAll({ fromPosition: 0, limit: 1 })).rejects.toThrow('Event store is closed');
    });
  });
});
