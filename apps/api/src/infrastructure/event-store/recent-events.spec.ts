import { type RecordedEvent } from '@ib/domain';
import { RecentEvents } from './recent-events';

const at = (globalPosition: number): RecordedEvent => ({
  eventId: `e${globalPosition}`,
  type: 'Happened',
  schemaVersion: 1,
  streamId: 's',
  streamVersion: globalPosition - 1,
  globalPosition,
  recordedAt: '2026-01-01T00:00:00.000Z',
  data: {},
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'c' },
});
const positions = (events: readonly RecordedEvent[] | undefined) =>
  events?.map((event) => event.globalPosition);

describe('RecentEvents', () => {
  it('given contiguous appends, answers the events after a position it covers', () => {
    const recent = new RecentEvents();
    recent.add([at(5), at(6)]);
    recent.add([at(7)]);
    expect(positions(recent.after(4, 10))).toEqual([5, 6, 7]);
    expect(positions(recent.after(5, 1))).toEqual([6]);
  });

  it('answers nothing for a position before what it holds, or at or past its last event (the file may hold more)', () => {
    const recent = new RecentEvents();
    recent.add([at(5), at(6)]);
    expect(recent.after(3, 10)).toBeUndefined();
    expect(recent.after(6, 10)).toBeUndefined();
    expect(new RecentEvents().after(0, 10)).toBeUndefined();
  });

  it('given a gap (another writer appended in between), forgets what came before it', () => {
    const recent = new RecentEvents();
    recent.add([at(5), at(6)]);
    recent.add([at(9)]);
    expect(recent.after(5, 10)).toBeUndefined();
    expect(positions(recent.after(8, 10))).toEqual([9]);
  });

  it('keeps at most its capacity, the newest', () => {
    const recent = new RecentEvents(3);
    recent.add([at(1), at(2), at(3), at(4)]);
    expect(recent.after(0, 10)).toBeUndefined();
    expect(positions(recent.after(1, 10))).toEqual([2, 3, 4]);
  });
});
