import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { READ_MODEL_MIGRATIONS } from './migrations';
import { READ_MODEL_ENTITIES } from './read-model.entities';

export type ReadModelOrm = MikroORM;

export type ReadModelOrmOptions = Readonly<{
  /** The read-model database file (`<dataDir>/read-model.db`), or ':memory:'. */
  file: string;
  /** Logs every query at debug level. */
  debug?: boolean;
}>;

/**
 * Opens the read-model database and brings its schema up to date with the committed migrations.
 * The schema is never generated or diffed at run time (ensureDatabase off): the migrations own it.
 */
export async function createReadModelOrm({
  file,
  debug = false,
}: ReadModelOrmOptions): Promise<ReadModelOrm> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const logger = new Logger('ReadModelOrm');
  const orm = new MikroORM({
    dbName: file,
    entities: [...READ_MODEL_ENTITIES],
    extensions: [Migrator],
    ensureDatabase: false,
    debug,
    logger: (message) => logger.debug(message),
    colors: false,
    migrations: {
      migrationsList: READ_MODEL_MIGRATIONS,
      tableName: 'read_model_migrations',
      transactional: true,
      allOrNothing: true,
      // No snapshot files next to the process: the committed classes are the whole history.
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
  });
  try {
    const connection = orm.em.getConnection();
    // WAL: queries are not blocked by a long checkpoint; NORMAL: no fsync per batch. A power cut may
    // lose the last batches, never split rows from their checkpoint, and they are replayed from the log.
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma synchronous = normal');
    await orm.migrator.up();
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}
