import { join } from 'node:path';
import { shareProductPool } from '../../../infrastructure/mysql/mysql-pool';
import { type DatabaseLocation } from '../../../infrastructure/server-locations';
import { SqliteApiKeyHashStore } from './api-key-hash-store';
import { type ApiKeyHashStore } from './api-key-hash-store.port';
import { SqliteCredentialStore } from './credential-store';
import { type CredentialStore } from './credential-store.port';
import { MysqlApiKeyHashStore } from './mysql-api-key-hash-store';
import { MysqlCredentialStore } from './mysql-credential-store';
import { MysqlRefreshTokenStore } from './mysql-refresh-token-store';
import { SqliteRefreshTokenStore } from './refresh-token-store';
import { type RefreshTokenStore } from './refresh-token-store.port';

/** The embedded credential file, beside the other state in the data folder. */
export const CREDENTIALS_FILE = 'credentials.sqlite';

/** Password hashes where DATABASE_URL puts the product's state: the data folder, or the shared database. */
export function createCredentialStore(location: DatabaseLocation, dataDir: string): CredentialStore {
  switch (location.kind) {
    case 'sqlite':
      return new SqliteCredentialStore({ file: join(dataDir, CREDENTIALS_FILE) });
    case 'mysql':
      return new MysqlCredentialStore(shareProductPool(location.server));
  }
}

/** API key hashes, beside the password hashes. */
export function createApiKeyHashStore(location: DatabaseLocation, dataDir: string): ApiKeyHashStore {
  switch (location.kind) {
    case 'sqlite':
      return new SqliteApiKeyHashStore({ file: join(dataDir, CREDENTIALS_FILE) });
    case 'mysql':
      return new MysqlApiKeyHashStore(shareProductPool(location.server));
  }
}

/** Refresh token hashes, beside the password hashes. */
export function createRefreshTokenStore(location: DatabaseLocation, dataDir: string): RefreshTokenStore {
  switch (location.kind) {
    case 'sqlite':
      return new SqliteRefreshTokenStore({ file: join(dataDir, CREDENTIALS_FILE) });
    case 'mysql':
      return new MysqlRefreshTokenStore(shareProductPool(location.server));
  }
}
