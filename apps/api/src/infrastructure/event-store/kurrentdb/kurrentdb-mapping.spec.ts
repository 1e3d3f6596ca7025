import { ConcurrencyError } from '@ib/domain';
import { UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../event-store-unavailable.error';
import {
  asOriginalAppend,
  exactTypesRegex,
  KURRENT_STREAM_PREFIXES,
  rejectAppend,
  SCHEMA_VERSION_KEY,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  toUnavailableError,
} from './kurrentdb-mapping';

const metadata = {
  actorId: 'user-ada',
  correlationId: 'c-1',
  causationId: 'c-0',
  environment: 'development',
};
const event = (eventId: string) => ({ eventId, type: 'SomethingHappened', data: {}, metadata });

describe('KurrentDB mapping', () => {
  describe('expected versions', () => {
    it.each([
      ['no_stream', 'no_stream'],
      ['any', 'any'],
      ['stream_exists', 'stream_exists'],
      [-1, 'no_stream'],
      [0, 0n],
      [41, 41n],
    ] as const)('given expected version %p, then the stream state is %p', (expected, state) => {
      expect(toStreamState(expected)).toBe(state);
    });
  });

  describe('global positions', () => {
    it('given a position whose commit and prepare agree, then it is that log position as a number', () => {
      expect(toGlobalPosition({ commit: 123_456n, prepare: 123_456n })).toBe(123_456);
    });

    it('given events of an explicit transaction (shared commit position), then the position is refused', () => {
      expect(() => toGlobalPosition({ commit: 9_000n, prepare: 8_500n })).toThrow(/explicit transaction/);
    });

    it('given no position (a server before 22.6) or one beyond 2^53, then it is refused', () => {
      expect(() => toGlobalPosition(undefined)).toThrow(/22\.6/);
      const huge = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => toGlobalPosition({ commit: huge, prepare: huge })).toThrow(/not a usable/);
    });

    it('given a global position, when resuming a read, then it is that log position (0 = the start)', () => {
      expect(toReadPosition(0)).toBe('start');
      expect(toReadPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
    });
  });

  describe('events', () => {
    it('given a new event, then data is JSON and the schema version travels in the metadata', () => {
      const data = toEventData({ ...event('e-1'), data: { a: 1 }, schemaVersion: 3 });

      expect(data).toEqual({
        id: 'e-1',
        contentType: 'application/json',
        type: 'SomethingHappened',
        data: { a: 1 },
        metadata: { ...metadata, [SCHEMA_VERSION_KEY]: 3 },
      });
      expect(toEventData(event('e-2')).metadata[SCHEMA_VERSION_KEY]).toBe(1);
    });

    it('given a recorded event, then it maps to ours with the reserved key removed and the server time as recordedAt', () => {
      const recorded = toRecordedEvent({
        streamId: 'integration-1',
        id: 'e-1',
        revision: 4n,
        type: 'IntegrationCreated',
        created: new Date('2026-01-02T03:04:05.678Z'),
        data: { name: 'Chinook' },
        metadata: { ...metadata, [SCHEMA_VERSION_KEY]: 2 },
        position: { commit: 7_777n, prepare: 7_777n },
      });

      expect(recorded).toEqual({
        eventId: 'e-1',
        type: 'IntegrationCreated',
        schemaVersion: 2,
        streamId: 'integration-1',
        streamVersion: 4,
        globalPosition: 7_777,
        recordedAt: '2026-01-02T03:04:05.678Z',
        data: { name: 'Chinook' },
        metadata,
      });
    });
  });

  describe('filters', () => {
    it('given our stream ids, then the prefixes cover every aggregate and no system stream', () => {
      expect([...KURRENT_STREAM_PREFIXES].sort()).toEqual([
        'api-key-',
        'connection-',
        'connection-request-',
        'dependency-',
        'environment-',
        'integration-',
        'integration-deployments-',
        'integration-publications-',
        'publication-',
        'republish-',
        'user-',
      ]);
    });

    it('given event types, then the regex matches exactly those types', () => {
      const regex = new RegExp(exactTypesRegex(['Renamed', 'Deleted.v2']));

      expect(['Renamed', 'Deleted.v2'].every((type) => regex.test(type))).toBe(true);
      expect(['RenamedAgain', 'XRenamed', 'DeletedXv2'].some((type) => regex.test(type))).toBe(false);
    });
  });

  describe('retries and conflicts', () => {
    const stored = new Map([
      ['a', { revision: 0, position: 100 }],
      ['b', { revision: 1, position: 350 }],
    ]);

    it('given every id stored consecutively in order, then the original result comes back', () => {
      expect(asOriginalAppend([event('a'), event('b')], stored)).toEqual({
        nextExpectedVersion: 1,
        lastPosition: 350,
      });
    });

    it('given only some ids stored, or another order, then it is not a retry', () => {
      expect(asOriginalAppend([event('b'), event('c')], stored)).toBeUndefined();
      expect(asOriginalAppend([event('b'), event('a')], stored)).toBeUndefined();
    });

    it('given a rejection, then it is a ConcurrencyError with the code for its cause', () => {
      expect(() => rejectAppend('s', 1, 2, false)).toThrow(
        expect.objectContaining({ code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' }) as Error,
      );
      expect(() => rejectAppend('s', 1, undefined, true)).toThrow(ConcurrencyError);
      expect(() => rejectAppend('s', 1, undefined, true)).toThrow(
        expect.objectContaining({ code: 'EVENT_STORE.DUPLICATE_EVENT_ID' }) as Error,
      );
    });
  });

  describe('errors', () => {
    it('given an unavailable server, then it is EventStoreUnavailableError without the client message', () => {
      const error = toUnavailableError(new UnavailableError(), 'append');

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error?.message).toBe('Event store cannot append (KurrentDB unavailable)');
    });

    it('given a raw gRPC error from the append path, then its status code decides, and its text is not repeated', () => {
      const raw = Object.assign(
        new Error('14 UNAVAILABLE: connect ECONNREFUSED kurrentdb://admin:changeit@db:2113'),
        {
          code: 14,
        },
      );
      const deadline = Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 });

      expect(toUnavailableError(raw, 'append')?.message).toBe(
        'Event store cannot append (KurrentDB unavailable)',
      );
      expect(toUnavailableError(raw, 'append')?.message).not.toContain('changeit');
      expect(toUnavailableError(deadline, 'read all events')?.message).toContain('deadline-exceeded');
    });

    it('given a conflict or a bug, then it is not an unavailability', () => {
      const conflict = new WrongExpectedVersionError(undefined, {
        streamName: 's',
        expected: 1n,
        current: 2n,
      });

      expect(toUnavailableError(conflict, 'append')).toBeUndefined();
      expect(toUnavailableError(new TypeError('bug'), 'append')).toBeUndefined();
    });
  });
});
