import { type ContractStores, useContractStores } from '../../testing/store-contract';
import {
  type IdempotencyPolicy,
  type IdempotencyStore,
  type IdempotentCall,
} from '../idempotency-store.port';

export const POLICY: IdempotencyPolicy = { ttlMs: 24 * 3_600_000, abandonAfterMs: 30_000 };
export const T0 = new Date('2025-03-01T10:00:00.000Z');
export const at = (ms: number) => new Date(T0.getTime() + ms);
const CREATED = { status: 201, body: { id: 'integration-1' }, headers: { location: '/api/integrations/1' } };

export const call = (overrides: Partial<IdempotentCall> = {}): IdempotentCall => ({
  scope: 'alice',
  key: 'key-1',
  fingerprint: 'POST /api/integrations {"applicationName":"Orders"}',
  now: T0,
  ...overrides,
});

/**
 * The rules of the IdempotencyStore port, whatever database keeps the keys. The storage must be
 * fresh for each test (purges count every expired key in it). `open` takes the policy.
 */
export function describeIdempotencyStoreContract(
  name: string,
  stores: ContractStores<IdempotencyStore, IdempotencyPolicy>,
) {
  describe(`${name} (IdempotencyStore contract)`, () => {
    const openWith = useContractStores(stores);
    const open = () => openWith(POLICY);

    it('given a new key, when it is reserved, then the call may run, under the reservation time', async () => {
      expect(await open().reserve(call())).toEqual({ outcome: 'reserved', reservedAt: T0, attempt: 1 });
    });

    it('given an answered key, when the same request comes again, then the answer is replayed', async () => {
      const store = open();
      await store.reserve(call());
      await store.remember('alice', 'key-1', 1, CREATED);

      expect(await store.reserve(call({ now: at(5_000) }))).toEqual({ outcome: 'replay', response: CREATED });
    });

    it('given an answered key, when another request uses it, then it is a mismatch', async () => {
      const store = open();
      await store.reserve(call());
      await store.remember('alice', 'key-1', 1, CREATED);

      expect(await store.reserve(call({ fingerprint: 'another body' }))).toEqual({ outcome: 'mismatch' });
    });

    it('given the same key from two callers, when both reserve, then each runs its own request', async () => {
      const store = open();
      await store.reserve(call());

      expect(await store.reserve(call({ scope: 'bob' }))).toMatchObject({ outcome: 'reserved' });
    });

    it('given a running attempt, when a duplicate comes within the bound, then it is in progress with a retry hint', async () => {
      const store = open();
      await store.reserve(call());

      expect(await store.reserve(call({ now: at(10_000) }))).toEqual({
        outcome: 'in_progress',
        retryAfterSeconds: 20,
      });
    });

    it('given an attempt silent past the bound, when the request comes again, then it takes over with the first reservation time', async () => {
      const store = open();
      await store.reserve(call());

      const takenOver = await store.reserve(call({ now: at(60_000) }));

      expect(takenOver).toEqual({ outcome: 'reserved', reservedAt: T0, attempt: 2 });
      expect(await store.reserve(call({ now: at(61_000) }))).toMatchObject({ outcome: 'in_progress' });
    });

    it('given a new key, when two instances on one storage reserve it at once, then exactly one runs it', async () => {
      const [first, second] = [open(), open()];

      const outcomes = await Promise.all([first.reserve(call()), second.reserve(call())]);

      expect(outcomes.map(({ outcome }) => outcome).sort()).toEqual(['in_progress', 'reserved']);
    });

    it('given an abandoned attempt, when retries through two instances take it over, then exactly one does', async () => {
      const [first, second] = [open(), open()];
      await first.reserve(call());

      const outcomes = await Promise.all([
        first.reserve(call({ now: at(60_000) })),
        second.reserve(call({ now: at(60_000) })),
      ]);

      expect(outcomes.map(({ outcome }) => outcome).sort()).toEqual(['in_progress', 'reserved']);
    });

    it('given an answer remembered through one instance, when the retry reaches another, then it is replayed there', async () => {
      const [first, second] = [open(), open()];
      await first.reserve(call());
      await first.remember('alice', 'key-1', 1, CREATED);

      expect(await second.reserve(call({ now: at(1_000) }))).toEqual({
        outcome: 'replay',
        response: CREATED,
      });
    });

    it('given an abandoned attempt, when another request uses the key, then it is a mismatch', async () => {
      const store = open();
      await store.reserve(call());

      expect(await store.reserve(call({ fingerprint: 'another body', now: at(60_000) }))).toEqual({
        outcome: 'mismatch',
      });
    });

    it('given an attempt taken over, when the abandoned one answers late, then the answer of the latest attempt is kept', async () => {
      const store = open();
      await store.reserve(call());
      await store.reserve(call({ now: at(60_000) }));

      await store.remember('alice', 'key-1', 1, { ...CREATED, body: { id: 'stale' } });
      await store.release('alice', 'key-1', 1);
      expect(await store.reserve(call({ now: at(61_000) }))).toMatchObject({ outcome: 'in_progress' });
      await store.remember('alice', 'key-1', 2, CREATED);

      expect(await store.reserve(call({ now: at(62_000) }))).toEqual({
        outcome: 'replay',
        response: CREATED,
      });
    });

    it('given a failed attempt, when the same request comes again, then it runs at once under the first reservation', async () => {
      const store = open();
      await store.reserve(call());
      await store.release('alice', 'key-1', 1);

      expect(await store.reserve(call({ now: at(1_000) }))).toEqual({
        outcome: 'reserved',
        reservedAt: T0,
        attempt: 2,
      });
    });

    it('given a failed attempt, when another request uses the key, then it runs as a new request', async () => {
      const store = open();
      await store.reserve(call());
      await store.release('alice', 'key-1', 1);

      expect(await store.reserve(call({ fingerprint: 'corrected body', now: at(1_000) }))).toEqual({
        outcome: 'reserved',
        reservedAt: at(1_000),
        attempt: 2,
      });
    });

    it('given an answered key past its time to live, when it is used again, then it runs as new', async () => {
      const store = open();
      await store.reserve(call());
      await store.remember('alice', 'key-1', 1, CREATED);

      const later = at(POLICY.ttlMs);
      expect(await store.reserve(call({ fingerprint: 'another body', now: later }))).toEqual({
        outcome: 'reserved',
        reservedAt: later,
        attempt: 1,
      });
    });

    it('given keys past their time to live, when they are purged, then only the live ones remain', async () => {
      const store = open();
      await store.reserve(call({ key: 'old-1' }));
      await store.reserve(call({ key: 'old-2' }));
      await store.reserve(call({ key: 'recent', now: at(POLICY.ttlMs / 2) }));

      expect(await store.purgeExpired(at(POLICY.ttlMs))).toBe(2);
      expect(await store.purgeExpired(at(POLICY.ttlMs))).toBe(0);
      expect(await store.reserve(call({ key: 'recent', now: at(POLICY.ttlMs) }))).toMatchObject({
        outcome: 'reserved',
        attempt: 2,
      });
    });

    it('given keys past their time to live, when the store is next used, then they are deleted without being asked', async () => {
      const store = open();
      await store.reserve(call({ key: 'old' }));

      await store.reserve(call({ key: 'new', now: at(POLICY.ttlMs + 1) }));

      expect(await store.purgeExpired(at(POLICY.ttlMs + 1))).toBe(0);
    });
  });
}
