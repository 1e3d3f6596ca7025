import { type KeyObject, createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import {
  InvalidMasterKeyError,
  SecretKeyMismatchError,
  SecretShreddedError,
  SecretTamperedError,
} from './secret-errors';

export const MASTER_KEY_BYTES = 32;
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every sealed blob, so the layout can change later without guessing. */
const SEALED_V1 = 1;
const KEY_CHECK_PLAINTEXT = Buffer.from('integration-builder secret store key check', 'utf8');
const KEY_CHECK_AAD = 'secret-store:key-check';

/** One stored secret as every adapter keeps it: both blobs are gone (null) once it is shredded. */
export type SealedSecret = Readonly<{
  wrappedKey: Uint8Array | null;
  ciphertext: Uint8Array | null;
  shredded: boolean;
}>;

/**
 * Envelope encryption, whatever holds the rows: each secret gets its own random data key
 * (AES-256-GCM), and only that key, sealed by the master key, is stored beside the ciphertext.
 * Shredding deletes both, so the secret is gone forever while events that carry its reference stay.
 *
 * Every seal uses a fresh random 96-bit IV and binds the reference as additional authenticated data,
 * so a ciphertext or wrapped key copied onto another reference fails authentication.
 */
export class SecretSealer {
  private readonly masterKey: KeyObject;

  constructor(masterKey: Buffer) {
    if (!Buffer.isBuffer(masterKey) || masterKey.length !== MASTER_KEY_BYTES) {
      throw new InvalidMasterKeyError(`The secret store master key must be ${MASTER_KEY_BYTES} bytes`);
    }
    this.masterKey = createSecretKey(Buffer.from(masterKey));
  }

  /** The blobs to store for `plaintext` under `ref`. */
  seal(ref: string, plaintext: string): { wrappedKey: Buffer; ciphertext: Buffer } {
    const dataKey = randomBytes(DATA_KEY_BYTES);
    try {
      return {
        ciphertext: seal(dataKey, Buffer.from(plaintext, 'utf8'), valueAad(ref)),
        wrappedKey: seal(this.masterKey, dataKey, keyAad(ref)),
      };
    } finally {
      dataKey.fill(0);
    }
  }

  /** The plaintext of a stored secret; throws SecretShreddedError or SecretTamperedError. */
  open(ref: string, { wrappedKey, ciphertext, shredded }: SealedSecret): string {
    if (shredded || !wrappedKey || !ciphertext) throw new SecretShreddedError(ref);
    // The master key was verified at open, so a wrapped key that fails authentication was altered.
    const dataKey = unseal(this.masterKey, wrappedKey, keyAad(ref));
    if (!dataKey) throw new SecretTamperedError(ref);
    try {
      const plaintext = unseal(dataKey, ciphertext, valueAad(ref));
      if (!plaintext) throw new SecretTamperedError(ref);
      return plaintext.toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }

  /** The store's key check, written once when the store is created. */
  keyCheck(): Buffer {
    return seal(this.masterKey, KEY_CHECK_PLAINTEXT, KEY_CHECK_AAD);
  }

  /** Throws SecretKeyMismatchError unless the stored key check was sealed by this master key. */
  verifyKeyCheck(stored: Uint8Array): void {
    const check = unseal(this.masterKey, stored, KEY_CHECK_AAD);
    if (!check || !check.equals(KEY_CHECK_PLAINTEXT)) throw new SecretKeyMismatchError();
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
