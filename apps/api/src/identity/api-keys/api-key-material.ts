import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ibk_';
const HINT_LENGTH = 4;
/** `ibk_` + key id (32 hex) + `_` + 32 random bytes as base64url (43 characters, no padding). */
const API_KEY = /^ibk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export type NewApiKey = Readonly<{
  /** Shown once, in the answer to its creation; never stored. */
  key: string;
  /** The key's last characters, recorded so an admin can tell keys apart. */
  hint: string;
  /** What the credential file keeps. */
  hash: string;
}>;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The key carries its id, so verifying it is one lookup and not a search through every hash. */
export function generateApiKey(keyId: string): NewApiKey {
  const key = `${PREFIX}${keyId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
  if (!API_KEY.test(key)) throw new TypeError(`Not a UUID key id: ${keyId}`);
  return { key, hint: key.slice(-HINT_LENGTH), hash: hashApiKey(key) };
}

/** The key id of a well-formed key (as a dashed UUID); undefined for anything else. */
export function keyIdOf(key: string): string | undefined {
  const hex = API_KEY.exec(key)?.[1];
  if (hex === undefined) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
