import { type RecordedEvent } from '@ib/domain';
import { inLogOrder } from './object-timeline';

const at = (streamId: string, globalPosition: number): RecordedEvent => ({
  eventId: `e-${globalPosition}`,
  type: 'Happened',
  schemaVersion: 1,
  streamId,
  streamVersion: 0,
  globalPosition,
  recordedAt: '2025-01-01T00:00:00.000Z',
  data: {},
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'c' },
});

const positions = (events: readonly RecordedEvent[]) => events.map(({ globalPosition }) => globalPosition);

describe('inLogOrder: the events of an object’s streams as one list', () => {
  it('given one long stream and short ones, when merged, then every event is in log order once', () => {
    const own = [1, 2, 5, 8, 9, 13].map((position) => at('own', position));
    const first = [3, 10].map((position) => at('first', position));
    const second = [4, 14].map((position) => at('second', position));

    expect(positions(inLogOrder(own, first, [], second))).toEqual([1, 2, 3, 4, 5, 8, 9, 10, 13, 14]);
  });

  it('given a single stream with events, when merged, then it is that stream', () => {
    const own = [at('own', 1), at('own', 7)];

    expect(inLogOrder([], own)).toBe(own);
    expect(inLogOrder()).toEqual([]);
  });
});
