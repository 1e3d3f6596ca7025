import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export type ScryptCost = Readonly<{ N: number; r: number; p: number }>;

/** 2^15 iterations, r=8, p=1: about 32 MiB and some tens of milliseconds per hash. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 64;
/** Bounds for parameters read back from a stored hash, so a corrupt row cannot demand gigabytes. */
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;

/**
 * scrypt password hashes encoded as `scrypt$N$r$p$<salt base64>$<hash base64>`, so the cost can rise
 * later while old hashes still verify (see needsRehash). Passwords are NFKC-normalised first, so the
 * same password typed on different keyboards (composed or decomposed accents) verifies.
 */
export class PasswordHasher {
  private readonly cost: ScryptCost;

  constructor(options: { cost?: ScryptCost } = {}) {
    const cost = options.cost ?? DEFAULT_SCRYPT_COST;
    if (!isValidCost(cost))
      throw new RangeError('scrypt cost must have N a power of two >= 2^10, r in 1..32, p in 1..16');
    this.cost = cost;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const { N, r, p } = this.cost;
    const hash = await derive(password, salt, HASH_BYTES, this.cost);
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
  }

  /**
   * False for a wrong password and for anything that is not a well-formed encoded hash. Pass undefined
   * for an unknown user: the same work is done, so response times do not reveal which usernames exist.
   */
  async verify(password: string, encoded: string | undefined): Promise<boolean> {
    const parsed = encoded === undefined ? undefined : parse(encoded);
    if (!parsed) {
      await derive(password, randomBytes(SALT_BYTES), HASH_BYTES, this.cost);
      return false;
    }
    const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
    return timingSafeEqual(actual, parsed.hash);
  }

  /** True when the hash was made with other parameters than the current ones (rehash after a successful login). */
  needsRehash(encoded: string): boolean {
    const parsed = parse(encoded);
    if (!parsed) return true;
    const { N, r, p } = parsed.cost;
    return N !== this.cost.N || r !== this.cost.r || p !== this.cost.p || parsed.hash.length !== HASH_BYTES;
  }
}

function derive(password: string, salt: Buffer, length: number, { N, r, p }: ScryptCost): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is just below what N=2^15, r=8 needs (128 * N * r bytes plus overhead).
  const maxmem = 2 * 128 * N * r * p;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function isValidCost({ N, r, p }: ScryptCost): boolean {
  const isPowerOfTwo = Number.isInteger(N) && N >= 2 ** 10 && N <= 2 ** MAX_LOG2_N && (N & (N - 1)) === 0;
  return (
    isPowerOfTwo && Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P
  );
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parse(encoded: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  if (typeof encoded !== 'string') return undefined;
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, r, p, salt, hash] = parts;
  if (![n, r, p].every((part) => /^[1-9][0-9]{0,7}$/.test(part))) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!isValidCost(cost) || !BASE64.test(salt) || !BASE64.test(hash)) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  if (saltBytes.length < 8 || hashBytes.length < 32) return undefined;
  return { cost, salt: saltBytes, hash: hashBytes };
}
