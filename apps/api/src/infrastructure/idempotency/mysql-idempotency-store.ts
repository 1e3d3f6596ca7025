import { type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../mysql/mysql-state-table';
import { type KeyRow, PURGE_BATCH, PURGE_INTERVAL_MS, planReservation } from './idempotency-reservation';
import {
  IdempotencyStoreUnavailableError,
  type IdempotencyPolicy,
  type IdempotencyStore,
  type IdempotentCall,
  type Reservation,
  type StoredResponse,
} from './idempotency-store.port';

// `key` is a reserved word in MySQL: quoted everywhere. Keys are at most 200 characters (IdempotentPosts).
const SCHEMA = `CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope VARCHAR(191) NOT NULL,
    \`key\` VARCHAR(200) NOT NULL,
    fingerprint TEXT NOT NULL,
    status INT NULL,
    body LONGTEXT NULL,
    headers TEXT NULL,
    created_at VARCHAR(32) NOT NULL,
    attempt INT NOT NULL,
    lease_until BIGINT NOT NULL,
    released TINYINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (scope, \`key\`),
    KEY idempotency_keys_expiry (expires_at)
  ) ${STATE_TABLE_OPTIONS}`;

const COLUMNS = 'fingerprint, status, body, headers, created_at, attempt, lease_until, released, expires_at';

/** A row that vanished between two statements (purged by another instance) is looked at again, a few times. */
const MAX_ROUNDS = 3;

/**
 * The shared adapter: keys in the product database, so a retry reaching another instance finds the
 * reservation or answer of the first. No statement holds a lock across round trips: a new key is
 * claimed by INSERT IGNORE (the primary key lets one caller in), and every change to an existing row
 * is a compare-and-set on its attempt number, which InnoDB evaluates on the latest committed row.
 */
export class MysqlIdempotencyStore implements IdempotencyStore {
  private readonly table: MysqlStateTable;
  private readonly policy: IdempotencyPolicy;
  private nextPurgeAt = 0;

  constructor({ policy, ...options }: MysqlStateStoreOptions & { policy: IdempotencyPolicy }) {
    this.policy = policy;
    this.table = new MysqlStateTable({
      ...options,
      schema: SCHEMA,
      unavailable: (detail, options) => new IdempotencyStoreUnavailableError(detail, options),
    });
  }

  reserve(call: IdempotentCall): Promise<Reservation> {
    return this.table.run('reserve a key', async (pool) => {
      const at = call.now.getTime();
      if (at >= this.nextPurgeAt) {
        const deleted = await this.purgeBatch(pool, at);
        this.nextPurgeAt = deleted < PURGE_BATCH ? at + PURGE_INTERVAL_MS : at;
      }
      for (let round = 1; ; round++) {
        const reservation = await this.reserveOnce(pool, call);
        if (reservation !== undefined || round >= MAX_ROUNDS) return reservation ?? inProgressNow;
      }
    });
  }

  async remember(scope: string, key: string, attempt: number, response: StoredResponse): Promise<void> {
    await this.table.run('remember an answer', (pool) =>
      pool.execute(
        `UPDATE idempotency_keys SET status = ?, body = ?, headers = ?
         WHERE scope = ? AND \`key\` = ? AND attempt = ? AND status IS NULL`,
        [
          response.status,
          JSON.stringify(response.body ?? null),
          JSON.stringify(response.headers),
          scope,
          key,
          attempt,
        ],
      ),
    );
  }

  async release(scope: string, key: string, attempt: number): Promise<void> {
    await this.table.run('release a key', (pool) =>
      pool.execute(
        `UPDATE idempotency_keys SET released = 1
         WHERE scope = ? AND \`key\` = ? AND attempt = ? AND status IS NULL`,
        [scope, key, attempt],
      ),
    );
  }

  purgeExpired(now: Date): Promise<number> {
    return this.table.run('delete expired keys', async (pool) => {
      let deleted = 0;
      for (;;) {
        const batch = await this.purgeBatch(pool, now.getTime());
        deleted += batch;
        if (batch < PURGE_BATCH) return deleted;
      }
    });
  }

  close(): Promise<void> {
    return this.table.close();
  }

  /** The reservation, or undefined when the row changed under us in a way worth looking at again. */
  private async reserveOnce(pool: Pool, call: IdempotentCall): Promise<Reservation | undefined> {
    const { scope, key, fingerprint, now } = call;
    const at = now.getTime();
    await pool.execute('DELETE FROM idempotency_keys WHERE scope = ? AND `key` = ? AND expires_at <= ?', [
      scope,
      key,
      at,
    ]);
    const [rows] = await pool.execute<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM idempotency_keys WHERE scope = ? AND \`key\` = ?`,
      [scope, key],
    );
    const step = planReservation(rows[0] as KeyRow | undefined, call, this.policy);
    switch (step.kind) {
      case 'answer':
        return step.reservation;
      case 'insert': {
        // IGNORE only meets the primary key here: every value is the store's own or checked by the caller.
        const [{ affectedRows }] = await pool.execute<ResultSetHeader>(
          `INSERT IGNORE INTO idempotency_keys
             (scope, \`key\`, fingerprint, created_at, attempt, lease_until, released, expires_at)
           VALUES (?, ?, ?, ?, 1, ?, 0, ?)`,
          [scope, key, fingerprint, now.toISOString(), step.lease, step.expiresAt],
        );
        // Another caller inserted it first: decide again on its row.
        return affectedRows === 1 ? step.reservation : undefined;
      }
      case 'restart': {
        const [{ affectedRows }] = await pool.execute<ResultSetHeader>(
          `UPDATE idempotency_keys
           SET fingerprint = ?, created_at = ?, attempt = attempt + 1, lease_until = ?, released = 0, expires_at = ?
           WHERE scope = ? AND \`key\` = ? AND attempt = ? AND status IS NULL AND released = 1`,
          [fingerprint, now.toISOString(), step.lease, step.expiresAt, scope, key, step.attempt],
        );
        return affectedRows === 1 ? step.reservation : step.otherwise;
      }
      case 'takeOver': {
        const [{ affectedRows }] = await pool.execute<ResultSetHeader>(
          `UPDATE idempotency_keys SET attempt = attempt + 1, lease_until = ?, released = 0
           WHERE scope = ? AND \`key\` = ? AND attempt = ? AND status IS NULL`,
          [step.lease, scope, key, step.attempt],
        );
        return affectedRows === 1 ? step.reservation : step.otherwise;
      }
    }
  }

  private async purgeBatch(pool: Pool, at: number): Promise<number> {
    // query, not execute: a bound LIMIT is refused by some servers' prepared statements.
    const [{ affectedRows }] = await pool.query<ResultSetHeader>(
      'DELETE FROM idempotency_keys WHERE expires_at <= ? LIMIT ?',
      [at, PURGE_BATCH],
    );
    return affectedRows;
  }
}

/** Three rounds lost to other callers: the key is busy, ask for a retry at once. */
const inProgressNow: Reservation = { outcome: 'in_progress', retryAfterSeconds: 1 };
