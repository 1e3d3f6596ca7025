import { type StatementSync } from 'node:sqlite';
import { CredentialTable } from './credential-table';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS api_key_hashes (
    key_id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
`;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The sha256 of each API key, keyed by key id. Like password hashes they never enter events, so
 * they live in the credential file (own table). A key is 256 random bits, so a plain sha256 is
 * enough: there is nothing to guess that a slow hash would protect. Failures surface as
 * CredentialStoreUnavailableError (answer 503).
 */
export class ApiKeyHashStore {
  private readonly table: CredentialTable<{
    insert: StatementSync;
    select: StatementSync;
    remove: StatementSync;
  }>;
  private readonly clock: () => Date;

  constructor({ file, clock = () => new Date() }: { file: string; clock?: () => Date }) {
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

  /**
   * Stores the hash of a new key. Refuses anything but a sha256 in hex, so a plain key never lands
   * here, and never replaces a stored hash, so a key id cannot be given a second key.
   */
  set(keyId: string, keyHash: string): void {
    if (!keyId) throw new TypeError('keyId is required');
    if (typeof keyHash !== 'string' || !SHA256_HEX.test(keyHash))
      throw new TypeError('ApiKeyHashStore.set expects a sha256 in lower-case hex');
    const { changes } = this.table.run('store an API key hash', ({ insert }) =>
      insert.run(keyId, keyHash, this.clock().toISOString()),
    );
    if (changes === 0) throw new TypeError(`API key ${keyId} already has a hash`);
  }

  get(keyId: string): string | undefined {
    const row = this.table.run(
      'read an API key hash',
      ({ select }) => select.get(keyId) as { key_hash: string } | undefined,
    );
    return row?.key_hash;
  }

  /** Forgets a key's hash; forgetting an unknown key changes nothing. */
  delete(keyId: string): void {
    this.table.run('delete an API key hash', ({ remove }) => remove.run(keyId));
  }

  close(): void {
    this.table.close();
  }
}
