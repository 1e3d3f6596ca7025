import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { type NewEvent } from '../event-store/event-store.port';
import { AuditChainMonitor, auditKeyOf } from './audit-chain-monitor';
import { GENESIS_ANCHOR } from './chain-verification';

const KEY = 'an audit key of at least thirty-two characters';

const anEvent = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'EntityAdded',
  data: { n },
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'c' },
});

describe('the audit chain monitor', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ib-chain-monitor-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    for (let version = 0; version < 5; version++)
      await store.append('integration-1', [anEvent(version)], { expectedVersion: version - 1 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given an untouched log, when the instance starts, then the chain is verified', async () => {
    const monitor = new AuditChainMonitor(store, auditKeyOf(KEY));
    expect(monitor.status().state).toBe('verifying');
    monitor.start();
    await monitor.started();
    expect(monitor.status()).toMatchObject({
      state: 'verified',
      keyConfigured: true,
      last: { ok: true, checked: 5 },
    });
  });

  it('given an edited event, when verified, then the chain is broken until a verification of the whole log holds again', async () => {
    const monitor = new AuditChainMonitor(store, undefined);
    const db = new DatabaseSync(join(dir, 'events.sqlite'));
    db.exec(`UPDATE events SET data = '{"n":9}' WHERE global_position = 2`);
    await monitor.verifyWholeLog();
    expect(monitor.status()).toMatchObject({
      state: 'broken',
      last: { firstMismatch: { position: 2, kind: 'edited' } },
    });
    // A later stretch that holds does not clear it: the edit is still there
    await monitor.verifyAfter({ position: 5, hash: (await store.readChain(4, 1))[0].hash! }, 5);
    expect(monitor.status().state).toBe('broken');
    db.exec(`UPDATE events SET data = '{"n":1}' WHERE global_position = 2`);
    db.close();
    await monitor.verifyWholeLog();
    expect(monitor.status().state).toBe('verified');
  });

  it('given checkpoints signed with the key and one forged, then the newest one whose signature holds is the anchor', async () => {
    const signer = new AuditChainMonitor(store, auditKeyOf(KEY));
    const rows = await store.readChain(0, 10);
    await signer.checkpoint({ position: rows[1].position, hash: rows[1].hash! });
    await store.saveChainCheckpoint({
      position: rows[3].position,
      hash: rows[3].hash!,
      signedAt: 'x',
      signature: 'ab'.repeat(32),
    });
    expect(await signer.trustedAnchor()).toEqual({ position: rows[1].position, hash: rows[1].hash });
    // Without the key nothing can be checked: every checkpoint is taken as it is
    expect(await new AuditChainMonitor(store, undefined).trustedAnchor()).toEqual({
      position: rows[3].position,
      hash: rows[3].hash,
    });
  });

  it('given no checkpoint, then the anchor is the genesis', async () => {
    expect(await new AuditChainMonitor(store, auditKeyOf(KEY)).trustedAnchor()).toEqual(GENESIS_ANCHOR);
  });
});
