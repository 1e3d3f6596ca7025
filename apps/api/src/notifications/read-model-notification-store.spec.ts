import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineWriterFor } from '../infrastructure/read-model/read-model-writer';
import { type NativeDatabase, SqliteViewReader } from '../infrastructure/read-model/view-reader';
import { createReadModelOrm } from '../read-model';
import { ReadModelNotificationStore } from './read-model-notification-store';
import { describeNotificationStoreContract } from './testing/notification-store.contract';

describeNotificationStoreContract('ReadModelNotificationStore (SQLite)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ib-notifications-'));
  const orm = await createReadModelOrm({ file: join(folder, 'read-model.db'), views: [] });
  const writer = await inlineWriterFor(orm);
  const native = (await orm.em.getConnection().getNativeClient()) as NativeDatabase;
  return {
    store: new ReadModelNotificationStore({
      dialect: 'sqlite',
      reader: new SqliteViewReader(native),
      writer,
      processWriter: writer,
    }),
    close: async () => {
      await orm.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
