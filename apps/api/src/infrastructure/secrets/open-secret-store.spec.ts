import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRETS_FILE, createSecretStore } from './open-secret-store';
import { SqliteSecretStore } from './secret-store';

describe('createSecretStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'open-secret-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given the embedded database, then secrets are kept in the secret file of the data folder', async () => {
    const store = createSecretStore({ kind: 'sqlite' }, { dataDir, masterKey: randomBytes(32) });

    expect(store).toBeInstanceOf(SqliteSecretStore);
    expect(await store.get(await store.put('kept'))).toBe('kept');
    expect(existsSync(join(dataDir, SECRETS_FILE))).toBe(true);
    await store.close();
  });
});
