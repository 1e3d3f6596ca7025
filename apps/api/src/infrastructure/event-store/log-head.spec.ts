import { type EventStore } from './event-store.port';
import { LogHead } from './log-head';

/** A store whose head moves when told, counting the head reads. */
const storeAt = (start: number) => {
  const log = { head: start, reads: 0 };
  const store = {
    headPosition: async () => {
      log.reads++;
      return log.head;
    },
  } as unknown as EventStore;
  return { log, store };
};

describe('LogHead', () => {
  it('given callers in the same turn of the event loop, when they read the head, then one read serves them all', async () => {
    const { log, store } = storeAt(7);
    const head = new LogHead(store);

    const positions = await Promise.all([head.read(), head.read(), head.read()]);

    expect(positions).toEqual([7, 7, 7]);
    expect(log.reads).toBe(1);
  });

  it('given a write answered before a caller asked, when it reads the head, then the position covers the write', async () => {
    const { log, store } = storeAt(7);
    const head = new LogHead(store);
    const earlier = head.read();
    log.head = 8; // appended (and answered) after the first caller asked, before the second did

    const later = head.read();

    expect(await earlier).toBeGreaterThanOrEqual(7);
    expect(await later).toBe(8);
  });

  it('given a read already started, when another caller asks, then it gets a read of its own, started after it asked', async () => {
    const { log, store } = storeAt(1);
    const head = new LogHead(store);
    const first = head.read();
    await first;
    log.head = 2;

    expect(await head.read()).toBe(2);
    expect(log.reads).toBe(2);
  });
});
