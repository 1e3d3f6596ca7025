import { ConnectorError } from '../spi';
import { DATABASES_SQL, SERVER_VERSION_SQL } from './mysql-catalog.sql';
import { createMysqlConnector } from './mysql-connector';
import { type MysqlDriver, type MysqlPool, type MysqlPoolConfig } from './mysql-pool';

type Call = { sql: string; values: readonly unknown[]; timeoutMs: number };

/** A pool that answers from a script: each call takes the next answer (rows or an error to throw). */
function scriptedDriver(answers: unknown[]) {
  const calls: Call[] = [];
  const configs: MysqlPoolConfig[] = [];
  let ended = 0;
  const answer = async (sql: string, values: readonly unknown[], timeoutMs: number) => {
    calls.push({ sql, values, timeoutMs });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  const pool: MysqlPool = {
    query: answer,
    execute: answer,
    async end() {
      ended++;
    },
  };
  const driver: MysqlDriver = {
    createPool(config) {
      configs.push(config);
      return pool;
    },
  };
  return { driver, calls, configs, ended: () => ended };
}

const driverError = (code: string) =>
  Object.assign(new Error(`${code}: Access denied for user 'app'@'x' (using password: YES)`), { code });
const options = {
  host: 'db.example',
  port: 3307,
  user: 'app',
  password: 'pw-never-shown',
  queryTimeoutMs: 1234,
};

describe('createMysqlConnector', () => {
  it('given a server, when the connection is tested, then it reports the version and a latency', async () => {
    const { driver, calls, configs } = scriptedDriver([[{ version: '10.11.19-MariaDB' }]]);
    const connector = createMysqlConnector(options, driver);
    const result = await connector.testConnection();
    expect(result).toMatchObject({ ok: true, serverVersion: '10.11.19-MariaDB' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(calls).toEqual([{ sql: SERVER_VERSION_SQL, values: [], timeoutMs: 1234 }]);
    expect(configs[0]).toMatchObject({ host: 'db.example', port: 3307, user: 'app' });
    expect(connector.provider).toBe('mysql');
  });

  it('given the system schemas, when databases are listed, then they are excluded by a bound list', async () => {
    const { driver, calls } = scriptedDriver([[{ name: 'chinook' }, { name: 'sakila' }]]);
    const connector = createMysqlConnector(options, driver);
    expect(await connector.listDatabases()).toEqual(['chinook', 'sakila']);
    expect(calls[0]).toMatchObject({
      sql: DATABASES_SQL,
      values: [['information_schema', 'mysql', 'performance_schema', 'sys']],
    });
  });

  it('given a wrong password, when called, then AUTH_FAILED without the password or driver text', async () => {
    const { driver } = scriptedDriver([driverError('ER_ACCESS_DENIED_ERROR')]);
    const connector = createMysqlConnector(options, driver);
    const error = await connector.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect((error as Error).message).not.toContain('pw-never-shown');
    expect((error as Error).message).not.toContain('using password');
  });

  it('given an idle connection the server dropped, when a read runs, then it is retried once on a fresh one', async () => {
    const { driver, calls } = scriptedDriver([driverError('PROTOCOL_CONNECTION_LOST'), [{ name: 'sakila' }]]);
    const connector = createMysqlConnector(options, driver);
    expect(await connector.listDatabases()).toEqual(['sakila']);
    expect(calls).toHaveLength(2);
  });

  it('given a server that stays gone, when a read runs, then it fails as transient UNREACHABLE', async () => {
    const { driver } = scriptedDriver([driverError('ECONNRESET'), driverError('ECONNREFUSED')]);
    const connector = createMysqlConnector(options, driver);
    await expect(connector.listDatabases()).rejects.toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
  });

  it('given an unknown database, when its tables are listed, then DATABASE_NOT_FOUND before any table query', async () => {
    const { driver, calls } = scriptedDriver([[]]);
    const connector = createMysqlConnector(options, driver);
    await expect(connector.listTables('nope')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    expect(calls).toHaveLength(1);
  });

  it('given a connector, when closed twice, then the pool ends once and later calls fail', async () => {
    const { driver, ended } = scriptedDriver([]);
    const connector = createMysqlConnector(options, driver);
    await connector.close();
    await connector.close();
    expect(ended()).toBe(1);
    await expect(connector.listDatabases()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
  });

  it('given bad options, when created, then INVALID_OPTIONS and no pool', () => {
    const { driver, configs } = scriptedDriver([]);
    expect(() => createMysqlConnector({ ...options, port: -1 }, driver)).toThrow(ConnectorError);
    expect(configs).toHaveLength(0);
  });
});
