import { checkPostgresDetails } from './open-postgres-connector';
import { resolvePostgresOptions } from './postgres-options';

const BASE = { host: 'db.example.com', user: 'app', password: 's3cr3t!' };

describe('resolvePostgresOptions', () => {
  it('given the least options, when resolved, then the defaults apply and sessions run in UTC', () => {
    const { pool, database, databaseNamed, label } = resolvePostgresOptions(BASE);
    expect(pool).toMatchObject({
      host: 'db.example.com',
      port: 5432,
      ssl: false,
      max: 5,
      connectionTimeoutMillis: 10_000,
      statement_timeout: 30_000,
      options: '-c TimeZone=UTC',
    });
    expect({ database, databaseNamed, label }).toEqual({
      database: 'postgres',
      databaseNamed: false,
      label: 'db.example.com:5432',
    });
  });

  it('given a database written as an address, when resolved, then the pool connects to its database part', () => {
    expect(resolvePostgresOptions({ ...BASE, database: 'shop/sales' })).toMatchObject({
      database: 'shop',
      databaseNamed: true,
    });
  });

  it.each([
    ['required' as const, { rejectUnauthorized: false }],
    [{ mode: 'verify' as const }, { rejectUnauthorized: true }],
  ])('given tls %o, when resolved, then TLS is %o and never downgraded', (tls, ssl) => {
    expect(resolvePostgresOptions({ ...BASE, tls }).pool.ssl).toEqual(ssl);
  });

  it.each([
    [{ port: 0 }, /port/],
    [{ poolSize: 0 }, /poolSize/],
    [{ queryTimeoutMs: 1.5 }, /queryTimeoutMs/],
    [{ host: 'bad host name' }, /host/],
    [{ tls: { mode: 'verify' as const, ca: 'not a pem' } }, /ca/],
  ])('given %o, when resolved, then it is INVALID_OPTIONS naming it without the password', (bad, message) => {
    const error = (() => {
      try {
        resolvePostgresOptions({ ...BASE, ...bad });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toMatchObject({
      code: 'CONNECTOR.INVALID_OPTIONS',
      message: expect.stringMatching(message),
    });
    expect(error?.message).not.toContain('s3cr3t!');
  });
});

describe('checkPostgresDetails', () => {
  it('given an unknown option, when checked, then it is refused rather than ignored', () => {
    expect(() => checkPostgresDetails({ host: 'h', username: 'u', options: { sslmode: 'require' } })).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });

  it("given a ca without tls 'verify', when checked, then it is refused", () => {
    expect(() =>
      checkPostgresDetails({
        host: 'h',
        username: 'u',
        options: { tls: 'required', ca: '-----BEGIN CERTIFICATE-----' },
      }),
    ).toThrow(expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }));
  });

  it('given a host and a user, when checked, then they pass', () => {
    expect(() =>
      checkPostgresDetails({ host: 'h', username: 'u', options: { tls: 'verify' } }),
    ).not.toThrow();
  });
});
