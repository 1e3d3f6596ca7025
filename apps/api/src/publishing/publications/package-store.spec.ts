import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPackageStore } from './open-package-store';
import { FilePackageStore } from './package-store';
import { aPackage, describePackageStoreContract } from './testing/package-store.contract';

let dataDir: string;
const freshDir = () => {
  dataDir = mkdtempSync(join(tmpdir(), 'package-store-'));
};
const removeDir = () => rmSync(dataDir, { recursive: true, force: true });

describePackageStoreContract('FilePackageStore', {
  open: () => new FilePackageStore(join(dataDir, 'packages')),
  setUp: freshDir,
  tearDown: removeDir,
});

describe('createPackageStore', () => {
  beforeEach(freshDir);
  afterEach(removeDir);

  it('given the embedded database, then packages are tar files in the packages folder of the data folder', async () => {
    const store = createPackageStore({ kind: 'sqlite' }, dataDir);
    const { hash, bytes } = aPackage();

    await store.put(hash, bytes);

    expect(store).toBeInstanceOf(FilePackageStore);
    expect(existsSync(join(dataDir, 'packages', `${hash.replace(':', '-')}.tar`))).toBe(true);
    await store.close();
  });
});
