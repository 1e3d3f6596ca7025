import { ConnectorError } from '../spi';
import { FakeOracleServer } from './oracle-fake-driver';
import {
  oracleConnectString,
  oracleLabel,
  resolveOracleOptions,
  type ResolvedOracleOptions,
} from './oracle-options';
import { oracledbAttributes } from './oracledb-driver';
import { openOracleConnector } from './open-oracle-connector';

const base = { host: 'db.example.com', serviceName: 'FREEPDB1', user: 'hr', password: 's3cr3t!' };

describe('resolveOracleOptions', () => {
  it('given host, service and user, when resolved, then port 1521, no TLS, pool 10 and the Easy Connect string host:port/service', () => {
    const resolved = resolveOracleOptions(base);
    expect(resolved).toEqual({
      host: 'db.example.com',
      port: 1521,
      serviceName: 'FREEPDB1',
      user: 'hr',
      password: 's3cr3t!',
      tls: false,
      connectTimeoutMs: 15_000,
      callTimeoutMs: 30_000,
      poolSize: 10,
    });
    expect(oracleConnectString(resolved)).toBe('db.example.com:1521/FREEPDB1');
    expect(oracleLabel(resolved)).toBe('db.example.com:1521/FREEPDB1');
  });

  it('given TLS, when configured, then the connect string is tcps:// and the server name is checked', () => {
    const resolved = resolveOracleOptions({ ...base, port: 2484, tls: true, connectTimeoutMs: 2500 });
    expect(oracledbAttributes(resolved)).toEqual({
      user: 'hr',
      password: 's3cr3t!',
      connectString: 'tcps://db.example.com:2484/FREEPDB1',
      connectTimeout: 3,
      transportConnectTimeout: 3,
      sslServerDNMatch: true,
    });
  });

  it('given an IPv6 address, when configured, then it is bracketed in the connect string', () => {
    expect(oracleConnectString(resolveOracleOptions({ ...base, host: '::1' }))).toBe('[::1]:1521/FREEPDB1');
  });

  it.each([
    [{ ...base, host: ' ' }],
    [{ ...base, host: 'db.example.com:1521' }],
    [{ ...base, serviceName: '' }],
    [{ ...base, serviceName: 'FREEPDB1?ssl_server_dn_match=off' }],
    [{ ...base, serviceName: 'a/b' }],
    [{ ...base, user: '' }],
    [{ ...base, port: 70_000 }],
    [{ ...base, poolSize: 0 }],
    [{ ...base, callTimeoutMs: 0 }],
    [{ ...base, tls: 'yes' as unknown as boolean }],
  ])('given %p, when resolved, then it is INVALID_OPTIONS without the password', (options) => {
    let thrown: unknown;
    try {
      resolveOracleOptions(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    expect(thrown).toMatchObject({ code: 'CONNECTOR.INVALID_OPTIONS' });
    expect((thrown as Error).message).not.toContain('s3cr3t!');
  });
});

describe('openOracleConnector', () => {
  it('given stored details with the service as database and options, when opened, then the driver gets exactly them', async () => {
    let seen: ResolvedOracleOptions | undefined;
    const connector = openOracleConnector(
      {
        host: 'db.example.com',
        port: 1522,
        database: 'ORCLPDB1',
        username: 'hr',
        options: { tls: true, poolSize: 3 },
      },
      's3cr3t!',
      (options) => {
        seen = options;
        return new FakeOracleServer().factory;
      },
    );
    expect(connector.provider).toBe('oracle');
    expect(seen).toMatchObject({
      host: 'db.example.com',
      port: 1522,
      serviceName: 'ORCLPDB1',
      tls: true,
      poolSize: 3,
      password: 's3cr3t!',
    });
    await connector.close();
  });

  it.each([
    [{ host: 'h', username: 'hr' }],
    [{ database: 'FREEPDB1', username: 'hr' }],
    [{ host: 'h', database: 'FREEPDB1', username: 'hr', options: { encrypt: true } }],
    [{ host: 'h', database: 'FREEPDB1', username: 'hr', options: { tls: 'true' } }],
  ])('given %p, when opened, then it is INVALID_OPTIONS', (details) => {
    expect(() => openOracleConnector(details, 'pw', () => new FakeOracleServer().factory)).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });
});
