import { type ReadModelAccess } from '../../../../read-model';
import { type Clock } from '../../../../infrastructure/clock';
import { ApiKeyUsage } from '../api-key-usage';

/** Two API instances on one read model: each counts in its own memory and flushes through its own access. */
export type OpenedUsageTable = Readonly<{
  instances: readonly [ReadModelAccess, ReadModelAccess];
  close: () => Promise<void>;
}>;

/** A clock the spec moves: calls happen when it says. */
const settableClock = (): Clock & { at: (iso: string) => void } => {
  let now = new Date('2025-03-04T00:00:00.000Z');
  return {
    now: () => now,
    at: (iso: string) => {
      now = new Date(iso);
    },
  };
};

/**
 * What ApiKeyUsage's flush does on every dialect, on a fresh read model each test: a flush adds to the
 * day's stored count (never replaces it) and keeps the latest last use, whichever instance flushed.
 */
export function describeApiKeyUsageContract(name: string, open: () => Promise<OpenedUsageTable>): void {
  describe(name, () => {
    let opened: OpenedUsageTable;
    let clock: ReturnType<typeof settableClock>;
    let first: ApiKeyUsage;
    let second: ApiKeyUsage;

    /** `count` calls with the key at `iso`, on `usage`. */
    const calls = (usage: ApiKeyUsage, keyId: string, iso: string, count = 1) => {
      clock.at(iso);
      for (let call = 0; call < count; call++) usage.record(keyId);
    };

    beforeEach(async () => {
      opened = await open();
      clock = settableClock();
      [first, second] = opened.instances.map((access) => new ApiKeyUsage(access, clock));
    });
    afterEach(() => opened.close());

    it('given a key counted and flushed twice on one day and once on another, then its calls per day are the sums and its last use the latest', async () => {
      calls(first, 'k1', '2025-03-03T08:00:00.000Z', 2);
      calls(first, 'k1', '2025-03-04T09:00:00.000Z', 3);
      await first.flush();
      calls(first, 'k1', '2025-03-04T10:30:00.000Z', 4);
      await first.flush();

      const usage = await first.usageOf(['k1']);

      expect(usage.get('k1')).toEqual({
        lastUsedAt: '2025-03-04T10:30:00.000Z',
        callsPerDay: [
          { day: '2025-03-04', calls: 7 },
          { day: '2025-03-03', calls: 2 },
        ],
      });
    });

    it('given two instances counting the same key and day, then their flushes add up, and an earlier last use flushed later does not replace the latest', async () => {
      calls(first, 'k1', '2025-03-04T08:00:00.000Z', 5);
      calls(second, 'k1', '2025-03-04T11:00:00.000Z', 2);
      calls(first, 'k1', '2025-03-04T12:00:00.000Z');
      await first.flush();
      calls(second, 'k1', '2025-03-04T11:30:00.000Z');
      calls(second, 'k2', '2025-03-04T11:45:00.000Z');
      await second.flush();

      const seenByFirst = await first.usageOf(['k1', 'k2']);
      const seenBySecond = await second.usageOf(['k1', 'k2']);

      expect(seenByFirst).toEqual(seenBySecond);
      expect(seenByFirst.get('k1')).toEqual({
        lastUsedAt: '2025-03-04T12:00:00.000Z',
        callsPerDay: [{ day: '2025-03-04', calls: 9 }],
      });
      expect(seenByFirst.get('k2')).toEqual({
        lastUsedAt: '2025-03-04T11:45:00.000Z',
        callsPerDay: [{ day: '2025-03-04', calls: 1 }],
      });
    });

    it('given a key never used and nothing to flush, then it shows no last use and no calls, and a flush writes nothing', async () => {
      await first.flush();

      expect((await first.usageOf(['never'])).get('never')).toEqual({ callsPerDay: [] });
    });
  });
}
