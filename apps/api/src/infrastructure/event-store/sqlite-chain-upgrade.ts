import { type DatabaseSync } from 'node:sqlite';
import { ChainExtension, digestOf } from '../audit-chain/chain-link';

const PAGE = 10_000;

/**
 * A log written before the chain existed gets its columns, and every stored event its link, in one
 * write transaction at the first start that has the chain: from then on the events stored before are
 * covered as they were at that moment. Another process opening the file meanwhile waits for the lock
 * and finds the work done.
 */
export function upgradeToChain(db: DatabaseSync): void {
  if (hasChainColumns(db)) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    if (!hasChainColumns(db)) {
      db.exec('ALTER TABLE events ADD COLUMN previous_position INTEGER');
      db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
      chainStoredEvents(db);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const hasChainColumns = (db: DatabaseSync): boolean =>
  (
    db.prepare("SELECT count(*) AS found FROM pragma_table_info('events') WHERE name = 'hash'").get() as {
      found: number;
    }
  ).found > 0;

type LegacyRow = readonly [number, string, string, number, string, number, string, string, string];

function chainStoredEvents(db: DatabaseSync): void {
  const read = db.prepare(
    `SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at
     FROM events WHERE global_position > ? ORDER BY global_position LIMIT ${PAGE}`,
  );
  read.setReturnArrays(true);
  const update = db.prepare('UPDATE events SET previous_position = ?, hash = ? WHERE global_position = ?');
  const chain = new ChainExtension();
  for (;;) {
    const rows = read.all(chain.head.position) as unknown as LegacyRow[];
    for (const [position, ...fields] of rows) {
      const link = chain.next(position, digestOf(fields));
      update.run(link.previousPosition, link.hash, position);
    }
    if (rows.length < PAGE) return;
  }
}
