import { IllegalStateError, NotFoundError } from '@ib/domain';

/** No secret was ever stored under this reference. */
export class SecretNotFoundError extends NotFoundError {
  constructor(ref: string) {
    super('SECRET.NOT_FOUND', `No secret is stored under ${ref}`);
  }
}

/** The secret existed but its data key was destroyed (crypto-shredding): it can never be read again. */
export class SecretShreddedError extends IllegalStateError {
  constructor(ref: string) {
    super('SECRET.SHREDDED', `The secret ${ref} was destroyed and can no longer be read`);
  }
}

/**
 * The master key is not the one the store was created with. Raised instead of returning garbage:
 * GCM authentication of the store's key check (or of a wrapped data key) failed.
 */
export class SecretKeyMismatchError extends Error {
  readonly code = 'SECRET.KEY_MISMATCH';
  constructor(detail = 'The master key does not match the one the secret store was created with') {
    super(`${detail}; check SECRETS_KEY (or the secrets.key file in the data folder)`);
    this.name = new.target.name;
  }
}

/** A stored secret failed authentication under a master key that is otherwise right: the rows were altered. */
export class SecretTamperedError extends Error {
  readonly code = 'SECRET.TAMPERED';
  constructor(ref: string) {
    super(`The stored secret ${ref} failed its integrity check`);
    this.name = new.target.name;
  }
}

/** The SQLite file cannot be opened, read or written (answer 503; nothing was half-written). */
export class SecretStoreUnavailableError extends Error {
  readonly code = 'SECRET.STORE_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Secret store unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}

/** The master key is missing or malformed. The message never contains the key material. */
export class InvalidMasterKeyError extends Error {
  readonly code = 'SECRET.INVALID_MASTER_KEY';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
