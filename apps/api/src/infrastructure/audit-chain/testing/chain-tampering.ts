import { randomUUID } from 'node:crypto';
import { type EventStore, type NewEvent } from '../../event-store/event-store.port';
import { chainLink, digestOf } from '../chain-link';
import { type ChainedLog, type ChainRow } from '../chain-row';
import { type ChainVerification, verifyChain } from '../chain-verification';
import { type AuditKey, signCheckpoint } from '../checkpoint-signature';

export type ChainedStore = EventStore & ChainedLog;

/** A store and a way into its database around it, as whoever can edit the files or the server has. */
export type TamperTarget = Readonly<{
  store: ChainedStore;
  /** Runs one statement on the events table directly (foreign keys not checked). */
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}>;

const KEY: AuditKey = { secret: Buffer.from('a key kept outside the data folder') };

const event = (type: string, data: object): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: {
    actorId: 'admin-1',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    environment: 'dev',
  },
});

/** Ten events over three streams; the fourth gives a developer their role. */
async function storeHistory(store: ChainedStore): Promise<ChainRow[]> {
  await store.append('environment-dev', [event('EnvironmentCreated', { name: 'dev' })], {
    expectedVersion: 'no_stream',
  });
  await store.append('user-admin', [event('UserCreated', { username: 'admin', roles: [] })], {
    expectedVersion: 'no_stream',
  });
  // Multi-byte and astral characters: the chain counts UTF-8 bytes, wherever the digest is computed.
  await store.append(
    'integration-1',
    [event('IntegrationCreated', { name: 'Orders 😀 für 中文 "quoted"' })],
    {
      expectedVersion: 'no_stream',
    },
  );
  await store.append(
    'user-dana',
    [event('UserCreated', { username: 'dana', roles: [{ environment: 'dev', role: 'developer' }] })],
    { expectedVersion: 'no_stream' },
  );
  for (let version = 0; version < 6; version++)
    await store.append('integration-1', [event('EntityAdded', { entity: `table_${version}` })], {
      expectedVersion: version,
    });
  return store.readChain(0, 100);
}

async function signAt(store: ChainedStore, row: ChainRow): Promise<void> {
  await store.saveChainCheckpoint({
    position: row.position,
    hash: row.hash!,
    signedAt: new Date().toISOString(),
    signature: signCheckpoint(KEY, row.position, row.hash!),
  });
}

/** What an attacker who knows the (public) chain format does after editing: relink every event. */
async function relinkFrom(target: TamperTarget, fromIndex: number): Promise<void> {
  const current = await target.store.readChain(0, 100);
  let previous = fromIndex === 0 ? { position: 0, hash: '0'.repeat(64) } : current[fromIndex - 1];
  for (const row of current.slice(fromIndex)) {
    const hash = chainLink(previous.hash!, previous.position, row.position, row.digest);
    await target.exec('UPDATE events SET hash = ? WHERE global_position = ?', [hash, row.position]);
    previous = { ...row, hash };
  }
}

const mismatchOf = (verification: ChainVerification) =>
  verification.firstMismatch && {
    position: verification.firstMismatch.position,
    kind: verification.firstMismatch.kind,
  };

/**
 * The tamper cases every chained store must detect, each on a fresh log: given a history, when one
 * kind of change is made to the stored events behind the store's back, then verification names it
 * and its position.
 */
export function describeChainTampering(label: string, open: () => Promise<TamperTarget>): void {
  describe(`the audit chain on ${label}`, () => {
    let target: TamperTarget;
    let rows: ChainRow[];

    beforeEach(async () => {
      target = await open();
      rows = await storeHistory(target.store);
    });
    afterEach(async () => target.close());

    it('given an untouched log, then every event is checked and the chain holds up to the head', async () => {
      const verification = await verifyChain(target.store, { key: KEY });
      expect(verification).toMatchObject({
        ok: true,
        checked: 10,
        head: rows[9].position,
        headHash: rows[9].hash,
        firstMismatch: null,
      });
      expect(
        rows.every((row, index) => row.previousPosition === (index === 0 ? 0 : rows[index - 1].position)),
      ).toBe(true);
    });

    it("given a developer's role edited to admin in the stored event, then the edit is found at its position", async () => {
      await target.exec(
        "UPDATE events SET data = REPLACE(data, 'developer', 'admin') WHERE global_position = ?",
        [rows[3].position],
      );
      expect(mismatchOf(await verifyChain(target.store))).toEqual({
        position: rows[3].position,
        kind: 'edited',
      });
    });

    it('given an event deleted from the middle of the log, then the deletion is found at its position', async () => {
      await target.exec('DELETE FROM events WHERE global_position = ?', [rows[5].position]);
      expect(mismatchOf(await verifyChain(target.store))).toEqual({
        position: rows[5].position,
        kind: 'deleted',
      });
    });

    it('given events deleted from the end after a signed checkpoint was taken there, then the truncation is found', async () => {
      await signAt(target.store, rows[9]);
      await target.exec('DELETE FROM events WHERE global_position >= ?', [rows[8].position]);
      expect(mismatchOf(await verifyChain(target.store, { key: KEY }))).toEqual({
        position: rows[9].position,
        kind: 'truncated',
      });
    });

    it('given a row inserted by hand at the end, then it is found as an event without a hash', async () => {
      await target.exec(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, 'user-mallory', 0, 'UserCreated', 1, ?, ?, ?)`,
        [rows[9].position + 1, randomUUID(), '{"username":"mallory"}', '{}', '2026-01-01T00:00:00.000Z'],
      );
      expect(mismatchOf(await verifyChain(target.store))).toEqual({
        position: rows[9].position + 1,
        kind: 'unhashed',
      });
    });

    it('given a forged event slipped into the middle, correctly linked to the event before it, then the insertion is found at its position', async () => {
      const moved = rows[9];
      await target.exec('UPDATE events SET global_position = ? WHERE global_position = ?', [
        moved.position + 1,
        moved.position,
      ]);
      const previous = rows[8];
      const fields = [
        randomUUID(),
        'user-mallory',
        0,
        'UserCreated',
        1,
        '{"username":"mallory"}',
        '{}',
        '2026-01-01T00:00:00.000Z',
      ] as const;
      const hash = chainLink(previous.hash!, previous.position, moved.position, digestOf(fields));
      await target.exec(
        `INSERT INTO events (global_position, previous_position, hash, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [moved.position, previous.position, hash, ...fields],
      );
      expect(mismatchOf(await verifyChain(target.store))).toEqual({
        position: moved.position,
        kind: 'inserted',
      });
    });

    it('given two events swapped in the log, then the move is found at the first of them', async () => {
      const [first, second] = [rows[4].position, rows[5].position];
      await target.exec('UPDATE events SET global_position = ? WHERE global_position = ?', [
        1_000_000,
        first,
      ]);
      await target.exec('UPDATE events SET global_position = ? WHERE global_position = ?', [first, second]);
      await target.exec('UPDATE events SET global_position = ? WHERE global_position = ?', [
        second,
        1_000_000,
      ]);
      expect(mismatchOf(await verifyChain(target.store))).toEqual({ position: first, kind: 'reordered' });
    });

    it('given the whole chain rewritten after an edit, then only the signed checkpoint tells, and it does', async () => {
      await signAt(target.store, rows[7]);
      await target.exec(
        "UPDATE events SET data = REPLACE(data, 'developer', 'admin') WHERE global_position = ?",
        [rows[3].position],
      );
      await relinkFrom(target, 3);
      expect(mismatchOf(await verifyChain(target.store))).toEqual({
        position: rows[7].position,
        kind: 'rewritten',
      });
    });

    it('given the chain and the checkpoint rewritten without the key, then the checkpoint signature gives it away', async () => {
      await signAt(target.store, rows[7]);
      await target.exec(
        "UPDATE events SET data = REPLACE(data, 'developer', 'admin') WHERE global_position = ?",
        [rows[3].position],
      );
      await relinkFrom(target, 3);
      const relinked = await target.store.readChain(0, 100);
      await target.exec('UPDATE events_chain_checkpoints SET hash = ? WHERE position = ?', [
        relinked[7].hash,
        rows[7].position,
      ]);
      expect(await verifyChain(target.store)).toMatchObject({ ok: true });
      expect(mismatchOf(await verifyChain(target.store, { key: KEY }))).toEqual({
        position: rows[7].position,
        kind: 'forged-checkpoint',
      });
    });

    it('given a verification anchored at a checkpoint, when later events are edited, then it checks only after the anchor and finds them', async () => {
      await target.exec(
        "UPDATE events SET data = REPLACE(data, 'table_5', 'table_x') WHERE global_position = ?",
        [rows[9].position],
      );
      const verification = await verifyChain(target.store, {
        from: { position: rows[6].position, hash: rows[6].hash! },
      });
      expect(verification.checked).toBe(2);
      expect(mismatchOf(verification)).toEqual({ position: rows[9].position, kind: 'edited' });
    });
  });
}
