import { stateDatabases } from '../infrastructure/mysql/testing/state-databases';
import { openReadModelDatabase } from '../read-model';
import { ReadModelNotificationStore } from './read-model-notification-store';
import { describeNotificationStoreContract } from './testing/notification-store.contract';

const databases = stateDatabases('ib_notifications');

describeNotificationStoreContract('ReadModelNotificationStore (MariaDB)', async () => {
  await databases.setUp();
  const database = await openReadModelDatabase({ server: databases.server() }, []);
  return {
    store: new ReadModelNotificationStore({
      dialect: database.dialect,
      reader: database.reader,
      writer: database.writer,
      processWriter: database.writer,
    }),
    close: async () => {
      await database.close();
      await databases.tearDown();
    },
  };
});
