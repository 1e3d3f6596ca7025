import { type ExpectedVersion } from '../event-store.port';

/**
 * The log: one row per event, positions given by the append under the head row's lock (see
 * appendBatch), never by AUTO_INCREMENT. Text columns are binary-collated utf8mb4, so stream ids compare
 * exactly and data reads back byte for byte; data and metadata are JSON text, not the JSON type, which
 * MySQL would normalise.
 */
export const CREATE_TABLES = [
  `CREATE TABLE IF NOT EXISTS events (
    global_position BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    event_id        CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    stream_id       VARCHAR(255) NOT NULL,
    stream_version  BIGINT UNSIGNED NOT NULL,
    type            VARCHAR(200) NOT NULL,
    schema_version  INT NOT NULL,
    data            LONGTEXT NOT NULL,
    metadata        TEXT NOT NULL,
    recorded_at     CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    UNIQUE KEY events_stream_version (stream_id, stream_version),
    UNIQUE KEY events_event_id (event_id),
    KEY events_type_position (type, global_position)
  ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin`,
  `CREATE TABLE IF NOT EXISTS events_head (
    id       TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    position BIGINT UNSIGNED NOT NULL
  ) ENGINE = InnoDB`,
  'INSERT IGNORE INTO events_head (id, position) VALUES (1, 0)',
] as const;

const INSERTED_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';
const EVENT_COLUMNS = INSERTED_COLUMNS;

export const SQL = {
  head: 'SELECT COALESCE(MAX(global_position), 0) AS head FROM events',
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

export type AppendVerdict = Readonly<{ ok: number; version: number; head: number }>;

/** How long an append waits for the head lock before the store counts as unavailable (503). */
export const DEFAULT_LOCK_WAIT_SECONDS = 10;

/**
 * One append as one batch of statements, so the log's lock is held for one round trip:
 * 1. the head row is locked: appends are serialised, and each takes the positions after the last
 *    one committed. Positions therefore grow in commit order, and a reader that has seen position p
 *    can never meet a smaller one later (the late-commit problem of AUTO_INCREMENT logs cannot occur);
 * 2. under that lock, read committed sees the stream's current version, checked against the expected
 *    one in SQL; when it does not match nothing is written and the verdict says so;
 * 3. the rows and the new head are written and committed; the verdict comes back last.
 * A refused row (an event id already stored) stops the batch inside the transaction: the caller then
 * rolls back on the same connection.
 */
export function appendBatch(
  eventCount: number,
  expected: ExpectedVersion,
  lockWaitSeconds = DEFAULT_LOCK_WAIT_SECONDS,
): string {
  const rows = Array.from(
    { length: eventCount },
    (_, index) =>
      `SELECT @ib_head + ${index + 1}, ?, ?, @ib_version + ${index + 1}, ?, ?, ?, ?, ? FROM DUAL WHERE @ib_ok`,
  ).join(' UNION ALL ');
  return [
    `SET SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.trunc(lockWaitSeconds))}`,
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
    'START TRANSACTION',
    'SELECT position INTO @ib_head FROM events_head WHERE id = 1 FOR UPDATE',
    'SELECT COALESCE(MAX(stream_version), -1) INTO @ib_version FROM events WHERE stream_id = ?',
    `SET @ib_ok = ${versionCheck(expected)}`,
    `INSERT INTO events (${INSERTED_COLUMNS}) ${rows}`,
    `UPDATE events_head SET position = @ib_head + ${eventCount} WHERE id = 1 AND @ib_ok`,
    'COMMIT',
    'SELECT @ib_ok AS ok, @ib_version AS version, @ib_head AS head',
  ].join(';\n');
}

/** The expected version as SQL on @ib_version; a number is checked to be one before it is written in. */
function versionCheck(expected: ExpectedVersion): string {
  switch (expected) {
    case 'any':
      return 'TRUE';
    case 'no_stream':
      return '@ib_version = -1';
    case 'stream_exists':
      return '@ib_version >= 0';
    default:
      if (!Number.isSafeInteger(expected) || expected < -1)
        throw new RangeError(`An expected version must be an integer from -1, got ${expected}`);
      return `@ib_version = ${expected}`;
  }
}
