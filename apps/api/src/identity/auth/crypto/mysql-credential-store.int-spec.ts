import { ownProductPool } from '../../../infrastructure/mysql/mysql-state-table';
import { stateDatabases } from '../../../infrastructure/mysql/testing/state-databases';
import { CredentialStoreUnavailableError } from './credential-store.port';
import { MysqlCredentialStore } from './mysql-credential-store';
import { describeCredentialStoreContract, passwordHashOf } from './testing/credential-stores.contract';

const databases = stateDatabases('ib_credentials');

describeCredentialStoreContract('MysqlCredentialStore', {
  open: () => new MysqlCredentialStore(databases.own()),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});

describe('MysqlCredentialStore', () => {
  beforeEach(databases.setUp);
  afterEach(databases.tearDown);

  it('given a refused password, when the store is used, then it fails with CredentialStoreUnavailableError naming the code, never a password or hash', async () => {
    const server = { ...databases.server(), password: 'wrong-password-4711' };
    const store = new MysqlCredentialStore(ownProductPool(server));

    const error = await store.set('user-1', passwordHashOf('one')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CredentialStoreUnavailableError);
    expect((error as Error).message).toMatch(/cannot store a password hash \(ER_ACCESS_DENIED_ERROR\)/);
    expect((error as Error).message).not.toContain('wrong-password-4711');
    expect((error as Error).message).not.toContain(passwordHashOf('one'));
    await store.close();
  });
});
