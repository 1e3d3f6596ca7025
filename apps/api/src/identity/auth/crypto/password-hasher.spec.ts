import { DEFAULT_SCRYPT_COST, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('encodes hashes as scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1, a 16-byte salt and a 64-byte key', async () => {
    const encoded = await hasher.hash('correct horse battery staple');

    const [scheme, n, r, p, salt, hash] = encoded.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 15, 8, 1]);
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64')).toHaveLength(64);
    expect(encoded).not.toContain('correct horse');
  });

  it('given a hash of a password, when the same password is verified, then it is accepted', async () => {
    const encoded = await hasher.hash('s3cr3t-P@ss');

    await expect(hasher.verify('s3cr3t-P@ss', encoded)).resolves.toBe(true);
  });

  it('given a hash of a password, when another password is verified, then it is rejected', async () => {
    const encoded = await hasher.hash('s3cr3t-P@ss');

    await expect(hasher.verify('s3cr3t-P@sS', encoded)).resolves.toBe(false);
    await expect(hasher.verify('', encoded)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes that both verify', async () => {
    const [first, second] = await Promise.all([hasher.hash('same'), hasher.hash('same')]);

    expect(first).not.toBe(second);
    await expect(hasher.verify('same', first)).resolves.toBe(true);
    await expect(hasher.verify('same', second)).resolves.toBe(true);
  });

  it('accepts the same password whether its accents are typed composed or decomposed', async () => {
    const encoded = await hasher.hash('caf\u00e9');

    await expect(hasher.verify('cafe\u0301', encoded)).resolves.toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', '$2b$12$abcdefghijklmnopqrstuv'],
    ['a cost that is not a power of two', 'scrypt$30000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(88)],
    ['a cost that would need gigabytes', 'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(88)],
    ['a truncated hash', 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
  ])(
    'given %s instead of an encoded hash, when verifying, then it is rejected without throwing',
    async (_, encoded) => {
      await expect(hasher.verify('anything', encoded)).resolves.toBe(false);
    },
  );

  it('given an unknown user (no hash), when verifying, then it is rejected after the same work', async () => {
    await expect(hasher.verify('anything', undefined)).resolves.toBe(false);
  });

  it('verifies hashes made with another cost and reports that they need a rehash', async () => {
    const cheaper = new PasswordHasher({ cost: { N: 2 ** 14, r: 8, p: 1 } });
    const old = await cheaper.hash('pw');

    await expect(hasher.verify('pw', old)).resolves.toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
  });

  it('refuses a cost outside the safe range', () => {
    expect(() => new PasswordHasher({ cost: { N: 1000, r: 8, p: 1 } })).toThrow(RangeError);
  });
});
