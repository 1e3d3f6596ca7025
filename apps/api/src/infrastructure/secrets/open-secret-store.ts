import { join } from 'node:path';
import { shareProductPool } from '../mysql/mysql-pool';
import { type DatabaseLocation } from '../server-locations';
import { MysqlSecretStore } from './mysql-secret-store';
import { SqliteSecretStore } from './secret-store';
import { type SecretStore } from './secret-store.port';

/** The embedded secret file, in the data folder. */
export const SECRETS_FILE = 'secrets.sqlite';

/** Secrets where DATABASE_URL puts the product's state: the data folder, or the shared database. */
export function createSecretStore(
  location: DatabaseLocation,
  { dataDir, masterKey }: Readonly<{ dataDir: string; masterKey: Buffer }>,
): SecretStore {
  switch (location.kind) {
    case 'sqlite':
      return new SqliteSecretStore({ file: join(dataDir, SECRETS_FILE), masterKey });
    case 'mysql':
      return new MysqlSecretStore({ ...shareProductPool(location.server), masterKey });
  }
}
