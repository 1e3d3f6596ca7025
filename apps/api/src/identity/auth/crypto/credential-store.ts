import { type StatementSync } from 'node:sqlite';
import { settle } from '../../../infrastructure/settle';
import { CredentialTable } from './credential-table';
import { CredentialStore, assertPasswordHash } from './credential-store.port';

export { CredentialStoreUnavailableError } from './credential-table';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS user_credentials (
    user_id TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
`;

/** The embedded adapter: a table of the credential file (which may be the secret store's). */
export class SqliteCredentialStore extends CredentialStore {
  private readonly table: CredentialTable<{ upsert: StatementSync; select: StatementSync }>;
  private readonly clock: () => Date;

  constructor({ file, clock = () => new Date() }: { file: string; clock?: () => Date }) {
    super();
    this.clock = clock;
    this.table = new CredentialTable(file, SCHEMA, (db) => ({
      upsert: db.prepare(
        `INSERT INTO user_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      ),
      select: db.prepare('SELECT password_hash FROM user_credentials WHERE user_id = ?'),
    }));
  }

  set(userId: string, encodedHash: string): Promise<void> {
    return settle(() => {
      assertPasswordHash(userId, encodedHash);
      this.table.run('store a password hash', ({ upsert }) =>
        upsert.run(userId, encodedHash, this.clock().toISOString()),
      );
    });
  }

  get(userId: string): Promise<string | undefined> {
    return settle(() => {
      const row = this.table.run(
        'read a password hash',
        ({ select }) => select.get(userId) as { password_hash: string } | undefined,
      );
      return row?.password_hash;
    });
  }

  close(): Promise<void> {
    return settle(() => this.table.close());
  }
}
