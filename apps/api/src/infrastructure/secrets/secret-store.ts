import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { settle } from '../settle';
import { SecretKeyMismatchError, SecretNotFoundError, SecretStoreUnavailableError } from './secret-errors';
import { SecretSealer } from './secret-sealing';
import { SecretStore, newSecretRef } from './secret-store.port';
import { openCredentialsDatabase } from './sqlite-file';

export { MASTER_KEY_BYTES } from './secret-sealing';

export type SecretStoreOptions = Readonly<{
  /** SQLite file; may be shared with other stores (separate tables). */
  file: string;
  /** 32 random bytes (see loadMasterKey). Wraps every secret's own data key. */
  masterKey: Buffer;
  clock?: () => Date;
}>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS secret_store_meta (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS secrets (
    ref TEXT PRIMARY KEY,
    -- this secret's data key, sealed by the master key; NULL once shredded
    wrapped_key BLOB,
    -- the secret, sealed by its data key; NULL once shredded
    ciphertext BLOB,
    created_at TEXT NOT NULL,
    -- the row outlives the shred so that get() can tell "destroyed" from "never existed"
    shredded_at TEXT,
    CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL AND ciphertext IS NOT NULL))
  ) STRICT;
`;

type SecretRow = {
  wrapped_key: Uint8Array | null;
  ciphertext: Uint8Array | null;
  shredded_at: string | null;
};

/** The embedded adapter: tables of a SQLite file in the data folder (secure_delete on, see openCredentialsDatabase). */
export class SqliteSecretStore extends SecretStore {
  private readonly db: DatabaseSync;
  private readonly sealer: SecretSealer;
  private readonly clock: () => Date;
  private readonly statements: {
    insert: StatementSync;
    select: StatementSync;
    shred: StatementSync;
    exists: StatementSync;
  };
  private closed = false;

  /**
   * Throws SecretKeyMismatchError when the file was created under another master key, and
   * SecretStoreUnavailableError when the file cannot be opened or written.
   */
  constructor({ file, masterKey, clock = () => new Date() }: SecretStoreOptions) {
    super();
    this.sealer = new SecretSealer(masterKey);
    this.clock = clock;
    let db: DatabaseSync | undefined;
    try {
      db = openCredentialsDatabase(file);
      db.exec(SCHEMA);
      this.db = db;
      this.statements = {
        insert: db.prepare(
          'INSERT INTO secrets (ref, wrapped_key, ciphertext, created_at) VALUES (?, ?, ?, ?)',
        ),
        select: db.prepare('SELECT wrapped_key, ciphertext, shredded_at FROM secrets WHERE ref = ?'),
        shred: db.prepare(
          'UPDATE secrets SET wrapped_key = NULL, ciphertext = NULL, shredded_at = ? WHERE ref = ? AND shredded_at IS NULL',
        ),
        exists: db.prepare('SELECT 1 AS found FROM secrets WHERE ref = ?'),
      };
      this.verifyMasterKey();
    } catch (error) {
      db?.close();
      if (error instanceof SecretKeyMismatchError) throw error;
      throw new SecretStoreUnavailableError(`cannot open ${file}`, { cause: error });
    }
  }

  put(plaintext: string): Promise<string> {
    return settle(() => {
      if (typeof plaintext !== 'string') throw new TypeError('A secret must be a string');
      const ref = newSecretRef(this.clock());
      const { wrappedKey, ciphertext } = this.sealer.seal(ref, plaintext);
      this.guard('store a secret', () =>
        this.statements.insert.run(ref, wrappedKey, ciphertext, this.clock().toISOString()),
      );
      return ref;
    });
  }

  get(ref: string): Promise<string> {
    return settle(() => {
      const row = this.guard('read a secret', () => this.statements.select.get(ref) as SecretRow | undefined);
      if (!row) throw new SecretNotFoundError(ref);
      return this.sealer.open(ref, {
        wrappedKey: row.wrapped_key,
        ciphertext: row.ciphertext,
        shredded: row.shredded_at !== null,
      });
    });
  }

  shred(ref: string): Promise<void> {
    return settle(() =>
      this.guard('shred a secret', () => {
        const { changes } = this.statements.shred.run(this.clock().toISOString(), ref);
        if (Number(changes) === 0) {
          if (!this.statements.exists.get(ref)) throw new SecretNotFoundError(ref);
          return;
        }
        // secure_delete zeroed the freed cells in the database pages; the WAL still holds the old page
        // images until a checkpoint, so copy back and truncate it now. Best effort when readers are active.
        this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      }),
    );
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  private verifyMasterKey(): void {
    const select = this.db.prepare("SELECT value FROM secret_store_meta WHERE name = 'key_check'");
    // INSERT OR IGNORE: when two processes create the file at once, the first check written wins
    // and the other process verifies its key against it.
    this.db
      .prepare("INSERT OR IGNORE INTO secret_store_meta (name, value) VALUES ('key_check', ?)")
      .run(this.sealer.keyCheck());
    const row = select.get() as { value: Uint8Array };
    this.sealer.verifyKeyCheck(row.value);
  }

  private guard<T>(what: string, action: () => T): T {
    if (this.closed) throw new SecretStoreUnavailableError(`cannot ${what}: the store is closed`);
    try {
      return action();
    } catch (error) {
      if (error instanceof SecretNotFoundError) throw error;
      throw new SecretStoreUnavailableError(`cannot ${what}`, { cause: error });
    }
  }
}
