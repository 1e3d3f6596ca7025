import { type StatementSync } from 'node:sqlite';
import { settle } from '../../../infrastructure/settle';
import { CredentialTable } from './credential-table';
import {
  REFRESH_TOKEN_COLUMNS,
  RefreshTokenStore,
  type RefreshTokenRecord,
  type RefreshTokenRow,
  assertRefreshTokenHash,
  recordOf,
} from './refresh-token-store.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    environment TEXT NOT NULL,
    session_version INTEGER NOT NULL,
    expires_at TEXT NOT NULL,
    family_expires_at TEXT NOT NULL,
    spent_at TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family_id);
  CREATE INDEX IF NOT EXISTS refresh_tokens_user ON refresh_tokens (user_id);
`;

type Statements = {
  insert: StatementSync;
  select: StatementSync;
  spend: StatementSync;
  revokeFamily: StatementSync;
  revokeUser: StatementSync;
  purge: StatementSync;
};

/** The embedded adapter: its own table of the credential file. */
export class SqliteRefreshTokenStore extends RefreshTokenStore {
  private readonly table: CredentialTable<Statements>;

  constructor({ file }: { file: string }) {
    super();
    this.table = new CredentialTable(file, SCHEMA, (db) => ({
      insert: db.prepare(
        `INSERT INTO refresh_tokens (token_hash, ${REFRESH_TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      select: db.prepare(`SELECT ${REFRESH_TOKEN_COLUMNS} FROM refresh_tokens WHERE token_hash = ?`),
      spend: db.prepare('UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL'),
      revokeFamily: db.prepare('DELETE FROM refresh_tokens WHERE family_id = ?'),
      revokeUser: db.prepare('DELETE FROM refresh_tokens WHERE user_id = ?'),
      purge: db.prepare('DELETE FROM refresh_tokens WHERE family_expires_at <= ?'),
    }));
  }

  save(tokenHash: string, record: RefreshTokenRecord): Promise<void> {
    return settle(() => {
      assertRefreshTokenHash(tokenHash, record);
      this.table.run('store a refresh token hash', ({ insert }) =>
        insert.run(
          tokenHash,
          record.familyId,
          record.userId,
          record.username,
          record.environment,
          record.sessionVersion,
          record.expiresAt,
          record.familyExpiresAt,
          record.spentAt ?? null,
        ),
      );
    });
  }

  get(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    return settle(() => {
      const row = this.table.run(
        'read a refresh token',
        ({ select }) => select.get(tokenHash) as RefreshTokenRow | undefined,
      );
      return row === undefined ? undefined : recordOf(row);
    });
  }

  spend(tokenHash: string, at: string): Promise<boolean> {
    return settle(() => {
      const { changes } = this.table.run('spend a refresh token', ({ spend }) => spend.run(at, tokenHash));
      return Number(changes) === 1;
    });
  }

  revokeFamily(familyId: string): Promise<void> {
    return settle(() => {
      this.table.run('revoke a refresh token family', ({ revokeFamily }) => revokeFamily.run(familyId));
    });
  }

  revokeUser(userId: string): Promise<void> {
    return settle(() => {
      this.table.run("revoke a user's refresh tokens", ({ revokeUser }) => revokeUser.run(userId));
    });
  }

  purgeExpired(now: string): Promise<void> {
    return settle(() => {
      this.table.run('purge expired refresh tokens', ({ purge }) => purge.run(now));
    });
  }

  close(): Promise<void> {
    return settle(() => this.table.close());
  }
}
