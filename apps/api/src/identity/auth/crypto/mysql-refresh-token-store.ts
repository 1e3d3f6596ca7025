import { type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../../../infrastructure/mysql/mysql-state-table';
import { credentialsUnavailable } from './mysql-credential-store';
import {
  REFRESH_TOKEN_COLUMNS,
  RefreshTokenStore,
  type RefreshTokenRecord,
  type RefreshTokenRow,
  assertRefreshTokenHash,
  recordOf,
} from './refresh-token-store.port';

const SCHEMA = `CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash CHAR(64) NOT NULL PRIMARY KEY,
    family_id VARCHAR(64) NOT NULL,
    user_id VARCHAR(191) NOT NULL,
    username VARCHAR(64) NOT NULL,
    environment VARCHAR(64) NOT NULL,
    session_version BIGINT NOT NULL,
    expires_at VARCHAR(32) NOT NULL,
    family_expires_at VARCHAR(32) NOT NULL,
    spent_at VARCHAR(32) NULL,
    KEY refresh_tokens_family (family_id),
    KEY refresh_tokens_user (user_id)
  ) ${STATE_TABLE_OPTIONS}`;

/** Refresh tokens in the product database: a session rotated through one instance goes on through any other. */
export class MysqlRefreshTokenStore extends RefreshTokenStore {
  private readonly table: MysqlStateTable;

  constructor(options: MysqlStateStoreOptions) {
    super();
    this.table = new MysqlStateTable({ ...options, schema: SCHEMA, unavailable: credentialsUnavailable });
  }

  async save(tokenHash: string, record: RefreshTokenRecord): Promise<void> {
    assertRefreshTokenHash(tokenHash, record);
    await this.table.run('store a refresh token hash', (pool) =>
      pool.execute(
        `INSERT INTO refresh_tokens (token_hash, ${REFRESH_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          tokenHash,
          record.familyId,
          record.userId,
          record.username,
          record.environment,
          record.sessionVersion,
          record.expiresAt,
          record.familyExpiresAt,
          record.spentAt ?? null,
        ],
      ),
    );
  }

  async get(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const [rows] = await this.table.run('read a refresh token', (pool) =>
      pool.execute<RowDataPacket[]>(
        `SELECT ${REFRESH_TOKEN_COLUMNS} FROM refresh_tokens WHERE token_hash = ?`,
        [tokenHash],
      ),
    );
    const row = rows[0] as RefreshTokenRow | undefined;
    return row === undefined ? undefined : recordOf(row);
  }

  async spend(tokenHash: string, at: string): Promise<boolean> {
    // One UPDATE guarded by `spent_at IS NULL`: of two concurrent rotations, the row lock lets one change it.
    const [{ affectedRows }] = await this.table.run('spend a refresh token', (pool) =>
      pool.execute<ResultSetHeader>(
        'UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL',
        [at, tokenHash],
      ),
    );
    return affectedRows === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.table.run('revoke a refresh token family', (pool) =>
      pool.execute('DELETE FROM refresh_tokens WHERE family_id = ?', [familyId]),
    );
  }

  async revokeUser(userId: string): Promise<void> {
    await this.table.run("revoke a user's refresh tokens", (pool) =>
      pool.execute('DELETE FROM refresh_tokens WHERE user_id = ?', [userId]),
    );
  }

  async purgeExpired(now: string): Promise<void> {
    await this.table.run('purge expired refresh tokens', (pool) =>
      pool.execute('DELETE FROM refresh_tokens WHERE family_expires_at <= ?', [now]),
    );
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
