import { ConnectorError } from '../spi';
import { resolveMysqlOptions } from './mysql-options';

const base = { host: 'db.example', user: 'app', password: 'pw-never-shown' };

describe('resolveMysqlOptions', () => {
  it('given only host and user, when resolved, then defaults apply and TLS is off', () => {
    const { pool, queryTimeoutMs, label } = resolveMysqlOptions(base);
    expect(pool).toMatchObject({
      host: 'db.example',
      port: 3306,
      user: 'app',
      password: 'pw-never-shown',
      connectTimeout: 10_000,
      connectionLimit: 5,
      multipleStatements: false,
      dateStrings: true,
      decimalNumbers: false,
    });
    expect(pool).not.toHaveProperty('ssl');
    expect(pool).not.toHaveProperty('database');
    expect(queryTimeoutMs).toBe(30_000);
    expect(label).toBe('db.example:3306');
  });

  it('given every option, when resolved, then the pool gets them', () => {
    const { pool, queryTimeoutMs } = resolveMysqlOptions({
      ...base,
      port: 3307,
      database: 'sakila',
      connectTimeoutMs: 1_000,
      queryTimeoutMs: 2_000,
      poolSize: 3,
    });
    expect(pool).toMatchObject({ port: 3307, database: 'sakila', connectTimeout: 1_000, connectionLimit: 3 });
    expect(queryTimeoutMs).toBe(2_000);
  });

  it("given tls 'required', when resolved, then TLS is demanded without a certificate check", () => {
    expect(resolveMysqlOptions({ ...base, tls: 'required' }).pool.ssl).toEqual({ rejectUnauthorized: false });
  });

  it('given tls verify with a CA, when resolved, then the certificate is checked against it', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(resolveMysqlOptions({ ...base, tls: { mode: 'verify', ca } }).pool.ssl).toEqual({
      rejectUnauthorized: true,
      ca,
    });
    expect(resolveMysqlOptions({ ...base, tls: { mode: 'verify' } }).pool.ssl).toEqual({
      rejectUnauthorized: true,
    });
  });

  it.each([
    [{ ...base, host: ' ' }, 'host'],
    [{ ...base, host: 'db.example:3306' }, 'host'],
    [{ ...base, host: 'mysql://app:pw-never-shown@db/shop' }, 'host'],
    [{ ...base, host: 'bad host' }, 'host'],
    [{ ...base, user: '' }, 'user'],
    [{ ...base, port: 0 }, 'port'],
    [{ ...base, port: 70_000 }, 'port'],
    [{ ...base, connectTimeoutMs: -1 }, 'connectTimeoutMs'],
    [{ ...base, queryTimeoutMs: 1.5 }, 'queryTimeoutMs'],
    [{ ...base, poolSize: 0 }, 'poolSize'],
    [{ ...base, tls: 'prefer' as never }, 'tls'],
    [{ ...base, tls: { mode: 'verify' as const, ca: 'not a pem' } }, 'ca'],
  ])(
    'given bad options %p, when resolved, then INVALID_OPTIONS names %p and not the password',
    (options, name) => {
      let thrown: unknown;
      try {
        resolveMysqlOptions(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConnectorError);
      expect(thrown).toMatchObject({ code: 'CONNECTOR.INVALID_OPTIONS' });
      expect((thrown as Error).message).toContain(name);
      expect((thrown as Error).message).not.toContain('pw-never-shown');
    },
  );
});
