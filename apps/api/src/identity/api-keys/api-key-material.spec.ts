import { uuidv7 } from '../../infrastructure/ids';
import { generateApiKey, hashApiKey, keyIdOf } from './api-key-material';

describe('API key material', () => {
  it('makes a key that carries its id, 256 random bits and ends with its hint', () => {
    const keyId = uuidv7();
    const { key, hint, hash } = generateApiKey(keyId);

    expect(key).toMatch(/^ibk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(key)).toBe(keyId);
    expect(hint).toBe(key.slice(-4));
    expect(hash).toBe(hashApiKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never makes the same key twice for one id', () =>
    expect(generateApiKey('0190a000-0000-7000-8000-00000000a001').key).not.toBe(
      generateApiKey('0190a000-0000-7000-8000-00000000a001').key,
    ));

  it('refuses a key id that is not a UUID', () => expect(() => generateApiKey('key-1')).toThrow(TypeError));

  it('reads no key id from a malformed key', () => {
    const { key } = generateApiKey(uuidv7());
    for (const malformed of [
      '',
      'not-a-key',
      key.slice(0, -1),
      `${key}x`,
      key.replace('ibk_', 'ibx_'),
      key.toUpperCase(),
    ])
      expect(keyIdOf(malformed)).toBeUndefined();
  });
});
