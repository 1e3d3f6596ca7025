/**
 * Password hashes, keyed by user id. They never enter events (UserPasswordChanged carries no hash),
 * so they live in a store of their own: a SQLite file in the data folder, or the product database
 * when several instances share one. The abstract class is the injection token.
 */
export abstract class CredentialStore {
  /** Stores (or replaces) the user's encoded hash; refuses anything that is not one. */
  abstract set(userId: string, encodedHash: string): Promise<void>;
  abstract get(userId: string): Promise<string | undefined>;
  abstract close(): Promise<void>;
}

const ENCODED_HASH = /^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/;

/** Refuses anything but an encoded hash (see PasswordHasher.hash), so a plain password never lands in a store. */
export function assertPasswordHash(userId: string, encodedHash: string): void {
  if (!userId) throw new TypeError('userId is required');
  if (typeof encodedHash !== 'string' || !ENCODED_HASH.test(encodedHash))
    throw new TypeError('CredentialStore.set expects an encoded password hash (see PasswordHasher.hash)');
}

/** The credential store cannot be opened, reached, read or written (answer 503; nothing was half-written). */
export class CredentialStoreUnavailableError extends Error {
  readonly code = 'CREDENTIALS.STORE_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Credential store unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}
