import { uuidv7 } from '../ids';

/**
 * Connection passwords, encrypted at rest (see SecretSealer): events carry only a secret's reference.
 * A SQLite file in the data folder, or the product database when several instances share one. The
 * abstract class is the injection token.
 */
export abstract class SecretStore {
  /** Encrypts and stores the plaintext; returns its reference (`secret-<uuidv7>`), the only thing events may carry. */
  abstract put(plaintext: string): Promise<string>;
  /** Throws SecretNotFoundError, SecretShreddedError, SecretTamperedError or SecretStoreUnavailableError. */
  abstract get(ref: string): Promise<string>;
  /**
   * Destroys the secret's data key and ciphertext: every later get() throws SecretShreddedError.
   * Shredding twice is a no-op; an unknown reference throws SecretNotFoundError.
   */
  abstract shred(ref: string): Promise<void>;
  abstract close(): Promise<void>;
}

/** A new reference: time-ordered, so references sort by creation. */
export const newSecretRef = (now: Date): string => `secret-${uuidv7(now.getTime())}`;
