import { type RecordedEvent } from '@ib/domain';
import { RecentEvents } from './recent-events';
import { type EventRow } from './stored-event';

const at = (globalPosition: number): EventRow => [
  globalPosition,
  `e${globalPosition}`,
  's',
  globalPosition - 1,
  'Happened',
  1,
  '{}',
  '{"actorId":"a","correlationId":"c","causationId":"c"}',
  '2026-01-01T00:00:00.000Z',
];

/** Counts decodes, so specs can tell when rows are decoded. */
function decoder() {
  const decoded: number[] = [];
  const decode = (row: EventRow): RecordedEvent => {
    const [globalPosition, eventId, streamId, streamVersion, type, schemaVersion, data, metadata] = row;
    decoded.push(globalPosition);
    return {
      eventId,
      type,
      schemaVersion,
      streamId,
      streamVersion,
      globalPosition,
      recordedAt: row[8],
      data: JSON.parse(data) as object,
      metadata: JSON.parse(metadata) as RecordedEvent['metadata'],
    };
  };
  return { decode, decoded };
}

const positions = (events: readonly RecordedEvent[] | undefined) =>
  events?.map((event) => event.globalPosition);

describe('RecentEvents', () => {
  const { decode } = decoder();

  it('given contiguous appends, answers the events after a position it covers', () => {
    const recent = new RecentEvents(decode);
    recent.add([at(5), at(6)]);
    recent.add([at(7)]);
    expect(positions(recent.after(4, 10))).toEqual([5, 6, 7]);
    expect(positions(recent.after(5, 1))).toEqual([6]);
  });

  it('answers nothing for a position before what it holds, or at or past its last event (the file may hold more)', () => {
    const recent = new RecentEvents(decode);
    recent.add([at(5), at(6)]);
    expect(recent.after(3, 10)).toBeUndefined();
    expect(recent.after(6, 10)).toBeUndefined();
    expect(new RecentEvents(decode).after(0, 10)).toBeUndefined();
  });

  it('given a gap (another writer appended in between), forgets what came before it', () => {
    const recent = new RecentEvents(decode);
    recent.add([at(5), at(6)]);
    recent.add([at(9)]);
    expect(recent.after(5, 10)).toBeUndefined();
    expect(positions(recent.after(8, 10))).toEqual([9]);
  });

  it('keeps at most its capacity, the newest', () => {
    const recent = new RecentEvents(decode, 3);
    recent.add([at(1), at(2), at(3), at(4)]);
    expect(recent.after(0, 10)).toBeUndefined();
    expect(positions(recent.after(1, 10))).toEqual([2, 3, 4]);
  });

  it('given more appends than its capacity, one by one, then it answers the newest in order', () => {
    const recent = new RecentEvents(decode, 4);
    for (let position = 1; position <= 10; position++) recent.add([at(position)]);
    expect(recent.after(5, 10)).toBeUndefined();
    expect(positions(recent.after(6, 10))).toEqual([7, 8, 9, 10]);
    expect(positions(recent.after(7, 2))).toEqual([8, 9]);
  });

  it('given appended rows, when nobody reads them, then none is decoded; when read twice, then each is decoded once and the same event is shared', () => {
    const counted = decoder();
    const recent = new RecentEvents(counted.decode);
    recent.add([at(1), at(2), at(3)]);
    expect(counted.decoded).toEqual([]);

    const first = recent.after(1, 10);
    const second = recent.after(0, 10);

    expect(counted.decoded).toEqual([2, 3, 1]);
    expect(second?.[1]).toBe(first?.[0]);
    expect(second?.[1]).toMatchObject({ eventId: 'e2', metadata: { actorId: 'a' } });
  });
});
