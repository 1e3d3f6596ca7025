import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { uuidv7 } from '../ids';
import {
  InvalidMasterKeyError,
  SecretKeyMismatchError,
  SecretNotFoundError,
  SecretShreddedError,
  SecretStoreUnavailableError,
  SecretTamperedError,
} from './secret-errors';
import { openCredentialsDatabase } from './sqlite-file';

export const MASTER_KEY_BYTES = 32;
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every sealed blob, so the layout can change later without guessing. */
const SEALED_V1 = 1;
const KEY_CHECK_PLAINTEXT = Buffer.from('integration-builder secret store key check', 'utf8');
const KEY_CHECK_AAD = 'secret-store:key-check';

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

/**
 * Envelope encryption at rest: each secret gets its own random data key (AES-256-GCM), and only that
 * key, sealed by the master key, is stored beside the ciphertext. Shredding deletes both, so the
 * secret is gone forever while events that carry its reference stay untouched.
 *
 * Every seal uses a fresh random 96-bit IV and binds the reference as additional authenticated data,
 * so a ciphertext or wrapped key copied onto another reference fails authentication.
 */
export class SecretStore {
  private readonly db: DatabaseSync;
  private readonly masterKey: KeyObject;
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
    if (!Buffer.isBuffer(masterKey) || masterKey.length !== MASTER_KEY_BYTES) {
      throw new InvalidMasterKeyError(`The secret store master key must be ${MASTER_KEY_BYTES} bytes`);
    }
    this.masterKey = createSecretKey(Buffer.from(masterKey));
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

  /** Encrypts and stores the plaintext; returns its reference (`secret-<uuidv7>`), the only thing events may carry. */
  put(plaintext: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('A secret must be a string');
    const ref = `secret-${uuidv7(this.clock().getTime())}`;
    const dataKey = randomBytes(DATA_KEY_BYTES);
    try {
      const ciphertext = seal(dataKey, Buffer.from(plaintext, 'utf8'), valueAad(ref));
      const wrappedKey = seal(this.masterKey, dataKey, keyAad(ref));
      this.guard('store a secret', () =>
        this.statements.insert.run(ref, wrappedKey, ciphertext, this.clock().toISOString()),
      );
      return ref;
    } finally {
      dataKey.fill(0);
    }
  }

  /** Throws SecretNotFoundError, SecretShreddedError, SecretTamperedError or SecretStoreUnavailableError. */
  get(ref: string): string {
    const row = this.guard('read a secret', () => this.statements.select.get(ref) as SecretRow | undefined);
    if (!row) throw new SecretNotFoundError(ref);
    if (row.shredded_at !== null || !row.wrapped_key || !row.ciphertext) throw new SecretShreddedError(ref);
    // The master key was verified at open, so a wrapped key that fails authentication was altered.
    const dataKey = unseal(this.masterKey, row.wrapped_key, keyAad(ref));
    if (!dataKey) throw new SecretTamperedError(ref);
    try {
      const plaintext = unseal(dataKey, row.ciphertext, valueAad(ref));
      if (!plaintext) throw new SecretTamperedError(ref);
      return plaintext.toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * Destroys the secret's data key and ciphertext: every later get() throws SecretShreddedError.
   * Shredding twice is a no-op; an unknown reference throws SecretNotFoundError.
   */
  shred(ref: string): void {
    this.guard('shred a secret', () => {
      const { changes } = this.statements.shred.run(this.clock().toISOString(), ref);
      if (Number(changes) === 0) {
        if (!this.statements.exists.get(ref)) throw new SecretNotFoundError(ref);
        return;
      }
      // secure_delete zeroed the freed cells in the database pages; the WAL still holds the old page
      // images until a checkpoint, so copy back and truncate it now. Best effort when readers are active.
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private verifyMasterKey(): void {
    const select = this.db.prepare("SELECT value FROM secret_store_meta WHERE name = 'key_check'");
    // INSERT OR IGNORE: when two processes create the file at once, the first check written wins
    // and the other process verifies its key against it.
    this.db
      .prepare("INSERT OR IGNORE INTO secret_store_meta (name, value) VALUES ('key_check', ?)")
      .run(seal(this.masterKey, KEY_CHECK_PLAINTEXT, KEY_CHECK_AAD));
    const row = select.get() as { value: Uint8Array };
    const check = unseal(this.masterKey, row.value, KEY_CHECK_AAD);
    if (!check || !check.equals(KEY_CHECK_PLAINTEXT)) throw new SecretKeyMismatchError();
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

const keyAad = (ref: string) => `key:${ref}`;
const valueAad = (ref: string) => `value:${ref}`;

/** AES-256-GCM with a fresh random IV; layout: version (1) | iv (12) | tag (16) | ciphertext. */
function seal(key: KeyObject | Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(SEALED_V1), iv, cipher.getAuthTag(), ciphertext]);
}

/** The plaintext, or undefined when the blob is malformed or fails authentication (wrong key, altered bytes). */
function unseal(key: KeyObject | Buffer, sealed: Uint8Array, aad: string): Buffer | undefined {
  const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== SEALED_V1) return undefined;
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
