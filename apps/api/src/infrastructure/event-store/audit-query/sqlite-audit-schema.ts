import { type DatabaseSync } from 'node:sqlite';
import { AUDIT_INDEXES, RECORDED_AT_INDEX, RETIRED_AUDIT_INDEXES } from './audit-sql';
import { STREAM_CATEGORY_SQL } from './stream-category';

/**
 * What the audit search filters on, as generated columns of the events table: VIRTUAL, so no stored
 * row changes (an existing log gets them by ALTER TABLE, without a rewrite) and only the indexes hold
 * the values. Each index ends with global_position (SQLite's rowid, implicit in every index), so
 * "the N newest of actor X after position p" is a range scan of N entries.
 */
export const SQLITE_AUDIT_COLUMNS: readonly (readonly [name: string, definition: string])[] = [
  ['actor_id', `TEXT GENERATED ALWAYS AS (json_extract(metadata, '$.actorId')) VIRTUAL`],
  ['environment', `TEXT GENERATED ALWAYS AS (json_extract(metadata, '$.environment')) VIRTUAL`],
  ['correlation_id', `TEXT GENERATED ALWAYS AS (json_extract(metadata, '$.correlationId')) VIRTUAL`],
  ['stream_category', `TEXT GENERATED ALWAYS AS (${STREAM_CATEGORY_SQL.sqlite}) VIRTUAL`],
];

/** Streams are found by the (stream_id, stream_version) key, whose entries end with the position too. */
export const SQLITE_AUDIT_INDEXES: readonly string[] = [
  ...AUDIT_INDEXES.map(
    ({ name, columns }) =>
      `CREATE INDEX IF NOT EXISTS ${name} ON events (${columns.join(', ')}, global_position)`,
  ),
  `CREATE INDEX IF NOT EXISTS ${RECORDED_AT_INDEX} ON events (recorded_at, global_position)`,
];

const COLUMN_NAMES = `SELECT name FROM pragma_table_xinfo('events')`;

/**
 * Adds the audit columns and indexes a file lacks (a file written before them, or a new one) and drops
 * the retired ones, nothing else. Another connection may be doing the same: a column it added first is not an error.
 */
export function addSqliteAuditColumns(db: DatabaseSync): void {
  const present = () =>
    new Set((db.prepare(COLUMN_NAMES).all() as { name: string }[]).map(({ name }) => name));
  const existing = present();
  for (const [name, definition] of SQLITE_AUDIT_COLUMNS) {
    if (existing.has(name)) continue;
    try {
      db.exec(`ALTER TABLE events ADD COLUMN ${name} ${definition}`);
    } catch (error) {
      if (!present().has(name)) throw error;
    }
  }
  for (const statement of SQLITE_AUDIT_INDEXES) db.exec(statement);
  for (const name of RETIRED_AUDIT_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
}
