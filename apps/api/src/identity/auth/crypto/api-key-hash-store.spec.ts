import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyHashStore } from './api-key-hash-store';
import { CredentialStore, CredentialStoreUnavailableError } from './credential-store';

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');
const passwordHash = `scrypt$32768$8$1$${Buffer.from('salt').toString('base64')}$${'A'.repeat(86)}==`;

describe('ApiKeyHashStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-key-hash-store-'));
    file = join(dir, 'credentials.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a stored hash, when it is read by key id, then it comes back', () => {
    const store = new ApiKeyHashStore({ file });
    store.set('key-1', hashOf('one'));

    expect(store.get('key-1')).toBe(hashOf('one'));
    store.close();
  });

  it('given no hash for a key, when it is read, then it is undefined', () => {
    const store = new ApiKeyHashStore({ file });

    expect(store.get('key-unknown')).toBeUndefined();
    store.close();
  });

  it('given a stored hash, when it is deleted, then it is gone and other keys stay', () => {
    const store = new ApiKeyHashStore({ file });
    store.set('key-1', hashOf('one'));
    store.set('key-2', hashOf('two'));

    store.delete('key-1');
    store.delete('key-unknown');

    expect(store.get('key-1')).toBeUndefined();
    expect(store.get('key-2')).toBe(hashOf('two'));
    store.close();
  });

  it('never replaces the hash of a key, so a key id cannot be given a second key', () => {
    const store = new ApiKeyHashStore({ file });
    store.set('key-1', hashOf('one'));

    expect(() => store.set('key-1', hashOf('other'))).toThrow(TypeError);
    expect(store.get('key-1')).toBe(hashOf('one'));
    store.close();
  });

  it('refuses to store anything that is not a sha256, so a plain key never lands here', () => {
    const store = new ApiKeyHashStore({ file });

    expect(() => store.set('key-1', 'ibk_0190a0000000700080000000000000a1_secret')).toThrow(TypeError);
    expect(() => store.set('key-1', hashOf('one').toUpperCase())).toThrow(TypeError);
    expect(() => store.set('', hashOf('one'))).toThrow(TypeError);
    expect(store.get('key-1')).toBeUndefined();
    store.close();
  });

  it('keeps hashes across restarts', () => {
    const before = new ApiKeyHashStore({ file });
    before.set('key-1', hashOf('one'));
    before.close();

    const after = new ApiKeyHashStore({ file });
    expect(after.get('key-1')).toBe(hashOf('one'));
    after.close();
  });

  it('shares the credential file with the password hashes, each in its own table', () => {
    const credentials = new CredentialStore({ file });
    const keys = new ApiKeyHashStore({ file });

    credentials.set('user-1', passwordHash);
    keys.set('user-1', hashOf('one'));

    expect(credentials.get('user-1')).toBe(passwordHash);
    expect(keys.get('user-1')).toBe(hashOf('one'));
    credentials.close();
    keys.close();
  });

  it('given a file that cannot be created, when the store opens, then it fails with CredentialStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');

    expect(() => new ApiKeyHashStore({ file: join(notADirectory, 'credentials.sqlite') })).toThrow(
      CredentialStoreUnavailableError,
    );
  });

  it('given a closed store, when it is used, then it fails with CredentialStoreUnavailableError', () => {
    const store = new ApiKeyHashStore({ file });
    store.close();

    expect(() => store.get('key-1')).toThrow(CredentialStoreUnavailableError);
    expect(() => store.set('key-1', hashOf('one'))).toThrow(CredentialStoreUnavailableError);
    expect(() => store.delete('key-1')).toThrow(CredentialStoreUnavailableError);
  });
});
