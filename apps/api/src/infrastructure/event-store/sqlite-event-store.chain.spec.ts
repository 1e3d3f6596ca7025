import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describeChainTampering } from '../audit-chain/testing/chain-tampering';
import { verifyChain } from '../audit-chain/chain-verification';
import { SqliteEventStore } from './sqlite-event-store';

function temporaryFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ib-chain-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeChainTampering('SQLite', async () => {
  const { file, remove } = temporaryFile();
  const store = new SqliteEventStore({ file });
  await store.headPosition();
  const db = new DatabaseSync(file);
  return {
    store,
    exec: async (sql, params = []) => {
      db.prepare(sql).run(...(params as (string | number | null)[]));
    },
    close: async () => {
      db.close();
      await store.close();
      remove();
    },
  };
});

describe('the SQLite event store upgraded to the chain', () => {
  it('given a log written before the chain existed, when a store opens it, then every stored event is chained and appends go on along the chain', async () => {
    const { file, remove } = temporaryFile();
    const legacy = new DatabaseSync(file);
    legacy.exec(`CREATE TABLE events (
      global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
      data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
      UNIQUE (stream_id, stream_version)) STRICT`);
    const insert = legacy.prepare(
      `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
       VALUES (?, 'integration-1', ?, 'EntityAdded', 1, ?, '{"actorId":"a"}', '2026-01-01T00:00:00.000Z')`,
    );
    for (let version = 0; version < 3; version++) insert.run(`event-${version}`, version, `{"n":${version}}`);
    legacy.close();

    const store = new SqliteEventStore({ file });
    try {
      await store.append(
        'integration-1',
        [
          {
            eventId: 'event-3',
            type: 'EntityAdded',
            data: { n: 3 },
            metadata: { actorId: 'a', correlationId: 'c', causationId: 'c' },
          },
        ],
        { expectedVersion: 2 },
      );
      const rows = await store.readChain(0, 10);
      expect(rows.map((row) => [row.position, row.previousPosition])).toEqual([
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 3],
      ]);
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 4, head: 4 });
    } finally {
      await store.close();
      remove();
    }
  });
});
