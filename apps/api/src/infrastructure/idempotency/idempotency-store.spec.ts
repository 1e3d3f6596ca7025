import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteIdempotencyStore } from './idempotency-store';
import { POLICY, T0, at, call, describeIdempotencyStoreContract } from './testing/idempotency-store.contract';

let dir: string;
let file: string;
const freshFile = () => {
  dir = mkdtempSync(join(tmpdir(), 'idempotency-store-'));
  file = join(dir, 'idempotency.sqlite');
};
const removeDir = () => rmSync(dir, { recursive: true, force: true });

describeIdempotencyStoreContract('SqliteIdempotencyStore', {
  open: (policy) => new SqliteIdempotencyStore({ file, policy }),
  setUp: freshFile,
  tearDown: removeDir,
});

describe('SqliteIdempotencyStore', () => {
  const opened: SqliteIdempotencyStore[] = [];
  const open = () => {
    const store = new SqliteIdempotencyStore({ file, policy: POLICY });
    opened.push(store);
    return store;
  };
  beforeEach(freshFile);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    removeDir();
  });

  it('given keys past their time to live, when they are purged, then their rows are gone from the file', async () => {
    const store = open();
    await store.reserve(call({ key: 'old-1' }));
    await store.reserve(call({ key: 'recent', now: at(POLICY.ttlMs / 2) }));

    await store.purgeExpired(at(POLICY.ttlMs));

    expect(rows()).toEqual(['recent']);
  });

  it('given keys past their time to live, when the store is next used, then their rows are deleted without being asked', async () => {
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
