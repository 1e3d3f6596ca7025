import { type RecordedEvent } from '@ib/domain';
import { type EventStore } from './event-store.port';
import { LogFollower } from './log-follower';

const event = (globalPosition: number): RecordedEvent =>
  ({ globalPosition, type: 'Something', streamId: 's', data: {} }) as unknown as RecordedEvent;

/** An in-memory log that counts its reads. */
const logOf = (count: number) => {
  const events = Array.from({ length: count }, (_, index) => event(index + 1));
  const reads = { head: 0, all: 0 };
  const store = {
    headPosition: async () => {
      reads.head++;
      return events.length;
    },
    readAll: async ({ fromPosition, limit }: { fromPosition: number; limit: number }) => {
      reads.all++;
      return events.filter((e) => e.globalPosition > fromPosition).slice(0, limit);
    },
  } as unknown as EventStore;
  return { events, reads, store };
};

describe('LogFollower', () => {
  it('given a log, when it catches up, then every event is applied once, in order', async () => {
    const { store } = logOf(2500);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition));
    expect(await follower.catchUp()).toBe(2500);
    expect(await follower.catchUp()).toBe(2500);
    expect(applied).toEqual(Array.from({ length: 2500 }, (_, index) => index + 1));
  });

  it('given nothing was appended since, when it catches up, then it reads only the head', async () => {
    const { store, reads } = logOf(3);
    const follower = new LogFollower(store, () => undefined);
    await follower.catchUp();
    const before = { ...reads };
    await follower.catchUp();
    expect(reads).toEqual({ head: before.head + 1, all: before.all });
  });

  it('given events appended later, when it catches up, then only those are applied', async () => {
    const { store, events } = logOf(2);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition));
    await follower.catchUp();
    events.push(event(3));
    expect(await follower.catchUp()).toBe(3);
    expect(applied).toEqual([1, 2, 3]);
  });

  it('given it follows from the head, when it first catches up, then earlier events are skipped', async () => {
    const { store, events } = logOf(5);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition), { from: 'head' });
    expect(await follower.catchUp()).toBe(5);
    events.push(event(6));
    await follower.catchUp();
    expect(applied).toEqual([6]);
  });

  it('given concurrent callers, when they catch up, then no event is applied twice', async () => {
    const { store } = logOf(10);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition));
    await Promise.all([follower.catchUp(), follower.catchUp(), follower.catchUp()]);
    expect(applied).toHaveLength(10);
  });

  it('given a head position read by the caller, when it catches up to it, then it reads no head itself', async () => {
    const { store, events, reads } = logOf(3);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition));
    events.push(event(4));

    expect(await follower.catchUpTo(4)).toBe(4);

    expect(applied).toEqual([1, 2, 3, 4]);
    expect(reads.head).toBe(0);
  });

  it('given it is already past a position, when it catches up to it, then it reads nothing', async () => {
    const { store, reads } = logOf(5);
    const follower = new LogFollower(store, () => undefined);
    await follower.catchUp();
    const before = { ...reads };

    expect(await follower.catchUpTo(3)).toBe(5);
    expect(await follower.catchUpTo(5)).toBe(5);

    expect(reads).toEqual(before);
  });

  it('given it follows from the head, when it first catches up to a position, then the events up to it are skipped', async () => {
    const { store, events } = logOf(5);
    const applied: number[] = [];
    const follower = new LogFollower(store, (e) => applied.push(e.globalPosition), { from: 'head' });
    expect(await follower.catchUpTo(5)).toBe(5);
    events.push(event(6));

    expect(await follower.catchUpTo(6)).toBe(6);

    expect(applied).toEqual([6]);
  });
});
