import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type ConnectorConfig, openConnector } from './connector-factory';

describe('openConnector', () => {
  let sqliteRoot: string;

  beforeAll(() => {
    sqliteRoot = mkdtempSync(join(tmpdir(), 'ib-connector-factory-'));
    const db = new DatabaseSync(join(sqliteRoot, 'shop.sqlite'));
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    db.close();
  });

  afterAll(() => rmSync(sqliteRoot, { recursive: true, force: true }));

  const config = (overrides: Partial<ConnectorConfig>): ConnectorConfig => ({
    provider: 'sqlite',
    details: { path: 'shop.sqlite' },
    sqliteRoot,
    ...overrides,
  });

  it('given an SQLite connection, when opened, then an sqlite connector reads its database', async () => {
    const connector = openConnector(
      config({ details: { path: 'shop.sqlite', options: { timeoutMs: 1000 } } }),
    );
    try {
      expect(connector.provider).toBe('sqlite');
      expect(await connector.listTables('main')).toEqual([
        { schema: 'main', name: 'customers', kind: 'table' },
      ]);
    } finally {
      await connector.close();
    }
  });

  it('given an SQLite connection without a path, when opened, then INVALID_OPTIONS', () => {
    expect(() => openConnector(config({ details: { database: 'shop' } }))).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });

  it('given an SQLite option the connector does not know, when opened, then INVALID_OPTIONS names it', () => {
    expect(() =>
      openConnector(config({ details: { path: 'shop.sqlite', options: { readOnly: false } } })),
    ).toThrow(
      expect.objectContaining({
        code: 'CONNECTOR.INVALID_OPTIONS',
        message: expect.stringContaining('readOnly'),
      }),
    );
    expect(() =>
      openConnector(config({ details: { path: 'shop.sqlite', options: { timeoutMs: '5' } } })),
    ).toThrow(expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }));
  });

  it('given an SQLite path leaving the databases folder, when opened, then PATH_NOT_ALLOWED', () => {
    expect(() => openConnector(config({ details: { path: '../shop.sqlite' } }))).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.PATH_NOT_ALLOWED' }),
    );
  });

  it.each([['mysql'], ['mssql'], ['postgres']] as const)(
    'given a %s connection, when opened, then its connector comes back without connecting yet',
    async (provider) => {
      const connector = openConnector(
        config({ provider, details: { host: '127.0.0.1', port: 9, username: 'app' }, password: 'hunter2' }),
      );
      expect(connector.provider).toBe(provider);
      expect(connector.data).toBeDefined();
      await connector.close();
    },
  );

  it.each([['mysql'], ['mssql'], ['postgres']] as const)(
    'given a %s connection with an option it does not know, when opened, then INVALID_OPTIONS without the password',
    (provider) => {
      const open = () =>
        openConnector(
          config({
            provider,
            details: { host: 'db', username: 'app', options: { noSuchOption: true } },
            password: 'hunter2',
          }),
        );
      expect(open).toThrow(expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }));
      expect(open).not.toThrow(/hunter2/);
    },
  );

  it('given a provider stored JSON cannot promise, when opened, then UNSUPPORTED_PROVIDER', () => {
    expect(() => openConnector(config({ provider: 'db2' as never }))).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.UNSUPPORTED_PROVIDER' }),
    );
  });
});
