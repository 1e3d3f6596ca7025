import { MikroORM } from '@mikro-orm/libsql';
import { SqliteViewReader } from './view-reader';
import { ViewTable } from './view-table';
import { describeViewStore, KeeperRow, OwnerRow, PetRow } from './testing/view-store.contract';
import { writeDocuments } from './testing/view-database';

describeViewStore('SQLite', async () => {
  const orm = new MikroORM({
    dbName: ':memory:',
    entities: [PetRow, OwnerRow, KeeperRow],
    ensureDatabase: false,
  });
  await orm.schema.create();
  const db = await orm.em.getConnection().getNativeClient();
  return {
    table: (entity) => ViewTable.of(orm, entity),
    reader: new SqliteViewReader(db),
    write: async (table, documents) => writeDocuments(db, table, documents),
    close: () => orm.close(),
  };
});
