import { PollingSubscriptions } from './polling-subscription';

/** Subscriptions on an empty log whose head only a test moves, counting the watcher's reads. */
function watchedLog() {
  let head = 0;
  let reads = 0;
  const subscriptions = new PollingSubscriptions({
    pollIntervalMs: 60_000,
    defaultBatchSize: 10,
    readBatch: async () => [],
    isTransient: () => false,
    watchHead: {
      head: async () => {
        reads += 1;
        return head;
      },
      headPollMs: 10,
      idleHeadPollMs: 100,
    },
  });
  return {
    subscriptions,
    move: () => (head += 1),
    readsDuring: async (ms: number) => {
      const before = reads;
      await jest.advanceTimersByTimeAsync(ms);
      return reads - before;
    },
  };
}

describe('PollingSubscriptions head watcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('given a subscriber and a log that does not move, when a second passes, then the head is read about ten times, not a hundred', async () => {
    const log = watchedLog();
    log.subscriptions.subscribe({ fromPosition: 0 }, async () => undefined);
    await log.readsDuring(1_000);

    expect(await log.readsDuring(1_000)).toBe(10);
    await log.subscriptions.stopAll();
  });

  it('given an idle watcher, when another process appends, then it is seen within the idle pace and the head is read at the quick pace again', async () => {
    const log = watchedLog();
    log.subscriptions.subscribe({ fromPosition: 0 }, async () => undefined);
    await log.readsDuring(2_000);

    log.move();

    // Idle, it would read twice in 200 ms; once the move is seen (within 100 ms) it reads after 10, 20, 40 ms.
    expect(await log.readsDuring(200)).toBeGreaterThanOrEqual(4);
    await log.subscriptions.stopAll();
  });

  it('given an idle watcher, when this process appends, then the head is read at the quick pace again', async () => {
    const log = watchedLog();
    log.subscriptions.subscribe({ fromPosition: 0 }, async () => undefined);
    await log.readsDuring(2_000);
    await log.readsDuring(100);

    log.subscriptions.wake();

    expect(await log.readsDuring(30)).toBeGreaterThanOrEqual(2);
    await log.subscriptions.stopAll();
  });

  it('given the last subscriber stopped, then the head is no longer read', async () => {
    const log = watchedLog();
    const subscription = log.subscriptions.subscribe({ fromPosition: 0 }, async () => undefined);
    await log.readsDuring(500);

    await subscription.stop();

    expect(await log.readsDuring(1_000)).toBe(0);
  });
});
