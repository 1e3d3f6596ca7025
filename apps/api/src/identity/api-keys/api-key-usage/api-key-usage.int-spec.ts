import { stateDatabases } from '../../../infrastructure/mysql/testing/state-databases';
import { MysqlReadModelWriter } from '../../../infrastructure/read-model/mysql/mysql-read-model-writer';
import { MysqlViewReader } from '../../../infrastructure/read-model/view-reader';
import { openReadModelDatabase, type ReadModelAccess } from '../../../read-model';
import { describeApiKeyUsageContract } from './testing/api-key-usage.contract';

const databases = stateDatabases('ib_api_key_usage');

// The `on duplicate key update` write, from two instances with a pool each, as two API processes have.
describeApiKeyUsageContract('ApiKeyUsage (MariaDB)', async () => {
  await databases.setUp();
  const database = await openReadModelDatabase({ server: databases.server() }, []);
  const { pool, release } = databases.own();
  const otherWriter = new MysqlReadModelWriter(pool);
  const access = (reader: ReadModelAccess['reader'], writer: ReadModelAccess['writer']): ReadModelAccess => ({
    dialect: 'mysql',
    reader,
    writer,
    processWriter: writer,
  });
  return {
    instances: [access(database.reader, database.writer), access(new MysqlViewReader(pool), otherWriter)],
    close: async () => {
      await otherWriter.close();
      await release?.();
      await database.close();
      await databases.tearDown();
    },
  };
});
