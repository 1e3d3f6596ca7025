import { ConnectorError } from '../spi';
import { mssqlLabel, resolveMssqlOptions } from './mssql-options';
import { tediousConfiguration } from './tedious-driver';

const base = { server: 'db.example.com', user: 'app', password: 's3cr3t!' };

describe('resolveMssqlOptions', () => {
  it('given only server and user, when resolved, then TLS is on and verified, port 1433, pool 10', () => {
    expect(resolveMssqlOptions(base)).toEqual({
      server: 'db.example.com',
      port: 1433,
      user: 'app',
      password: 's3cr3t!',
      encrypt: true,
      trustServerCertificate: false,
      connectTimeoutMs: 15_000,
      requestTimeoutMs: 15_000,
      poolSize: 10,
    });
  });

  it('given an instance name, when resolved, then there is no port and tedious gets the instance', () => {
    const resolved = resolveMssqlOptions({ ...base, instanceName: 'SQLEXPRESS', database: 'Chinook' });
    expect(resolved.port).toBeUndefined();
    expect(tediousConfiguration(resolved).options).toMatchObject({
      instanceName: 'SQLEXPRESS',
      database: 'Chinook',
    });
    expect(tediousConfiguration(resolved).options).not.toHaveProperty('port');
    expect(mssqlLabel(resolved)).toBe('db.example.com\\SQLEXPRESS/Chinook');
  });

  it('given encrypt off or a trusted certificate, when configured, then tedious gets exactly that', () => {
    const options = tediousConfiguration(
      resolveMssqlOptions({ ...base, encrypt: false, trustServerCertificate: true, requestTimeoutMs: 500 }),
    ).options;
    expect(options).toMatchObject({
      encrypt: false,
      trustServerCertificate: true,
      requestTimeout: 500,
      port: 1433,
    });
  });

  it.each([
    [{ ...base, port: 1500, instanceName: 'X' }],
    [{ ...base, port: 0 }],
    [{ ...base, server: ' ' }],
    [{ ...base, server: 'db.example.com:1433:junk' }],
    [{ ...base, server: '[::1' }],
    [{ ...base, server: 'a'.repeat(300) }],
    [{ ...base, user: '' }],
    [{ ...base, poolSize: 0 }],
    [{ ...base, connectTimeoutMs: -1 }],
    [{ ...base, requestTimeoutMs: 1.5 }],
    [{ ...base, encrypt: 'yes' as unknown as boolean }],
  ])('given %p, when resolved, then it is refused as INVALID_OPTIONS without the password', (options) => {
    let thrown: unknown;
    try {
      resolveMssqlOptions(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    expect(thrown).toMatchObject({ code: 'CONNECTOR.INVALID_OPTIONS' });
    expect((thrown as Error).message).not.toContain('s3cr3t!');
  });

  it('given resolved options, when labelled, then the label never carries the password', () => {
    expect(mssqlLabel(resolveMssqlOptions({ ...base, database: 'Chinook' }))).toBe(
      'db.example.com:1433/Chinook',
    );
  });
});
