import { type JobLeases } from '../infrastructure/leases/job-leases.port';
import { MysqlJobLeases } from '../infrastructure/leases/mysql-job-leases';
import { SqliteJobLeases } from '../infrastructure/leases/sqlite-job-leases';
import { shareProductPool } from '../infrastructure/mysql/mysql-pool';
import { type MysqlServer } from '../infrastructure/mysql/mysql-server-url';
import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { MysqlReadModelWriter } from '../infrastructure/read-model/mysql/mysql-read-model-writer';
import { openReadOnlyConnection } from '../infrastructure/read-model/read-only-connection';
import { createReadModelWriter } from '../infrastructure/read-model/read-model-writer';
import { type ReadModelWriter } from '../infrastructure/read-model/read-model-writes';
import {
  MysqlViewReader,
  type NativeDatabase,
  type ReadModelDialect,
  SqliteViewReader,
  type ViewReader,
} from '../infrastructure/read-model/view-reader';
import { createReadModelOrm, type ReadModelOrm } from './read-model-orm';

/** Where the read model lives: a SQLite file (or ':memory:'), or a database of a MariaDB/MySQL server. */
export type ReadModelLocation = Readonly<{ file: string }> | Readonly<{ server: MysqlServer }>;

/**
 * Everything the read side needs of its database, in the database's dialect: the ORM (migrations,
 * checkpoint reads, the views' metadata), where the view stores read, where the projection runner
 * loads documents before a batch, the one writer, and the leases of the background jobs.
 */
export type ReadModelDatabase = Readonly<{
  dialect: ReadModelDialect;
  orm: ReadModelOrm;
  /** For the API's reads: a read-only connection of its own on SQLite files, the pool on MySQL. */
  reader: ViewReader;
  /** For the runner's loads: on SQLite the connection the ORM migrated and inline writes go through. */
  runnerReader: ViewReader;
  writer: ReadModelWriter;
  leases: JobLeases;
  close(): Promise<void>;
}>;

export async function openReadModelDatabase(
  location: ReadModelLocation,
  views: readonly ProjectedView[],
  debug = false,
): Promise<ReadModelDatabase> {
  if ('server' in location) {
    const mysqlOrm = await createReadModelOrm({ server: location.server, views, debug });
    const { pool, release } = shareProductPool(location.server);
    const reader = new MysqlViewReader(pool);
    const writer = new MysqlReadModelWriter(pool);
    return {
      dialect: 'mysql',
      // The read side uses of the ORM what both drivers share: metadata, migrations and execute().
      orm: mysqlOrm as unknown as ReadModelOrm,
      reader,
      runnerReader: reader,
      writer,
      leases: new MysqlJobLeases(pool),
      close: async () => {
        await writer.close();
        await release();
        await mysqlOrm.close();
      },
    };
  }
  const { file } = location;
  const orm = await createReadModelOrm({ file, views, debug });
  const native = (await orm.em.getConnection().getNativeClient()) as NativeDatabase;
  // Opened after the ORM, whose migrations create the file and its tables.
  const readOnly = file === ':memory:' ? null : openReadOnlyConnection(file);
  const writer = await createReadModelWriter(orm, file);
  return {
    dialect: 'sqlite',
    orm,
    reader: new SqliteViewReader(readOnly ?? native),
    runnerReader: new SqliteViewReader(native),
    writer,
    leases: new SqliteJobLeases(async () => native),
    close: async () => {
      await writer.close();
      readOnly?.close();
      await orm.close();
    },
  };
}
