import { randomUUID } from 'node:crypto';
import { lstatSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ensurePrivateDir, ensurePrivateFile } from '../private-files';
import { SAMPLE_DATABASE_SQL } from './sample-database.sql';

/** The sample's path relative to the databases folder: what an SQLite connection stores. */
export const SAMPLE_DATABASE_PATH = 'sample.sqlite';

/**
 * Creates the sample shop database in `databasesDir` unless a file of that name is already there
 * (a user's changes to it are never overwritten) and returns its relative path.
 * The database is built in a temporary file and renamed into place, so a crash or a concurrent
 * reader never sees a half-written sample.
 */
export function ensureSampleDatabase(databasesDir: string): string {
  const target = join(databasesDir, SAMPLE_DATABASE_PATH);
  if (lstatSync(target, { throwIfNoEntry: false })) return SAMPLE_DATABASE_PATH;

  ensurePrivateDir(databasesDir);
  const temporary = join(databasesDir, `.${SAMPLE_DATABASE_PATH}.${randomUUID()}.tmp`);
  try {
    // Created private first: the rename keeps the mode, and SQLite gives its journal the same one.
    ensurePrivateFile(temporary);
    const db = new DatabaseSync(temporary);
    try {
      db.exec(SAMPLE_DATABASE_SQL);
    } finally {
      db.close();
    }
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-journal`, { force: true });
  }
  return SAMPLE_DATABASE_PATH;
}
