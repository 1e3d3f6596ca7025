import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type IdempotencyPolicy, type IdempotentCall } from './idempotency-store.port';
import { SqliteIdempotencyStore } from './idempotency-store';

const POLICY: IdempotencyPolicy = { ttlMs: 24 * 3_600_000, abandonAfterMs: 30_000 };
const T0 = new Date('2025-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CREATED = { status: 201, body: { id: 'integration-1' }, headers: { location: '/api/integrations/1' } };

const call = (overrides: Partial<IdempotentCall> = {}): IdempotentCall => ({
  scope: 'alice',
  key: 'key-1',
  fingerprint: 'POST /api/integrations {"applicationName":"Orders"}',
  now: T0,
  ...overrides,
});

describe('SqliteIdempotencyStore', () => {
  let dir: string;
  let file: string;
  const opened: SqliteIdempotencyStore[] = [];
  const open = (policy: IdempotencyPolicy = POLICY) => {
    const store = new SqliteIdempotencyStore({ file, policy });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-store-'));
    file = join(dir, 'idempotency.sqlite');
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a new key, when it is reserved, then the call may run, under the reservation time', async () => {
    const store = open();

    expect(await store.reserve(call())).toEqual({ outcome: 'reserved', reservedAt: T0, attempt: 1 });
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

  it('given an abandoned attempt, when retries through two stores on one file take it over, then exactly one does', async () => {
    const first = open();
    const second = open();
    await first.reserve(call());

    const outcomes = await Promise.all([
      first.reserve(call({ now: at(60_000) })),
      second.reserve(call({ now: at(60_000) })),
    ]);

    expect(outcomes.map(({ outcome }) => outcome).sort()).toEqual(['in_progress', 'reserved']);
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

    expect(await store.reserve(call({ now: at(62_000) }))).toEqual({ outcome: 'replay', response: CREATED });
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
    expect(rows()).toEqual(['recent']);
  });

  it('given keys past their time to live, when the store is next used, then they are deleted without being asked', async () => {
    const store = open();
    await store.reserve(call({ key: 'old' }));

    await store.reserve(call({ key: 'new', now: at(POLICY.ttlMs + 1) }));

    expect(rows()).toEqual(['new']);
  });

  it('given a reservation left in progress by the first release of the store, when it opens, then a retry takes it over', async () => {
    const legacy = new DatabaseSync(file);
    legacy.exec(`CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        status INTEGER, body TEXT, headers TEXT, created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      ) WITHOUT ROWID;`);
    legacy
      .prepare('INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)')
      .run('alice', 'key-1', call().fingerprint, T0.toISOString());
    legacy.close();
    const store = open();

    expect(await store.reserve(call({ now: at(1_000) }))).toEqual({
      outcome: 'reserved',
      reservedAt: T0,
      attempt: 2,
    });
    expect(await store.purgeExpired(at(POLICY.ttlMs))).toBe(1);
  });

  function rows(): string[] {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return (db.prepare('SELECT key FROM idempotency_keys ORDER BY key').all() as { key: string }[]).map(
        ({ key }) => key,
      );
    } finally {
      db.close();
    }
  }
});
