import { type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../../../infrastructure/mysql/mysql-state-table';
import {
  CredentialStore,
  CredentialStoreUnavailableError,
  assertPasswordHash,
} from './credential-store.port';

const SCHEMA = `CREATE TABLE IF NOT EXISTS user_credentials (
    user_id VARCHAR(191) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    updated_at VARCHAR(32) NOT NULL
  ) ${STATE_TABLE_OPTIONS}`;

/** Password hashes in the product database, so every instance checks a login against the same hash. */
export class MysqlCredentialStore extends CredentialStore {
  private readonly table: MysqlStateTable;
  private readonly clock: () => Date;

  constructor({ clock = () => new Date(), ...options }: MysqlStateStoreOptions & { clock?: () => Date }) {
    super();
    this.clock = clock;
    this.table = new MysqlStateTable({ ...options, schema: SCHEMA, unavailable: credentialsUnavailable });
  }

  async set(userId: string, encodedHash: string): Promise<void> {
    assertPasswordHash(userId, encodedHash);
    await this.table.run('store a password hash', (pool) =>
      pool.execute<ResultSetHeader>(
        // VALUES() rather than a row alias: MariaDB has no `AS new`.
        `INSERT INTO user_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)
         ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), updated_at = VALUES(updated_at)`,
        [userId, encodedHash, this.clock().toISOString()],
      ),
    );
  }

  async get(userId: string): Promise<string | undefined> {
    const [rows] = await this.table.run('read a password hash', (pool) =>
      pool.execute<RowDataPacket[]>('SELECT password_hash FROM user_credentials WHERE user_id = ?', [userId]),
    );
    return (rows[0] as { password_hash: string } | undefined)?.password_hash;
  }

  close(): Promise<void> {
    return this.table.close();
  }
}

export const credentialsUnavailable = (detail: string, options: { cause?: unknown }) =>
  new CredentialStoreUnavailableError(detail, options);
