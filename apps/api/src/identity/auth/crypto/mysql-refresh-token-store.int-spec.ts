import { stateDatabases } from '../../../infrastructure/mysql/testing/state-databases';
import { MysqlRefreshTokenStore } from './mysql-refresh-token-store';
import { describeRefreshTokenStoreContract } from './testing/refresh-token-store.contract';

const databases = stateDatabases('ib_refresh_tokens');

describeRefreshTokenStoreContract('MysqlRefreshTokenStore', {
  open: () => new MysqlRefreshTokenStore(databases.own()),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});
