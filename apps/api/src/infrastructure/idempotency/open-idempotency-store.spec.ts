import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteIdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_FILE, createIdempotencyStore } from './open-idempotency-store';
import { POLICY, call } from './testing/idempotency-store.contract';

describe('createIdempotencyStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'open-idempotency-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given the embedded database, then keys are kept in the idempotency file of the data folder', async () => {
    const store = createIdempotencyStore({ kind: 'sqlite' }, { dataDir, policy: POLICY });

    expect(store).toBeInstanceOf(SqliteIdempotencyStore);
    expect(await store.reserve(call())).toMatchObject({ outcome: 'reserved' });
    expect(existsSync(join(dataDir, IDEMPOTENCY_FILE))).toBe(true);
    await store.close();
  });
});
