import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ensurePrivateFile } from '../private-files';
import { CHAIN_COLUMNS } from './chained-event';
import { upgradeToChain } from './sqlite-chain-upgrade';
import { addSqliteAuditColumns } from './audit-query/sqlite-audit-schema';

/**
 * global_position is the rowid alias (no AUTOINCREMENT): the store gives each event the position after
 * the last one, under SQLite's single writer, so positions follow commit order and a rolled-back append
 * leaves no hole. data and metadata hold JSON text. previous_position and hash chain the log (see
 * audit-chain/chain-link.ts); they are null only in a row written outside the store, which
 * verification reports.
 */
export const CREATE_EVENTS = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_version  INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  previous_position INTEGER,
  hash            TEXT,
  UNIQUE (stream_id, stream_version)
) STRICT`;

/** Signed points of the chain (see audit-chain/chain-row.ts). */
export const CREATE_CHAIN_CHECKPOINTS = `
CREATE TABLE IF NOT EXISTS events_chain_checkpoints (
  position  INTEGER PRIMARY KEY,
  hash      TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  signature TEXT
) STRICT`;

const INSERTED_COLUMNS =
  'event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';
const EVENT_COLUMNS = `global_position, ${INSERTED_COLUMNS}`;

/**
 * WAL lets readers and subscribers run beside the writer; NORMAL skips the fsync per commit (a power
 * cut may lose the last commits, never corrupt or reorder them).
 */
export const DURABILITY_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL'] as const;

export const SQL = {
  begin: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  head: 'SELECT coalesce(max(global_position), 0) AS head FROM events',
  streamHead:
    'SELECT stream_version, global_position FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
  // Positions are given, not left to SQLite: each event is chained to the one before it (see lastLink).
  insert: `INSERT INTO events (global_position, previous_position, hash, ${INSERTED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  lastLink: 'SELECT global_position AS position, hash FROM events ORDER BY global_position DESC LIMIT 1',
  findEvent: 'SELECT stream_id, stream_version, global_position FROM events WHERE event_id = ?',
  readStream: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version`,
  readAll: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
  // Rows of other types are skipped by SQLite, before their data is ever copied out or decoded.
  readAllOfTypes: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY global_position LIMIT ?`,
  readChain: `SELECT ${CHAIN_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ? ORDER BY global_position LIMIT ?`,
  chainCheckpoints:
    'SELECT position, hash, signed_at, signature FROM events_chain_checkpoints ORDER BY position',
  saveChainCheckpoint:
    'INSERT OR IGNORE INTO events_chain_checkpoints (position, hash, signed_at, signature) VALUES (?, ?, ?, ?)',
} as const;

/** These answer EventRows (see stored-event.ts). */
const ROW_STATEMENTS: readonly (keyof typeof SQL)[] = [
  'readStream',
  'readAll',
  'readAllOfTypes',
  'readChain',
];

export type HeadRow = Readonly<{ head: number }>;

export type EventStatements = Readonly<Record<keyof typeof SQL, StatementSync>>;
export type EventsDatabase = Readonly<{ db: DatabaseSync; statements: EventStatements }>;

/** Opens (creating folder, file and table when absent) and prepares every statement once. */
export function openEventsDatabase(file: string, busyTimeoutMs: number): EventsDatabase {
  ensurePrivateFile(file);
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  try {
    for (const pragma of DURABILITY_PRAGMAS) db.exec(pragma);
    db.exec(CREATE_EVENTS);
    db.exec(CREATE_CHAIN_CHECKPOINTS);
    upgradeToChain(db);
    addSqliteAuditColumns(db);
    const statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as unknown as EventStatements;
    for (const name of ROW_STATEMENTS) statements[name].setReturnArrays(true);
    return { db, statements };
  } catch (error) {
    db.close();
    throw error;
  }
}
