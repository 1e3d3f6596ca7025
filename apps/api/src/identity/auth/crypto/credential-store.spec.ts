import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSecretStore } from '../../../infrastructure/secrets/secret-store';
import { SqliteCredentialStore, CredentialStoreUnavailableError } from './credential-store';
import { describeCredentialStoreContract, passwordHashOf } from './testing/credential-stores.contract';

let dir: string;
let file: string;
const freshFile = () => {
  dir = mkdtempSync(join(tmpdir(), 'credential-store-'));
  file = join(dir, 'secrets.sqlite');
};
const removeDir = () => rmSync(dir, { recursive: true, force: true });

describeCredentialStoreContract('SqliteCredentialStore', {
  open: () => new SqliteCredentialStore({ file }),
  setUp: freshFile,
  tearDown: removeDir,
});

describe('SqliteCredentialStore', () => {
  beforeEach(freshFile);
  afterEach(removeDir);

  it('keeps hashes across restarts', async () => {
    const before = new SqliteCredentialStore({ file });
    await before.set('user-1', passwordHashOf('one'));
    await before.close();

    const after = new SqliteCredentialStore({ file });
    expect(await after.get('user-1')).toBe(passwordHashOf('one'));
    await after.close();
  });

  it('shares the SQLite file with the secret store, each in its own table', async () => {
    const secrets = new SqliteSecretStore({ file, masterKey: randomBytes(32) });
    const credentials = new SqliteCredentialStore({ file });

    const ref = await secrets.put('db password');
    await credentials.set('user-1', passwordHashOf('one'));

    expect(await secrets.get(ref)).toBe('db password');
    expect(await credentials.get('user-1')).toBe(passwordHashOf('one'));
    await secrets.close();
    await credentials.close();
  });

  it('given a file that cannot be created, when the store opens, then it fails with CredentialStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');

    expect(() => new SqliteCredentialStore({ file: join(notADirectory, 'secrets.sqlite') })).toThrow(
      CredentialStoreUnavailableError,
    );
  });
});
