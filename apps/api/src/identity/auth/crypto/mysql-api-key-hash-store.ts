import { type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../../../infrastructure/mysql/mysql-state-table';
import { ApiKeyHashStore, apiKeyAlreadyHashed, assertApiKeyHash } from './api-key-hash-store.port';
import { credentialsUnavailable } from './mysql-credential-store';

const SCHEMA = `CREATE TABLE IF NOT EXISTS api_key_hashes (
    key_id VARCHAR(191) NOT NULL PRIMARY KEY,
    key_hash CHAR(64) NOT NULL,
    created_at VARCHAR(32) NOT NULL
  ) ${STATE_TABLE_OPTIONS}`;

/** API key hashes in the product database: a key created through one instance verifies on every other. */
export class MysqlApiKeyHashStore extends ApiKeyHashStore {
  private readonly table: MysqlStateTable;
  private readonly clock: () => Date;

  constructor({ clock = () => new Date(), ...options }: MysqlStateStoreOptions & { clock?: () => Date }) {
    super();
    this.clock = clock;
    this.table = new MysqlStateTable({ ...options, schema: SCHEMA, unavailable: credentialsUnavailable });
  }

  async set(keyId: string, keyHash: string): Promise<void> {
    assertApiKeyHash(keyId, keyHash);
    // IGNORE only meets the duplicate key here: both values were checked above.
    const [{ affectedRows }] = await this.table.run('store an API key hash', (pool) =>
      pool.execute<ResultSetHeader>(
        'INSERT IGNORE INTO api_key_hashes (key_id, key_hash, created_at) VALUES (?, ?, ?)',
        [keyId, keyHash, this.clock().toISOString()],
      ),
    );
    if (affectedRows === 0) throw apiKeyAlreadyHashed(keyId);
  }

  async get(keyId: string): Promise<string | undefined> {
    const [rows] = await this.table.run('read an API key hash', (pool) =>
      pool.execute<RowDataPacket[]>('SELECT key_hash FROM api_key_hashes WHERE key_id = ?', [keyId]),
    );
    return (rows[0] as { key_hash: string } | undefined)?.key_hash;
  }

  async delete(keyId: string): Promise<void> {
    await this.table.run('delete an API key hash', (pool) =>
      pool.execute('DELETE FROM api_key_hashes WHERE key_id = ?', [keyId]),
    );
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
