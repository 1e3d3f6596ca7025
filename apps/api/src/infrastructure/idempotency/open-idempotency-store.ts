import { join } from 'node:path';
import { shareProductPool } from '../mysql/mysql-pool';
import { type DatabaseLocation } from '../server-locations';
import { SqliteIdempotencyStore } from './idempotency-store';
import { type IdempotencyPolicy, type IdempotencyStore } from './idempotency-store.port';
import { MysqlIdempotencyStore } from './mysql-idempotency-store';

/** The embedded idempotency file, in the data folder. */
export const IDEMPOTENCY_FILE = 'idempotency.sqlite';

/** Idempotency keys where DATABASE_URL puts the product's state: the data folder, or the shared database. */
export function createIdempotencyStore(
  location: DatabaseLocation,
  { dataDir, policy }: Readonly<{ dataDir: string; policy: IdempotencyPolicy }>,
): IdempotencyStore {
  switch (location.kind) {
    case 'sqlite':
      return new SqliteIdempotencyStore({ file: join(dataDir, IDEMPOTENCY_FILE), policy });
    case 'mysql':
      return new MysqlIdempotencyStore({ ...shareProductPool(location.server), policy });
  }
}
