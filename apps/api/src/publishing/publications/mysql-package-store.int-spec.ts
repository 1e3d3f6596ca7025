import { stateDatabases } from '../../infrastructure/mysql/testing/state-databases';
import { MysqlPackageStore } from './mysql-package-store';
import { describePackageStoreContract } from './testing/package-store.contract';

const databases = stateDatabases('ib_packages');

describePackageStoreContract('MysqlPackageStore', {
  open: () => new MysqlPackageStore(databases.own()),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});
