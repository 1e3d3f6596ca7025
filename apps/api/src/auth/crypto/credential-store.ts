import { type DatabaseSync, type StatementSync } from 'node:sqlite';
import { openCredentialsDatabase } from '../../infrastructure/secrets/sqlite-file';

/** The credential file cannot be opened, read or written (answer 503; nothing was half-written). */
export class CredentialStoreUnavailableError extends Error {
  readonly code = 'CREDENTIALS.STORE_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Credential store unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}

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
  private readonly db: DatabaseSync;
  private readonly clock: () => Date;
  private readonly upsert: StatementSync;
  private readonly select: StatementSync;
  private closed = false;

  constructor({ file, clock = () => new Date() }: { file: string; clock?: () => Date }) {
    this.clock = clock;
    let db: DatabaseSync | undefined;
    try {
      db = openCredentialsDatabase(file);
      db.exec(SCHEMA);
      this.upsert = db.prepare(
        `INSERT INTO user_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      );
      this.select = db.prepare('SELECT password_hash FROM user_credentials WHERE user_id = ?');
      this.db = db;
    } catch (error) {
      db?.close();
      throw new CredentialStoreUnavailableError(`cannot open ${file}`, { cause: error });
    }
  }

  /** Stores (or replaces) the user's encoded hash; refuses anything that is not one, so a plain password never lands here. */
  set(userId: string, encodedHash: string): void {
    if (!userId) throw new TypeError('userId is required');
    if (typeof encodedHash !== 'string' || !/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/.test(encodedHash)) {
      throw new TypeError('CredentialStore.set expects an encoded password hash (see PasswordHasher.hash)');
    }
    this.guard('store a password hash', () =>
      this.upsert.run(userId, encodedHash, this.clock().toISOString()),
    );
  }

  get(userId: string): string | undefined {
    const row = this.guard(
      'read a password hash',
      () => this.select.get(userId) as { password_hash: string } | undefined,
    );
    return row?.password_hash;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private guard<T>(what: string, action: () => T): T {
    if (this.closed) throw new CredentialStoreUnavailableError(`cannot ${what}: the store is closed`);
    try {
      return action();
    } catch (error) {
      throw new CredentialStoreUnavailableError(`cannot ${what}`, { cause: error });
    }
  }
}
