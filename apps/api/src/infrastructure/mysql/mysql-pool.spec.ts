import { shareProductPool } from './mysql-pool';
import { type MysqlServer } from './mysql-server-url';
import { closedPort } from './testing/closed-port';

/** Queries there fail to connect, but only a closed pool says it is closed. */
const serverOnClosedPort = async (database: string): Promise<MysqlServer> => ({
  host: '127.0.0.1',
  port: await closedPort(),
  user: 'ib',
  password: 'not-used-here',
  database,
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: Error) => error.message,
  );

describe('shareProductPool', () => {
  it('given the read model and a state store on one product database, then they draw from one pool, which ends only when both released it', async () => {
    const server = await serverOnClosedPort('ib');
    const readModel = shareProductPool(server);
    const stateStore = shareProductPool({ ...server });

    expect(stateStore.pool).toBe(readModel.pool);

    await readModel.release();
    await readModel.release();
    expect(await failureOf(stateStore.pool.query('SELECT 1'))).not.toMatch(/closed/i);

    await stateStore.release();
    expect(await failureOf(stateStore.pool.query('SELECT 1'))).toMatch(/closed/i);
    const reopened = shareProductPool(server);
    expect(reopened.pool).not.toBe(stateStore.pool);
    await reopened.release();
  });

  it('given two product databases, then each has its own pool', async () => {
    const server = await serverOnClosedPort('ib_one');
    const one = shareProductPool(server);
    const other = shareProductPool({ ...server, database: 'ib_other' });
    try {
      expect(other.pool).not.toBe(one.pool);
    } finally {
      await one.release();
      await other.release();
    }
  });
});
