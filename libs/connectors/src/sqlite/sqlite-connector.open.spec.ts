/** Which files the connector agrees to open, and how opening and using it fails. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ConnectorError } from '../spi';
import { createSqliteConnector, type SqliteConnectorOptions } from './sqlite-connector';
import { nodeSqliteDriver, type SqliteDriver } from './sqlite-database';

describe('SQLite connector: opening', () => {
  let base: string;
  let root: string;
  let outside: string;
  let opened: string[];
  const driver: SqliteDriver = {
    open(file, options) {
      opened.push(file);
      return nodeSqliteDriver.open(file, options);
    },
  };

  const createDatabase = (file: string) => {
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    db.close();
  };
  const open = (options: Omit<SqliteConnectorOptions, 'root'>) =>
    createSqliteConnector({ root, ...options }, driver);
  const openFails = (options: Omit<SqliteConnectorOptions, 'root'>): ConnectorError => {
    try {
      open(options);
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      return error as ConnectorError;
    }
    throw new Error('expected the connector to refuse');
  };

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ib-sqlite-open-'));
    root = join(base, 'databases');
    outside = join(base, 'elsewhere');
    mkdirSync(join(root, 'nested'), { recursive: true });
    mkdirSync(outside);
    createDatabase(join(root, 'shop.sqlite'));
    createDatabase(join(root, 'nested', 'deep.sqlite'));
    createDatabase(join(outside, 'secret.sqlite'));
    symlinkSync(join(outside, 'secret.sqlite'), join(root, 'link-out.sqlite'));
    symlinkSync(outside, join(root, 'folder-out'));
    symlinkSync(join(root, 'shop.sqlite'), join(root, 'link-in.sqlite'));
    writeFileSync(join(root, 'notes.txt'), 'plain text, not a database '.repeat(20));
  });

  beforeEach(() => {
    opened = [];
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([
    ['a .. segment', '../elsewhere/secret.sqlite'],
    ['a .. segment after a folder', 'nested/../../elsewhere/secret.sqlite'],
    ['a symbolic link to a file outside', 'link-out.sqlite'],
    ['a symbolic link to a folder outside', 'folder-out/secret.sqlite'],
    ['a missing file behind a folder link (no existence oracle)', 'folder-out/missing.sqlite'],
    ['a NUL byte', 'shop.sqlite\0.txt'],
  ])('given a path with %s, when opened, then PATH_NOT_ALLOWED before any file is opened', (_why, path) => {
    expect(openFails({ path }).code).toBe('CONNECTOR.PATH_NOT_ALLOWED');
    expect(opened).toEqual([]);
  });

  it('given an absolute path outside the folder, when opened, then PATH_NOT_ALLOWED', () => {
    expect(openFails({ path: join(outside, 'secret.sqlite') }).code).toBe('CONNECTOR.PATH_NOT_ALLOWED');
    expect(openFails({ path: '/etc/passwd' }).code).toBe('CONNECTOR.PATH_NOT_ALLOWED');
    expect(opened).toEqual([]);
  });

  it('given a path that refuses, when the message is read, then it does not reveal the folder', () => {
    expect(openFails({ path: '../elsewhere/secret.sqlite' }).message).not.toContain(base);
  });

  it.each([['shop.sqlite'], ['nested/deep.sqlite'], ['nested/../shop.sqlite'], ['link-in.sqlite']])(
    'given %p inside the folder, when opened, then the connector works',
    async (path) => {
      const connector = open({ path });
      expect(await connector.listTables('main')).toEqual([{ schema: 'main', name: 't', kind: 'table' }]);
      await connector.close();
    },
  );

  it('given an absolute path inside the folder, when opened, then the connector works', async () => {
    const connector = open({ path: join(root, 'shop.sqlite') });
    expect((await connector.testConnection()).ok).toBe(true);
    await connector.close();
  });

  it('given a missing file, when opened, then DATABASE_NOT_FOUND and no file is created', () => {
    expect(openFails({ path: 'missing.sqlite' }).code).toBe('CONNECTOR.DATABASE_NOT_FOUND');
    expect(openFails({ path: 'no-folder/missing.sqlite' }).code).toBe('CONNECTOR.DATABASE_NOT_FOUND');
    expect(existsSync(join(root, 'missing.sqlite'))).toBe(false);
    expect(opened).toEqual([]);
  });

  it('given a folder, when opened as a database, then DATABASE_NOT_FOUND', () => {
    expect(openFails({ path: 'nested' }).code).toBe('CONNECTOR.DATABASE_NOT_FOUND');
  });

  it('given a file that is not a database, when opened, then DATABASE_NOT_FOUND says so', () => {
    const error = openFails({ path: 'notes.txt' });
    expect(error.code).toBe('CONNECTOR.DATABASE_NOT_FOUND');
    expect(error.message).toContain('not an SQLite database');
  });

  it('given a missing databases folder, when opened, then DATABASE_NOT_FOUND', () => {
    expect(() => createSqliteConnector({ root: join(base, 'nope'), path: 'shop.sqlite' })).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.DATABASE_NOT_FOUND' }),
    );
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 31]])(
    'given timeoutMs %p, when opened, then INVALID_OPTIONS',
    (timeoutMs) => {
      expect(openFails({ path: 'shop.sqlite', timeoutMs }).code).toBe('CONNECTOR.INVALID_OPTIONS');
    },
  );

  it('given an empty path, when opened, then INVALID_OPTIONS', () => {
    expect(openFails({ path: '' }).code).toBe('CONNECTOR.INVALID_OPTIONS');
  });

  it('given the connector, when it introspects, then it left no journal or other file behind', async () => {
    const before = readdirSync(root).sort();
    const connector = open({ path: 'shop.sqlite' });
    await connector.describe('main', ['t']);
    await connector.close();
    expect(readdirSync(root).sort()).toEqual(before);
  });

  it('given a writer holding an exclusive lock, when the connector reads, then TIMEOUT, transient, after timeoutMs', async () => {
    const connector = open({ path: 'shop.sqlite', timeoutMs: 50 });
    const writer = new DatabaseSync(join(root, 'shop.sqlite'));
    writer.exec('BEGIN EXCLUSIVE');
    try {
      await expect(connector.listTables('main')).rejects.toMatchObject({
        code: 'CONNECTOR.TIMEOUT',
        transient: true,
      });
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      await connector.close();
    }
  });

  it('given a closed connector, when used, then UNREACHABLE; closing again is harmless', async () => {
    const connector = open({ path: 'shop.sqlite' });
    await connector.close();
    await connector.close();
    await expect(connector.listDatabases()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
  });
});
