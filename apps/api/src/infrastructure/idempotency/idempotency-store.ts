import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export type StoredResponse = Readonly<{
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}>;

export type Reservation =
  | { outcome: 'reserved' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

/**
 * Remembers the answer to each (caller, Idempotency-Key) so a retried POST gets the same answer and
 * appends nothing. A key is reserved before the command runs so two concurrent retries cannot both run.
 */
export class IdempotencyStore {
  private readonly db: DatabaseSync;
  private readonly insert: StatementSync;
  private readonly select: StatementSync;
  private readonly complete: StatementSync;
  private readonly release: StatementSync;

  constructor(options: { file: string }) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new DatabaseSync(options.file);
    this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000;
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        status INTEGER, body TEXT, headers TEXT, created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      ) WITHOUT ROWID;`);
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)',
    );
    this.select = this.db.prepare(
      'SELECT fingerprint, status, body, headers FROM idempotency_keys WHERE scope = ? AND key = ?',
    );
    this.complete = this.db.prepare(
      'UPDATE idempotency_keys SET status = ?, body = ?, headers = ? WHERE scope = ? AND key = ?',
    );
    this.release = this.db.prepare(
      'DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL',
    );
  }

  reserve(scope: string, key: string, fingerprint: string, now: Date): Reservation {
    const inserted = this.insert.run(scope, key, fingerprint, now.toISOString());
    if (Number(inserted.changes) === 1) return { outcome: 'reserved' };
    const row = this.select.get(scope, key) as
      { fingerprint: string; status: number | null; body: string | null; headers: string | null } | undefined;
    if (!row) return this.reserve(scope, key, fingerprint, now);
    if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (row.status === null) return { outcome: 'in_progress' };
    return {
      outcome: 'replay',
      response: {
        status: row.status,
        body: row.body === null ? undefined : JSON.parse(row.body),
        headers: JSON.parse(row.headers ?? '{}'),
      },
    };
  }

  remember(scope: string, key: string, response: StoredResponse): void {
    this.complete.run(
      response.status,
      JSON.stringify(response.body ?? null),
      JSON.stringify(response.headers),
      scope,
      key,
    );
  }

  /** A failed command changed nothing, so its key is freed and a retry runs again. */
  forget(scope: string, key: string): void {
    this.release.run(scope, key);
  }

  close(): void {
    this.db.close();
  }
}
