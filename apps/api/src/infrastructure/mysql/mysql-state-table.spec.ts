import { MysqlStateTable, ownProductPool } from './mysql-state-table';
import { closedPort } from './testing/closed-port';

class TestUnavailableError extends Error {}

const PASSWORD = 'hunter22-not-in-messages';

describe('MysqlStateTable', () => {
  const tableOn = async () =>
    new MysqlStateTable({
      ...ownProductPool({
        host: '127.0.0.1',
        port: await closedPort(),
        user: 'ib',
        password: PASSWORD,
        database: 'ib',
      }),
      schema: 'CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY)',
      unavailable: (detail, options) => new TestUnavailableError(detail, options),
    });

  it('given an unreachable server, when the table is used, then it fails with the store error naming the action and the code, never the password', async () => {
    const table = await tableOn();

    const error = await table.run('read a row', () => Promise.resolve(1)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TestUnavailableError);
    expect((error as Error).message).toBe('cannot read a row (ECONNREFUSED)');
    expect((error as Error).message).not.toContain(PASSWORD);
    await table.close();
  });

  it('given a closed table, when it is used, then it fails with the store error without touching the server', async () => {
    const table = await tableOn();
    await table.close();

    await expect(table.run('read a row', () => Promise.resolve(1))).rejects.toThrow(
      new TestUnavailableError('cannot read a row: the store is closed'),
    );
    await expect(table.close()).resolves.toBeUndefined();
  });
});
