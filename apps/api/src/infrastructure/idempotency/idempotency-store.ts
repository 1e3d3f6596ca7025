import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ensurePrivateFile } from '../private-files';
import { type KeyRow, PURGE_BATCH, PURGE_INTERVAL_MS, planReservation } from './idempotency-reservation';
import {
  IdempotencyStoreUnavailableError,
  type IdempotencyPolicy,
  type IdempotencyStore,
  type IdempotentCall,
  type Reservation,
  type StoredResponse,
} from './idempotency-store.port';

export { IdempotencyStoreUnavailableError } from './idempotency-store.port';

// Times the store compares are epoch milliseconds; created_at stays ISO text since request ids derive from it.
const SCHEMA = `CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    status INTEGER, body TEXT, headers TEXT, created_at TEXT NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 1,
    lease_until INTEGER NOT NULL DEFAULT 0,
    released INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, key)
  ) WITHOUT ROWID;`;

/** Columns added after the first release: reservations left by it become abandoned ones, due to expire. */
const ADDED_COLUMNS = ['attempt', 'lease_until', 'released', 'expires_at'] as const;

/** The embedded adapter: one SQLite file in the data folder. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: DatabaseSync;
  private readonly statements: Record<
    'select' | 'insert' | 'restart' | 'takeOver' | 'complete' | 'release' | 'deleteOne' | 'purge',
    StatementSync
  >;
  private readonly policy: IdempotencyPolicy;
  private nextPurgeAt = 0;

  constructor(options: { file: string; policy: IdempotencyPolicy }) {
    this.policy = options.policy;
    try {
      ensurePrivateFile(options.file);
      this.db = new DatabaseSync(options.file);
      this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000;`);
      this.db.exec(SCHEMA);
      this.migrate();
      this.db.exec('CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at)');
      this.statements = this.prepare();
    } catch (error) {
      throw new IdempotencyStoreUnavailableError(`cannot open ${options.file}`, { cause: error });
    }
  }

  reserve(call: IdempotentCall): Promise<Reservation> {
    return this.guarded('reserve a key', () => {
      // IMMEDIATE takes the write lock first: two processes on one file cannot both read "abandoned".
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const reservation = this.reserveInTransaction(call);
        this.db.exec('COMMIT');
        return reservation;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  remember(scope: string, key: string, attempt: number, response: StoredResponse): Promise<void> {
    return this.guarded('remember an answer', () => {
      this.statements.complete.run(
        response.status,
        JSON.stringify(response.body ?? null),
        JSON.stringify(response.headers),
        scope,
        key,
        attempt,
      );
    });
  }

  release(scope: string, key: string, attempt: number): Promise<void> {
    return this.guarded('release a key', () => {
      this.statements.release.run(scope, key, attempt);
    });
  }

  purgeExpired(now: Date): Promise<number> {
    return this.guarded('delete expired keys', () => this.purge(now.getTime()));
  }

  close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
    return Promise.resolve();
  }

  private reserveInTransaction(call: IdempotentCall): Reservation {
    const { scope, key, fingerprint, now } = call;
    const at = now.getTime();
    if (at >= this.nextPurgeAt) {
      const { changes } = this.statements.purge.run(at, PURGE_BATCH);
      this.nextPurgeAt = Number(changes) < PURGE_BATCH ? at + PURGE_INTERVAL_MS : at;
    }
    let row = this.statements.select.get(scope, key) as KeyRow | undefined;
    if (row && row.expires_at <= at) {
      this.statements.deleteOne.run(scope, key);
      row = undefined;
    }
    const step = planReservation(row, call, this.policy);
    switch (step.kind) {
      case 'answer':
        return step.reservation;
      case 'insert':
        this.statements.insert.run(scope, key, fingerprint, now.toISOString(), step.lease, step.expiresAt);
        return step.reservation;
      case 'restart': {
        const { changes } = this.statements.restart.run(
          fingerprint,
          now.toISOString(),
          step.lease,
          step.expiresAt,
          scope,
          key,
          step.attempt,
        );
        return Number(changes) === 1 ? step.reservation : step.otherwise;
      }
      case 'takeOver': {
        const { changes } = this.statements.takeOver.run(step.lease, scope, key, step.attempt);
        return Number(changes) === 1 ? step.reservation : step.otherwise;
      }
    }
  }

  private purge(at: number): number {
    let deleted = 0;
    for (;;) {
      const { changes } = this.statements.purge.run(at, PURGE_BATCH);
      deleted += Number(changes);
      if (Number(changes) < PURGE_BATCH) return deleted;
    }
  }

  private migrate(): void {
    const columns = new Set(
      (this.db.prepare('PRAGMA table_info(idempotency_keys)').all() as { name: string }[]).map(
        ({ name }) => name,
      ),
    );
    const missing = ADDED_COLUMNS.filter((column) => !columns.has(column));
    if (missing.length === 0) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const column of missing)
        this.db.exec(`ALTER TABLE idempotency_keys ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`);
      this.db.exec('UPDATE idempotency_keys SET attempt = 1 WHERE attempt = 0');
      this.db
        .prepare(
          `UPDATE idempotency_keys SET expires_at = CAST(strftime('%s', created_at) AS INTEGER) * 1000 + ?
           WHERE expires_at = 0`,
        )
        .run(this.policy.ttlMs);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private prepare() {
    const prepare = (sql: string) => this.db.prepare(sql);
    return {
      select: prepare(
        `SELECT fingerprint, status, body, headers, created_at, attempt, lease_until, released, expires_at
         FROM idempotency_keys WHERE scope = ? AND key = ?`,
      ),
      insert: prepare(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, created_at, attempt, lease_until, released, expires_at)
         VALUES (?, ?, ?, ?, 1, ?, 0, ?)`,
      ),
      restart: prepare(
        `UPDATE idempotency_keys
         SET fingerprint = ?, created_at = ?, attempt = attempt + 1, lease_until = ?, released = 0, expires_at = ?
         WHERE scope = ? AND key = ? AND attempt = ? AND status IS NULL AND released = 1`,
      ),
      takeOver: prepare(
        `UPDATE idempotency_keys SET attempt = attempt + 1, lease_until = ?, released = 0
         WHERE scope = ? AND key = ? AND attempt = ? AND status IS NULL`,
      ),
      complete: prepare(
        `UPDATE idempotency_keys SET status = ?, body = ?, headers = ?
         WHERE scope = ? AND key = ? AND attempt = ? AND status IS NULL`,
      ),
      release: prepare(
        `UPDATE idempotency_keys SET released = 1
         WHERE scope = ? AND key = ? AND attempt = ? AND status IS NULL`,
      ),
      deleteOne: prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?'),
      purge: prepare(
        `DELETE FROM idempotency_keys WHERE (scope, key) IN
           (SELECT scope, key FROM idempotency_keys WHERE expires_at <= ? LIMIT ?)`,
      ),
    };
  }

  private guarded<T>(what: string, action: () => T): Promise<T> {
    try {
      return Promise.resolve(action());
    } catch (error) {
      return Promise.reject(new IdempotencyStoreUnavailableError(`cannot ${what}`, { cause: error }));
    }
  }
}
