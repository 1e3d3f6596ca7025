import { type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../mysql/mysql-state-table';
import { SecretNotFoundError, SecretStoreUnavailableError } from './secret-errors';
import { SecretSealer } from './secret-sealing';
import { SecretStore, newSecretRef } from './secret-store.port';

export type MysqlSecretStoreOptions = MysqlStateStoreOptions &
  Readonly<{
    /** 32 random bytes (see loadMasterKey), the same on every instance. */
    masterKey: Buffer;
    clock?: () => Date;
  }>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS secret_store_meta (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value VARBINARY(255) NOT NULL
  ) ${STATE_TABLE_OPTIONS};
  CREATE TABLE IF NOT EXISTS secrets (
    ref VARCHAR(64) NOT NULL PRIMARY KEY,
    wrapped_key VARBINARY(255) NULL,
    ciphertext BLOB NULL,
    created_at VARCHAR(32) NOT NULL,
    shredded_at VARCHAR(32) NULL,
    CONSTRAINT secrets_shredded_without_keys
      CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL AND ciphertext IS NOT NULL))
  ) ${STATE_TABLE_OPTIONS};
`;

type SecretRow = {
  wrapped_key: Buffer | null;
  ciphertext: Buffer | null;
  shredded_at: string | null;
};

/**
 * Secrets in the product database, sealed as the embedded store seals them (SecretSealer), so any
 * instance with the same master key reads what another stored. The first use creates the tables and
 * checks the master key against the one the tables were created with (SecretKeyMismatchError).
 *
 * A shred drops the row's blobs at once; old row versions linger in InnoDB's undo log until purged
 * (and in the binary log, if one is kept), but a wrapped data key there opens nothing without the
 * master key.
 */
export class MysqlSecretStore extends SecretStore {
  private readonly table: MysqlStateTable;
  private readonly sealer: SecretSealer;
  private readonly clock: () => Date;

  constructor({ masterKey, clock = () => new Date(), ...options }: MysqlSecretStoreOptions) {
    super();
    this.sealer = new SecretSealer(masterKey);
    this.clock = clock;
    this.table = new MysqlStateTable({
      ...options,
      schema: SCHEMA,
      init: (pool) => this.verifyMasterKey(pool),
      unavailable: (detail, options) => new SecretStoreUnavailableError(detail, options),
    });
  }

  async put(plaintext: string): Promise<string> {
    if (typeof plaintext !== 'string') throw new TypeError('A secret must be a string');
    const ref = newSecretRef(this.clock());
    const { wrappedKey, ciphertext } = this.sealer.seal(ref, plaintext);
    await this.table.run('store a secret', (pool) =>
      pool.execute('INSERT INTO secrets (ref, wrapped_key, ciphertext, created_at) VALUES (?, ?, ?, ?)', [
        ref,
        wrappedKey,
        ciphertext,
        this.clock().toISOString(),
      ]),
    );
    return ref;
  }

  async get(ref: string): Promise<string> {
    const [rows] = await this.table.run('read a secret', (pool) =>
      pool.execute<RowDataPacket[]>(
        'SELECT wrapped_key, ciphertext, shredded_at FROM secrets WHERE ref = ?',
        [ref],
      ),
    );
    const row = rows[0] as SecretRow | undefined;
    if (!row) throw new SecretNotFoundError(ref);
    return this.sealer.open(ref, {
      wrappedKey: row.wrapped_key,
      ciphertext: row.ciphertext,
      shredded: row.shredded_at !== null,
    });
  }

  async shred(ref: string): Promise<void> {
    const found = await this.table.run('shred a secret', async (pool) => {
      // The pool reports matched rows (FOUND_ROWS): a secret shredded before still counts as found.
      const [{ affectedRows }] = await pool.execute<ResultSetHeader>(
        'UPDATE secrets SET wrapped_key = NULL, ciphertext = NULL, shredded_at = COALESCE(shredded_at, ?) WHERE ref = ?',
        [this.clock().toISOString(), ref],
      );
      return affectedRows > 0;
    });
    if (!found) throw new SecretNotFoundError(ref);
  }

  close(): Promise<void> {
    return this.table.close();
  }

  private async verifyMasterKey(pool: Pool): Promise<void> {
    // IGNORE: when two instances create the tables at once, the first check written wins and the
    // other verifies its key against it.
    await pool.execute("INSERT IGNORE INTO secret_store_meta (name, value) VALUES ('key_check', ?)", [
      this.sealer.keyCheck(),
    ]);
    const [rows] = await pool.execute<RowDataPacket[]>(
      "SELECT value FROM secret_store_meta WHERE name = 'key_check'",
    );
    this.sealer.verifyKeyCheck((rows[0] as { value: Buffer }).value);
  }
}
