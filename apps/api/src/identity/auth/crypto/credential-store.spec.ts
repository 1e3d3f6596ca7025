import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretStore } from '../../../infrastructure/secrets/secret-store';
import { CredentialStore, CredentialStoreUnavailableError } from './credential-store';

const hashOf = (tag: string) => `scrypt$32768$8$1$${Buffer.from(tag).toString('base64')}$${'A'.repeat(86)}==`;

describe('CredentialStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'credential-store-'));
    file = join(dir, 'secrets.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a stored hash, when it is read by user id, then it comes back', () => {
    const store = new CredentialStore({ file });
    store.set('user-1', hashOf('one'));

    expect(store.get('user-1')).toBe(hashOf('one'));
    store.close();
  });

  it('given no hash for a user, when it is read, then it is undefined', () => {
    const store = new CredentialStore({ file });

    expect(store.get('user-unknown')).toBeUndefined();
    store.close();
  });

  it('given a stored hash, when the user changes their password, then the new hash replaces the old one', () => {
    const store = new CredentialStore({ file });
    store.set('user-1', hashOf('old'));
    store.set('user-2', hashOf('other'));

    store.set('user-1', hashOf('new'));

    expect(store.get('user-1')).toBe(hashOf('new'));
    expect(store.get('user-2')).toBe(hashOf('other'));
    store.close();
  });

  it('keeps hashes across restarts', () => {
    const before = new CredentialStore({ file });
    before.set('user-1', hashOf('one'));
    before.close();

    const after = new CredentialStore({ file });
    expect(after.get('user-1')).toBe(hashOf('one'));
    after.close();
  });

  it('refuses to store anything that is not an encoded hash, so a plain password never lands here', () => {
    const store = new CredentialStore({ file });

    expect(() => store.set('user-1', 'hunter2')).toThrow(TypeError);
    expect(store.get('user-1')).toBeUndefined();
    store.close();
  });

  it('shares the SQLite file with the secret store, each in its own table', () => {
    const secrets = new SecretStore({ file, masterKey: randomBytes(32) });
    const credentials = new CredentialStore({ file });

    const ref = secrets.put('db password');
    credentials.set('user-1', hashOf('one'));

    expect(secrets.get(ref)).toBe('db password');
    expect(credentials.get('user-1')).toBe(hashOf('one'));
    secrets.close();
    credentials.close();
  });

  it('given a file that cannot be created, when the store opens, then it fails with CredentialStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');

    expect(() => new CredentialStore({ file: join(notADirectory, 'secrets.sqlite') })).toThrow(
      CredentialStoreUnavailableError,
    );
  });

  it('given a closed store, when it is used, then it fails with CredentialStoreUnavailableError', () => {
    const store = new CredentialStore({ file });
    store.close();

    expect(() => store.get('user-1')).toThrow(CredentialStoreUnavailableError);
  });
});
