import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteRefreshTokenStore } from './refresh-token-store';
import {
  describeRefreshTokenStoreContract,
  refreshRecord,
  refreshTokenHashOf,
} from './testing/refresh-token-store.contract';

let dir: string;
let file: string;
const freshFile = () => {
  dir = mkdtempSync(join(tmpdir(), 'refresh-token-store-'));
  file = join(dir, 'credentials.sqlite');
};
const removeDir = () => rmSync(dir, { recursive: true, force: true });

describeRefreshTokenStoreContract('SqliteRefreshTokenStore', {
  open: () => new SqliteRefreshTokenStore({ file }),
  setUp: freshFile,
  tearDown: removeDir,
});

describe('SqliteRefreshTokenStore', () => {
  beforeEach(freshFile);
  afterEach(removeDir);

  it('keeps sessions across restarts, so a server restart does not log anyone out', async () => {
    const record = refreshRecord();
    const before = new SqliteRefreshTokenStore({ file });
    await before.save(refreshTokenHashOf('one'), record);
    await before.close();

    const after = new SqliteRefreshTokenStore({ file });
    expect(await after.get(refreshTokenHashOf('one'))).toEqual(record);
    await after.close();
  });
});
