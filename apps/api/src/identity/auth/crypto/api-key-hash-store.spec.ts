import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteApiKeyHashStore } from './api-key-hash-store';
import { SqliteCredentialStore, CredentialStoreUnavailableError } from './credential-store';
import {
  apiKeyHashOf,
  describeApiKeyHashStoreContract,
  passwordHashOf,
} from './testing/credential-stores.contract';

let dir: string;
let file: string;
const freshFile = () => {
  dir = mkdtempSync(join(tmpdir(), 'api-key-hash-store-'));
  file = join(dir, 'credentials.sqlite');
};
const removeDir = () => rmSync(dir, { recursive: true, force: true });

describeApiKeyHashStoreContract('SqliteApiKeyHashStore', {
  open: () => new SqliteApiKeyHashStore({ file }),
  setUp: freshFile,
  tearDown: removeDir,
});

describe('SqliteApiKeyHashStore', () => {
  beforeEach(freshFile);
  afterEach(removeDir);

  it('keeps hashes across restarts', async () => {
    const before = new SqliteApiKeyHashStore({ file });
    await before.set('key-1', apiKeyHashOf('one'));
    await before.close();

    const after = new SqliteApiKeyHashStore({ file });
    expect(await after.get('key-1')).toBe(apiKeyHashOf('one'));
    await after.close();
  });

  it('shares the credential file with the password hashes, each in its own table', async () => {
    const credentials = new SqliteCredentialStore({ file });
    const keys = new SqliteApiKeyHashStore({ file });

    await credentials.set('user-1', passwordHashOf('one'));
    await keys.set('user-1', apiKeyHashOf('one'));

    expect(await credentials.get('user-1')).toBe(passwordHashOf('one'));
    expect(await keys.get('user-1')).toBe(apiKeyHashOf('one'));
    await credentials.close();
    await keys.close();
  });

  it('given a file that cannot be created, when the store opens, then it fails with CredentialStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');

    expect(() => new SqliteApiKeyHashStore({ file: join(notADirectory, 'credentials.sqlite') })).toThrow(
      CredentialStoreUnavailableError,
    );
  });
});
