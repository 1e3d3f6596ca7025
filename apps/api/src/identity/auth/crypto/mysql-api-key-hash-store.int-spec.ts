import { stateDatabases } from '../../../infrastructure/mysql/testing/state-databases';
import { MysqlApiKeyHashStore } from './mysql-api-key-hash-store';
import { describeApiKeyHashStoreContract } from './testing/credential-stores.contract';

const databases = stateDatabases('ib_api_keys');

describeApiKeyHashStoreContract('MysqlApiKeyHashStore', {
  open: () => new MysqlApiKeyHashStore(databases.own()),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});
