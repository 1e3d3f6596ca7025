import { type StatementSync } from 'node:sqlite';
import { CredentialTable } from './credential-table';

export { CredentialStoreUnavailableError } from './credential-table';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS user_credentials (
    user_id TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
`;

/**
 * Password hashes, keyed by user id. They never enter events (UserPasswordChanged carries no hash),
 * so they live here; the file may be the secret store's (separate table).
 */
export class CredentialStore {
  private readonly table: CredentialTable<{ upsert: StatementSync; select: StatementSync }>;
  private readonly clock: () => Date;

  constructor({ file, clock = () => new Date() }: { file: string; clock?: () => Date }) {
    this.clock = clock;
    this.table = new CredentialTable(file, SCHEMA, (db) => ({
      upsert: db.prepare(
        `INSERT INTO user_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      ),
      select: db.prepare('SELECT password_hash FROM user_credentials WHERE user_id = ?'),
    }));
  }

  /** Stores (or replaces) the user's encoded hash; refuses anything that is not one, so a plain password never lands here. */
  set(userId: string, encodedHash: string): void {
    if (!userId) throw new TypeError('userId is required');
    if (typeof encodedHash !== 'string' || !/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/.test(encodedHash)) {
      throw new TypeError('CredentialStore.set expects an encoded password hash (see PasswordHasher.hash)');
    }
    this.table.run('store a password hash', ({ upsert }) =>
      upsert.run(userId, encodedHash, this.clock().toISOString()),
    );
  }

  get(userId: string): string | undefined {
    const row = this.table.run(
      'read a password hash',
      ({ select }) => select.get(userId) as { password_hash: string } | undefined,
    );
    return row?.password_hash;
  }

  close(): void {
    this.table.close();
  }
}
