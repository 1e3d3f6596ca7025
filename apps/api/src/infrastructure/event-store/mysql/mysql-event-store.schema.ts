import { type EncodedEvent } from '../append-outcome';
import { ChainExtension, GENESIS_HASH } from '../../audit-chain/chain-link';
import { digestOfAppended } from '../chained-event';

/**
 * The log: one row per event, positions given by the append under the head row's lock (see
 * appendBatch), never by AUTO_INCREMENT. Each row names the stream version it follows, and a foreign key
 * on (stream, previous version) makes the server refuse an append to a stream that is behind the
 * expected version, with no read before the write. Text columns are binary-collated utf8mb4,
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
    previous_position BIGINT UNSIGNED NULL,
    hash             CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    UNIQUE KEY events_stream_version (stream_id, stream_version),
    UNIQUE KEY events_event_id (event_id),
    KEY events_type_position (type, global_position),
    CONSTRAINT events_previous_version FOREIGN KEY (stream_id, previous_version)
      REFERENCES events (stream_id, stream_version)
  ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin`,
  `CREATE TABLE IF NOT EXISTS events_head (
    id            TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    position      BIGINT UNSIGNED NOT NULL,
    last_position BIGINT UNSIGNED NOT NULL DEFAULT 0,
    hash          CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL
  ) ENGINE = InnoDB`,
  `CREATE TABLE IF NOT EXISTS events_chain_checkpoints (
    position  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    hash      CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    signed_at CHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    signature CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL
  ) ENGINE = InnoDB`,
  // From the log's last position, not 0: a head row lost (or never made) must not reuse positions.
  'INSERT IGNORE INTO events_head (id, position) SELECT 1, COALESCE(MAX(global_position), 0) FROM events',
] as const;

/** A log written by the first server build (without previous_version) becomes the current shape in place. */
export const UPGRADE_FROM_HEAD_ROW = [
  'ALTER TABLE events ADD COLUMN previous_version BIGINT UNSIGNED NULL AFTER stream_version',
  'UPDATE events SET previous_version = stream_version - 1 WHERE stream_version > 0',
  `ALTER TABLE events ADD CONSTRAINT events_previous_version FOREIGN KEY (stream_id, previous_version)
    REFERENCES events (stream_id, stream_version)`,
] as const;

/**
 * A log written before the chain existed gets its columns; the head row's hash stays NULL until every
 * stored event is chained (mysql-chain-upgrade.ts), which is how an interrupted upgrade is resumed.
 */
export const UPGRADE_TO_CHAIN = [
  `ALTER TABLE events ADD COLUMN previous_position BIGINT UNSIGNED NULL,
    ADD COLUMN hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL`,
  `ALTER TABLE events_head ADD COLUMN last_position BIGINT UNSIGNED NOT NULL DEFAULT 0,
    ADD COLUMN hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL`,
] as const;

export const INSERTED_COLUMNS =
  'global_position, previous_position, hash, event_id, stream_id, stream_version, previous_version, type, schema_version, data, metadata, recorded_at';
const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';

/** chain-link.ts's canonicalEncoding in SQL: each field's UTF-8 byte length, ':', the field, ';'. */
const DIGESTED_FIELDS = [
  'event_id',
  'stream_id',
  'stream_version',
  'type',
  'schema_version',
  'data',
  'metadata',
  'recorded_at',
]
  .map((column) => `LENGTH(${column}), ':', ${column}, ';'`)
  .join(', ');

export const SQL = {
  head: 'SELECT COALESCE(MAX(global_position), 0) AS head FROM events',
  hasPreviousVersion: `SELECT COUNT(*) AS found FROM information_schema.columns
    WHERE table_schema = DATABASE() AND table_name = 'events' AND column_name = 'previous_version'`,
  hasChain: `SELECT COUNT(*) AS found FROM information_schema.columns
    WHERE table_schema = DATABASE() AND table_name = 'events' AND column_name = 'hash'`,
  // The server hashes its stored fields itself (the canonical encoding of chain-link.ts, byte lengths
  // and all): a verification then reads four short columns per event instead of the events.
  readChain: `SELECT global_position, previous_position, hash, SHA2(CONCAT(${DIGESTED_FIELDS}), 256) AS digest
    FROM events WHERE global_position > ? AND global_position <= ? ORDER BY global_position LIMIT ?`,
  chainCheckpoints:
    'SELECT position, hash, signed_at, signature FROM events_chain_checkpoints ORDER BY position',
  saveChainCheckpoint:
    'INSERT IGNORE INTO events_chain_checkpoints (position, hash, signed_at, signature) VALUES (?, ?, ?, ?)',
  streamVersion: 'SELECT COALESCE(MAX(stream_version), -1) AS version FROM events WHERE stream_id = ?',
  findEvents: 'SELECT event_id, stream_id, stream_version, global_position FROM events WHERE event_id IN (?)',
  readStream: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version`,
  readAll: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
  readAllOfTypes: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND type IN (?) ORDER BY global_position LIMIT ?`,
  rollback: 'ROLLBACK',
} as const;

/** What the batch's statements answer, in order; the index of the head reservation and of the rows. */
export type AppendBatch = Readonly<{
  sql: string;
  values: unknown[];
  /** Index of the UPDATE whose insertId is the last reserved position. */
  reservation: number;
}>;

/**
 * Takes the head row's lock and reads it (an append that computes before it writes): the last reserved
 * position, the last stored event's position and its link.
 */
export const LOCK_HEAD = 'SELECT position, last_position, hash FROM events_head WHERE id = 1 FOR UPDATE';

export type HeadRow = Readonly<{
  position: number | string;
  last_position: number | string;
  hash: string | null;
}>;

/**
 * An append as the second half of a transaction that holds the head row's lock (LOCK_HEAD) and has
 * read it: the positions after it, the links computed here (as SQL would, see chain-link.ts), the head
 * row moved on, the rows in. Costs a second round trip, saves the server a SHA2() per event: the way
 * for larger batches, and for appends that must read the stream's version first anyway.
 */
export function lockedAppendBatch(
  streamId: string,
  events: readonly EncodedEvent[],
  after: number,
  recordedAt: string,
  head: HeadRow,
): { sql: string; values: unknown[]; lastPosition: number } {
  checkedVersion(after);
  const chain = new ChainExtension({ position: Number(head.last_position), hash: head.hash ?? GENESIS_HASH });
  const first = Number(head.position) + 1;
  const rows = events.map((event, index) => {
    const [eventId, type, schemaVersion, data, metadata] = event;
    const version = after + 1 + index;
    const { position, previousPosition, hash } = chain.next(
      first + index,
      digestOfAppended(event, streamId, version, recordedAt),
    );
    return [
      position,
      previousPosition,
      hash,
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
  const last = chain.head;
  return {
    sql: [
      'UPDATE events_head SET position = ?, last_position = ?, hash = ? WHERE id = 1',
      `INSERT INTO events (${INSERTED_COLUMNS}) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      'COMMIT',
    ].join(';\n'),
    values: [last.position, last.position, last.hash, ...rows.flat()],
    lastPosition: last.position,
  };
}

/**
 * Reserves `count` positions and extends the chain in the head row, in one UPDATE of it:
 * - `position` first: its new value is the last reserved position (also answered as the insertId);
 * - `hash`: the link of each new event, each kept in a session variable for the rows (@ib_h0...), the
 *   first chained to the head row's last link (the genesis values on a new log), the others to the one
 *   before; SQL assigns left to right, so `position` is the new one here and `last_position` still the
 *   old one, kept in @ib_previous for the first row;
 * - `last_position`: the last new event.
 * Every session variable the rows read is assigned by this statement of the same batch.
 */
function reserveAndChain(count: number): string {
  const at = (index: number) => `position - ${count - 1 - index}`;
  const links = Array.from({ length: count }, (_, index) => {
    const previousHash =
      index === 0 ? `COALESCE(CONVERT(hash USING utf8mb4), '${GENESIS_HASH}')` : `@ib_h${index - 1}`;
    const previousPosition = index === 0 ? '(@ib_previous := last_position)' : at(index - 1);
    return `@ib_h${index} := SHA2(CONCAT(${previousHash}, ':', ${previousPosition}, ':', ${at(index)}, ':', ?), 256)`;
  });
  return (
    `UPDATE events_head SET position = LAST_INSERT_ID(position + ${count}), ` +
    `hash = SUBSTR(CONCAT(${links.join(', ')}), -64), last_position = position WHERE id = 1`
  );
}

/**
 * One append after a known stream version as one batch of statements, so it costs one round trip:
 * 1. the head row is updated first: that locks it, so appends are serialised, and reserves the next
 *    positions (answered as the insertId). Positions therefore grow in commit order, and a reader that
 *    has seen position p never meets a smaller one later: the late-commit problem of AUTO_INCREMENT
 *    logs cannot occur. A refused append leaves its reserved positions unused (positions are ordered,
 *    not contiguous);
 * 2. the same UPDATE extends the audit chain the head row keeps (see reserveAndChain and
 *    audit-chain/chain-link.ts: the digest of each event's fields is computed here, its link by the
 *    server with SHA2()), so the chain costs no statement of its own;
 * 3. the rows go in at the expected versions, with their links: the unique (stream, version) key
 *    refuses a stream that is ahead, the foreign key to each row's previous version one that is behind.
 * A refused statement stops the batch inside its transaction: the caller rolls back on that connection,
 * and the head row's reservation and link are rolled back with it.
 * Each link costs the server a SHA2() (a few microseconds): larger batches take lockedAppendBatch.
 */
export function appendBatch(
  streamId: string,
  events: readonly EncodedEvent[],
  after: number,
  recordedAt: string,
): AppendBatch {
  checkedVersion(after);
  const count = events.length;
  const position = (index: number) => `LAST_INSERT_ID() - ${count - 1 - index}`;
  const previous = (index: number) => (index === 0 ? '@ib_previous' : position(index - 1));
  const rows = events
    .map((_, index) => `(${position(index)}, ${previous(index)}, @ib_h${index}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .join(', ');
  const digests = events.map((event, index) =>
    digestOfAppended(event, streamId, after + 1 + index, recordedAt),
  );
  return {
    sql: [
      'START TRANSACTION',
      reserveAndChain(count),
      `INSERT INTO events (${INSERTED_COLUMNS}) VALUES ${rows}`,
      'COMMIT',
    ].join(';\n'),
    values: [
      ...digests,
      ...events.flatMap((event, index) => {
        const [eventId, type, schemaVersion, data, metadata] = event;
        const version = after + 1 + index;
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
      }),
    ],
    reservation: 1,
  };
}

function checkedVersion(expected: number): number {
  if (!Number.isSafeInteger(expected) || expected < -1)
    throw new RangeError(`An expected version must be an integer from -1, got ${expected}`);
  return expected;
}
