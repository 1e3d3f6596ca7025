import { DatabaseSync } from 'node:sqlite';
import { ensurePrivateFile } from '../private-files';

/**
 * Opens a SQLite file for the small key/value stores that hold credentials (secrets, password hashes).
 * Several stores and processes may share one file: WAL lets readers run beside a writer, the busy
 * timeout makes a writer wait for another instead of failing at once, and secure_delete overwrites
 * freed content with zeros so a shredded key does not linger in free pages.
 */
export function openCredentialsDatabase(file: string): DatabaseSync {
  ensurePrivateFile(file);
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
