import { Inject, Injectable } from '@nestjs/common';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { uuidv7 } from '../../infrastructure/ids';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '../../infrastructure/private-files';

const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * Generated packages, content-addressed: `<DATA_DIR>/packages/sha256-<hex>.tar` for hash `sha256:<hex>`. A package is written to a
 * temporary file and renamed, so a reader never sees half a file, and writing it twice is harmless.
 */
@Injectable()
export class PackageStore {
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = join(config.dataDir, 'packages');
  }

  put(hash: string, bytes: Buffer): void {
    ensurePrivateDir(this.dir);
    const temporary = join(this.dir, `.${hash}.${uuidv7()}.tmp`);
    writeFileSync(temporary, bytes, { mode: PRIVATE_FILE_MODE });
    renameSync(temporary, this.path(hash));
  }

  get(hash: string): Buffer | undefined {
    try {
      return readFileSync(this.path(hash));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private path(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`Not a package hash: ${hash}`);
    return join(this.dir, `${hash.replace(':', '-')}.tar`);
  }
}
