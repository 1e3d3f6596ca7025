import { join } from 'node:path';
import { shareProductPool } from '../../infrastructure/mysql/mysql-pool';
import { type DatabaseLocation } from '../../infrastructure/server-locations';
import { MysqlPackageStore } from './mysql-package-store';
import { FilePackageStore } from './package-store';
import { type PackageStore } from './package-store.port';

/** Packages where DATABASE_URL puts the product's state: files in the data folder, or the shared database. */
export function createPackageStore(location: DatabaseLocation, dataDir: string): PackageStore {
  switch (location.kind) {
    case 'sqlite':
      return new FilePackageStore(join(dataDir, 'packages'));
    case 'mysql':
      return new MysqlPackageStore(shareProductPool(location.server));
  }
}
