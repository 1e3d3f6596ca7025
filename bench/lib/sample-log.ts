import { DatabaseSync } from 'node:sqlite';
import {
  CREATE_EVENTS,
  DURABILITY_PRAGMAS,
  SQL,
} from '../../apps/api/src/infrastructure/event-store/sqlite-event-store.schema';
import { addSqliteAuditColumns } from '../../apps/api/src/infrastructure/event-store/audit-query/sqlite-audit-schema';
import { type SampleAppend } from '../../apps/api/src/read-model/testing/sample-history';
import { chainLinker } from './chain-links';

const EVENTS_PER_TRANSACTION = 20_000;

/**
 * Writes a sample history into a new event store file: the rows append() would have written, one
 * command after the other (stream versions in order, positions and links as the store gives them), but in a few large
 * transactions. Filling a million-event log through append(), a commit per command, takes about a
 * minute that no figure of this benchmark measures.
 */
export function writeSampleLog(file: string, appends: readonly SampleAppend[], recordedAt: string): number {
  const db = new DatabaseSync(file);
  try {
    for (const pragma of DURABILITY_PRAGMAS) db.exec(pragma);
    db.exec(CREATE_EVENTS);
    // As the store makes it: opening it later then adds nothing (no index built inside a measurement).
    addSqliteAuditColumns(db);
    const insert = db.prepare(SQL.insert);
    const versions = new Map<string, number>();
    const links = chainLinker();
    let written = 0;
    db.exec('BEGIN IMMEDIATE');
    for (const { streamId, events } of appends) {
      let version = versions.get(streamId) ?? -1;
      for (const event of events) {
        const fields = [
          event.eventId,
          streamId,
          ++version,
          event.type,
          event.schemaVersion ?? 1,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        ] as const;
        insert.run(...links.next(fields), ...fields);
        if (++written % EVENTS_PER_TRANSACTION === 0) db.exec('COMMIT; BEGIN IMMEDIATE');
      }
      versions.set(streamId, version);
    }
    db.exec('COMMIT');
    return written;
  } finally {
    db.close();
  }
}
