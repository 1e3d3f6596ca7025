/**
 * The sha256 of each API key, keyed by key id. Like password hashes they never enter events. A key
 * is 256 random bits, so a plain sha256 is enough: there is nothing to guess that a slow hash would
 * protect. Failures surface as CredentialStoreUnavailableError (answer 503). The abstract class is
 * the injection token.
 */
export abstract class ApiKeyHashStore {
  /**
   * Stores the hash of a new key. Refuses anything but a sha256 in hex, so a plain key never lands
   * here, and never replaces a stored hash, so a key id cannot be given a second key.
   */
  abstract set(keyId: string, keyHash: string): Promise<void>;
  abstract get(keyId: string): Promise<string | undefined>;
  /** Forgets a key's hash; forgetting an unknown key changes nothing. */
  abstract delete(keyId: string): Promise<void>;
  abstract close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertApiKeyHash(keyId: string, keyHash: string): void {
  if (!keyId) throw new TypeError('keyId is required');
  if (typeof keyHash !== 'string' || !SHA256_HEX.test(keyHash))
    throw new TypeError('ApiKeyHashStore.set expects a sha256 in lower-case hex');
}

export const apiKeyAlreadyHashed = (keyId: string) => new TypeError(`API key ${keyId} already has a hash`);
