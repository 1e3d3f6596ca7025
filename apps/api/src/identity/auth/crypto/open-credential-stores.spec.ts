import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteApiKeyHashStore } from './api-key-hash-store';
import { SqliteCredentialStore } from './credential-store';
import { CREDENTIALS_FILE, createApiKeyHashStore, createCredentialStore } from './open-credential-stores';

describe('createCredentialStore and createApiKeyHashStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'credential-stores-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given the embedded database, then both stores are SQLite tables of the credential file in the data folder', async () => {
    const credentials = createCredentialStore({ kind: 'sqlite' }, dataDir);
    const keys = createApiKeyHashStore({ kind: 'sqlite' }, dataDir);

    expect(credentials).toBeInstanceOf(SqliteCredentialStore);
    expect(keys).toBeInstanceOf(SqliteApiKeyHashStore);
    expect(existsSync(join(dataDir, CREDENTIALS_FILE))).toBe(true);
    await credentials.close();
    await keys.close();
  });
});
