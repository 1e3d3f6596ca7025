import { type EncodedEvent } from '../append-outcome';

/**
 * The log: one row per event. Positions are chosen by the appender, never by AUTO_INCREMENT (see
 * insertEvents for why that cannot skip a late commit). Each row names the stream version it follows, and
 * a foreign key on (stream, previous version) makes the server refuse an append to a stream that is
 * behind the expected version, with no read before the write. Text columns are binary-collated utf8mb4,
 * so stream ids compare exactly and data reads back byte for byte; data and metadata are JSON text, not
 * the JSON type, which MySQL would normalise.
 */
export const CREATE_TABLES = [
  `CREATE TABLE IF NOT EXISTS events (
    global_position  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    event_id         CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stream_id        VARCHAR(255) NOT NULL,
    stream_version   BIGINT UNSIGNED NOT NULL,
    previous_version BIGINT UNSIGNED NULL,
    type             VARCHAR(200) NOT NULL,
    schema_version   INT NOT NULL,
    data             LONGTEXT NOT NULL,
    metadata         TEXT NOT NULL,
    recorded_at      CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    UNIQUE KEY events_stream_version (stream_id, stream_version),
    UNIQUE KEY events_event_id (event_id),
    KEY events_type_position (type, global_position),
    CONSTRAINT events_previous_version FOREIGN KEY (stream_id, previous_version)
      REFERENCES events (stream_id, stream_version)
  ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin`,
  // Its one row queues appenders that keep losing the race for the next position (see insertUnderLock).
  'CREATE TABLE IF NOT EXISTS events_append_lock (id TINYINT UNSIGNED NOT NULL PRIMARY KEY) ENGINE = InnoDB',
  'INSERT IGNORE INTO events_append_lock (id) VALUES (1)',
] as const;

/**
 * A log written by the first server build (positions from a separate head row, no previous_version)
 * becomes the current shape in place; the head row's table is no longer read.
 */
export const UPGRADE_FROM_HEAD_ROW = [
  'ALTER TABLE events ADD COLUMN previous_version BIGINT UNSIGNED NULL AFTER stream_version',
  'UPDATE events SET previous_version = stream_version - 1 WHERE stream_version > 0',
  `ALTER TABLE events ADD CONSTRAINT events_previous_version FOREIGN KEY (stream_id, previous_version)
    REFERENCES events (stream_id, stream_version)`,
  'DROP TABLE IF EXISTS events_head',
] as const;

export const INSERTED_COLUMNS =
  'global_position, event_id, stream_id, stream_version, previous_version, type, schema_version, data, metadata, recorded_at';
const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';

export const SQL = {
  head: 'SELECT COALESCE(MAX(global_position), 0) AS head FROM events',
  hasPreviousVersion: `SELECT COUNT(*) AS found FROM information_schema.columns
    WHERE table_schema = DATABASE() AND table_name = 'events' AND column_name = 'previous_version'`,
  streamVersion: 'SELECT COALESCE(MAX(stream_version), -1) AS version FROM events WHERE stream_id = ?',
  findEvents: 'SELECT event_id, stream_id, stream_version, global_position FROM events WHERE event_id IN (?)',
  readStream: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version`,
  readAll: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
  readAllOfTypes: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND type IN (?) ORDER BY global_position LIMIT ?`,
  rollback: 'ROLLBACK',
} as const;

/** An event as read: its columns in EVENT_COLUMNS order (rows as arrays, not objects). */
export type EventRow = readonly [
  globalPosition: number,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** Where an append goes: the stream, the version its first event takes, the position of its first row. */
export type AppendSlot = Readonly<{ streamId: string; firstVersion: number; firstPosition: number }>;

/**
 * One append as one INSERT in autocommit, at positions the appender chose: right after a position it
 * knows to be committed (its own last append or the log's head as read). The primary key refuses a
 * position another appender took; the appender then reads the head and tries again. So a row at
 * position p is only ever written while p - 1 is committed, which means every uncommitted row lies above
 * every committed one: a reader that has passed position p never meets a smaller one later (the
 * late-commit problem of AUTO_INCREMENT logs cannot occur). Positions are ordered, not contiguous: a
 * refused append leaves nothing, a crash between two appends nothing either.
 * The unique (stream, version) key refuses a stream that is ahead of the expected version; the foreign
 * key to the previous version refuses one that is behind.
 */
export function insertEvents(
  slot: AppendSlot,
  events: readonly EncodedEvent[],
  recordedAt: string,
): { sql: string; values: unknown[] } {
  return {
    sql: `INSERT INTO events (${INSERTED_COLUMNS}) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    values: rowsAfterPosition(slot, events, recordedAt).flatMap((row, index) => [
      slot.firstPosition + index,
      ...row,
    ]),
  };
}

/**
 * The same append for appenders that lost the race: one batch (one round trip) that queues on the lock
 * row, reads the head under it and inserts right after, so contending appenders take turns instead of
 * all retrying at once. The first row's position is answered as the insertId. A refused statement stops
 * the batch inside its transaction: the caller rolls back on that connection.
 */
export function insertUnderLock(
  slot: Omit<AppendSlot, 'firstPosition'>,
  events: readonly EncodedEvent[],
  recordedAt: string,
): { sql: string; values: unknown[]; insert: number } {
  const rows = events.map(
    (_, index) =>
      `(${index === 0 ? 'LAST_INSERT_ID(@ib_head + 1)' : `@ib_head + ${index + 1}`}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    sql: [
      'START TRANSACTION',
      'SELECT id FROM events_append_lock WHERE id = 1 FOR UPDATE',
      'SELECT COALESCE(MAX(global_position), 0) INTO @ib_head FROM events',
      `INSERT INTO events (${INSERTED_COLUMNS}) VALUES ${rows.join(', ')}`,
      'COMMIT',
    ].join(';\n'),
    values: rowsAfterPosition(slot, events, recordedAt).flat(),
    insert: 3,
  };
}

/** Each row's values after its position, in INSERTED_COLUMNS order. */
function rowsAfterPosition(
  { streamId, firstVersion }: Omit<AppendSlot, 'firstPosition'>,
  events: readonly EncodedEvent[],
  recordedAt: string,
): unknown[][] {
  checkedVersion(firstVersion);
  return events.map(([eventId, type, schemaVersion, data, metadata], index) => {
    const version = firstVersion + index;
    return [
      eventId,
      streamId,
      version,
      version === 0 ? null : version - 1,
      type,
      schemaVersion,
      data,
      metadata,
      recordedAt,
    ];
  });
}

function checkedVersion(version: number): number {
  if (!Number.isSafeInteger(version) || version < 0)
    throw new RangeError(`An expected version must be an integer from -1, got ${version - 1}`);
  return version;
}
