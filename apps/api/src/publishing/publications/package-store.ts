import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../../infrastructure/ids';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '../../infrastructure/private-files';
import { settle } from '../../infrastructure/settle';
import { PackageStore, assertPackageHash } from './package-store.port';

/**
 * The embedded adapter: `<DATA_DIR>/packages/sha256-<hex>.tar` for hash `sha256:<hex>`. A package is
 * written to a temporary file and renamed, so a reader never sees half a file.
 */
export class FilePackageStore extends PackageStore {
  constructor(private readonly dir: string) {
    super();
  }

  put(hash: string, bytes: Buffer): Promise<void> {
    return settle(() => {
      const path = this.path(hash);
      ensurePrivateDir(this.dir);
      const temporary = join(this.dir, `.${hash}.${uuidv7()}.tmp`);
      writeFileSync(temporary, bytes, { mode: PRIVATE_FILE_MODE });
      renameSync(temporary, path);
    });
  }

  get(hash: string): Promise<Buffer | undefined> {
    return settle(() => {
      try {
        return readFileSync(this.path(hash));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private path(hash: string): string {
    assertPackageHash(hash);
    return join(this.dir, `${hash.replace(':', '-')}.tar`);
  }
}
