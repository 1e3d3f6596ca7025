import Database from 'libsql';
import { type NativeDatabase } from './view-table';

/** A second, read-only connection to the read-model file, for reads that must not queue behind the writer. */
export function openReadOnlyConnection(file: string): NativeDatabase {
  const db = new Database(file, { readonly: true });
  db.pragma('busy_timeout = 2000');
  return db;
}
