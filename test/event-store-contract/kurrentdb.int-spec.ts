import { type EventStore } from '../../apps/api/src/infrastructure/event-store/event-store.port';
import { KURRENT_STREAM_PREFIXES } from '../../apps/api/src/infrastructure/event-store/kurrentdb/kurrentdb-mapping';
import { KurrentDbEventStore } from '../../apps/api/src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

/**
 * The live suite: runs only when KURRENTDB_URL names a server, as `kurrentdb://localhost:2113?tls=false`
 * (or with `user:password@` and TLS). Every test writes fresh streams and works relative to the head,
 * so the database may hold other data. Without KURRENTDB_URL one test states that it is not configured,
 * and passes only then: nothing is silently skipped.
 */
const url = process.env.KURRENTDB_URL;

if (!url) {
  describe('KurrentDbEventStore (live)', () => {
    it('is not configured on this machine (set KURRENTDB_URL to run the live suite)', () => {
      expect(process.env.KURRENTDB_URL).toBeUndefined();
    });
  });
} else {
  // The contract's race and live tests write `race-...` and `live-...` streams besides ours.
  const streamPrefixes = [...KURRENT_STREAM_PREFIXES, 'race-', 'live-'];
  let opened: EventStore[] = [];
  const open = (): EventStore => {
    const store = new KurrentDbEventStore({ connectionString: url, pollIntervalMs: 200, streamPrefixes });
    opened.push(store);
    return store;
  };

  describeEventStoreContract('KurrentDbEventStore', {
    create: () => Promise.resolve(open()),
    createSecondConnection: () => Promise.resolve(open()),
    dispose: async () => {
      const stores = opened;
      opened = [];
      await Promise.all(stores.map((store) => store.close()));
    },
  });
}
