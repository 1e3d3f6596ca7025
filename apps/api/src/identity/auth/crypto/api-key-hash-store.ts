import { type StatementSync } from 'node:sqlite';
import { settle } from '../../../infrastructure/settle';
import { ApiKeyHashStore, apiKeyAlreadyHashed, assertApiKeyHash } from './api-key-hash-store.port';
import { CredentialTable } from './credential-table';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS api_key_hashes (
    key_id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
`;

/** The embedded adapter: its own table of the credential file. */
export class SqliteApiKeyHashStore extends ApiKeyHashStore {
  private readonly table: CredentialTable<{
    insert: StatementSync;
    select: StatementSync;
    remove: StatementSync;
  }>;
  private readonly clock: () => Date;

  constructor({ file, clock = () => new Date() }: { file: string; clock?: () => Date }) {
    super();
    this.clock = clock;
    this.table = new CredentialTable(file, SCHEMA, (db) => ({
      insert: db.prepare(
        `INSERT INTO api_key_hashes (key_id, key_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT (key_id) DO NOTHING`,
      ),
      select: db.prepare('SELECT key_hash FROM api_key_hashes WHERE key_id = ?'),
      remove: db.prepare('DELETE FROM api_key_hashes WHERE key_id = ?'),
    }));
  }

  set(keyId: string, keyHash: string): Promise<void> {
    return settle(() => {
      assertApiKeyHash(keyId, keyHash);
      const { changes } = this.table.run('store an API key hash', ({ insert }) =>
        insert.run(keyId, keyHash, this.clock().toISOString()),
      );
      if (changes === 0) throw apiKeyAlreadyHashed(keyId);
    });
  }

  get(keyId: string): Promise<string | undefined> {
    return settle(() => {
      const row = this.table.run(
        'read an API key hash',
        ({ select }) => select.get(keyId) as { key_hash: string } | undefined,
      );
      return row?.key_hash;
    });
  }

  delete(keyId: string): Promise<void> {
    return settle(() => {
      this.table.run('delete an API key hash', ({ remove }) => remove.run(keyId));
    });
  }

  close(): Promise<void> {
    return settle(() => this.table.close());
  }
}
