import { ConnectorError } from '../spi';
import { openMysqlConnector } from './open-mysql-connector';
import { type MysqlDriver, type MysqlPoolConfig } from './mysql-pool';

function recordingDriver() {
  const configs: MysqlPoolConfig[] = [];
  const driver: MysqlDriver = {
    createPool(config) {
      configs.push(config);
      return { query: async () => [], execute: async () => [], end: async () => undefined };
    },
  };
  return { driver, configs };
}

describe('openMysqlConnector', () => {
  it('given stored details with every option, when opened, then the pool gets them and the password', () => {
    const { driver, configs } = recordingDriver();
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const connector = openMysqlConnector(
      {
        host: 'db.example',
        port: 3307,
        database: 'sakila',
        username: 'app',
        options: { tls: 'verify', ca, connectTimeoutMs: 1000, queryTimeoutMs: 2000, poolSize: 2 },
      },
      'hunter2',
      driver,
    );
    expect(connector.provider).toBe('mysql');
    expect(configs[0]).toMatchObject({
      host: 'db.example',
      port: 3307,
      database: 'sakila',
      user: 'app',
      password: 'hunter2',
      connectTimeout: 1000,
      connectionLimit: 2,
      ssl: { rejectUnauthorized: true, ca },
    });
  });

  it("given tls 'required', when opened, then TLS is demanded; without tls it is off", () => {
    const { driver, configs } = recordingDriver();
    openMysqlConnector({ host: 'h', username: 'u', options: { tls: 'required' } }, undefined, driver);
    openMysqlConnector({ host: 'h', username: 'u' }, undefined, driver);
    expect(configs[0].ssl).toEqual({ rejectUnauthorized: false });
    expect(configs[1]).not.toHaveProperty('ssl');
  });

  it.each([
    [{ username: 'u' }, /host/],
    [{ host: 'h', username: 'u', options: { readOnly: true } }, /readOnly/],
    [{ host: 'h', username: 'u', options: { tls: 'preferred' } }, /tls/],
    [{ host: 'h', username: 'u', options: { tls: 'required', ca: 'x' } }, /ca/],
    [{ host: 'h', username: 'u', options: { poolSize: '3' } }, /poolSize/],
  ])('given details %p, when opened, then INVALID_OPTIONS (%p) without the password', (details, message) => {
    const { driver } = recordingDriver();
    const open = () => openMysqlConnector(details, 'hunter2', driver);
    expect(open).toThrow(ConnectorError);
    expect(open).toThrow(message);
    expect(open).toThrow(expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }));
    expect(open).not.toThrow(/hunter2/);
  });
});
