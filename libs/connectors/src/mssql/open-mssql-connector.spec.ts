import { type ResolvedMssqlOptions } from './mssql-options';
import { FakeMssqlServer } from './mssql-fake-driver';
import { openMssqlConnector } from './open-mssql-connector';

describe('openMssqlConnector', () => {
  it('given stored details with an instance and TLS options, when opened, then the driver gets exactly them', async () => {
    let seen: ResolvedMssqlOptions | undefined;
    const connector = openMssqlConnector(
      {
        host: 'db.example.com',
        database: 'Chinook',
        username: 'app',
        options: {
          instanceName: 'SQLEXPRESS',
          trustServerCertificate: true,
          requestTimeoutMs: 2000,
          poolSize: 3,
        },
      },
      's3cr3t!',
      (options) => {
        seen = options;
        return new FakeMssqlServer().factory;
      },
    );
    expect(connector.provider).toBe('mssql');
    expect(seen).toMatchObject({
      server: 'db.example.com',
      instanceName: 'SQLEXPRESS',
      encrypt: true,
      trustServerCertificate: true,
      requestTimeoutMs: 2000,
      poolSize: 3,
      password: 's3cr3t!',
    });
    expect(seen).not.toHaveProperty('port');
    await connector.close();
  });

  it.each([
    [{ username: 'app' }],
    [{ host: 'h', username: 'app', options: { tls: 'on' } }],
    [{ host: 'h', username: 'app', options: { encrypt: 'false' } }],
    [{ host: 'h', username: 'app', port: 1433, options: { instanceName: 'X' } }],
  ])('given %p, when opened, then it is INVALID_OPTIONS', (details) => {
    expect(() => openMssqlConnector(details, 'pw', () => new FakeMssqlServer().factory)).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });
});
