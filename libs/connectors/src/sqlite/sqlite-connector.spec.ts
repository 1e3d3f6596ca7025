/**
 * Runs the connector against real databases (SQLite is embedded, so these stay unit specs): the
 * Chinook file and the Sakila schema from ../shared/fixtures, each copied or built in a temp folder.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Connector, type TableInfo } from '../spi';
import { createSqliteConnector } from './sqlite-connector';
import { nodeSqliteDriver, type SqliteDriver } from './sqlite-database';

const REPO_ROOT = resolve(__dirname, '../../../..');
const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');
const CHINOOK = join(FIXTURES, 'chinook/Chinook_Sqlite.sqlite');
const SAKILA_SCHEMA = join(FIXTURES, 'sakila/sqlite-sakila-schema.sql');

const table = (tables: readonly TableInfo[], name: string) => {
  const found = tables.find((info) => info.name === name);
  if (!found) throw new Error(`${name} not described`);
  return found;
};
const column = (info: TableInfo, name: string) => {
  const found = info.columns.find((col) => col.name === name);
  if (!found) throw new Error(`${info.name}.${name} not described`);
  return found;
};

/** The real driver, counting the statements it prepares. */
function countingDriver(): { driver: SqliteDriver; statements: () => number } {
  let statements = 0;
  const driver: SqliteDriver = {
    open(file, options) {
      const db = nodeSqliteDriver.open(file, options);
      return {
        prepare: (sql) => {
          statements++;
          return db.prepare(sql);
        },
        close: () => db.close(),
      };
    },
  };
  return { driver, statements: () => statements };
}

describe('SQLite connector on Chinook', () => {
  let root: string;
  let connector: Connector;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-chinook-'));
    copyFileSync(CHINOOK, join(root, 'chinook.sqlite'));
    connector = createSqliteConnector({ root, path: 'chinook.sqlite' });
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('given an open database, when the connection is tested, then it reports the SQLite version and a latency', async () => {
    const result = await connector.testConnection();
    expect(result).toEqual({
      ok: true,
      serverVersion: expect.stringMatching(/^3\.\d+\.\d+$/),
      latencyMs: expect.any(Number),
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('given a database file, when databases are listed, then there is main', async () => {
    expect(await connector.listDatabases()).toEqual(['main']);
  });

  it('given main, when tables are listed, then the 11 tables come sorted, without estimates (never analyzed)', async () => {
    const tables = await connector.listTables('main');
    expect(tables.map((t) => t.name)).toEqual([
      'Album',
      'Artist',
      'Customer',
      'Employee',
      'Genre',
      'Invoice',
      'InvoiceLine',
      'MediaType',
      'Playlist',
      'PlaylistTrack',
      'Track',
    ]);
    expect(
      tables.every((t) => t.schema === 'main' && t.kind === 'table' && t.rowEstimate === undefined),
    ).toBe(true);
  });

  it('given Album, when described, then it has its typed columns, the rowid alias key, its foreign key and index', async () => {
    const [album] = await connector.describe('main', ['Album']);
    expect(album).toEqual({
      schema: 'main',
      name: 'Album',
      kind: 'table',
      columns: [
        { name: 'AlbumId', nativeType: 'INTEGER', kind: 'Integer', nullable: false, autoIncrement: true },
        {
          name: 'Title',
          nativeType: 'NVARCHAR(160)',
          kind: 'Text',
          length: 160,
          nullable: false,
          autoIncrement: false,
        },
        { name: 'ArtistId', nativeType: 'INTEGER', kind: 'Integer', nullable: false, autoIncrement: false },
      ],
      primaryKey: ['AlbumId'],
      foreignKeys: [{ columns: ['ArtistId'], referencedTable: 'Artist', referencedColumns: ['ArtistId'] }],
      indexes: [{ name: 'IFK_AlbumArtistId', columns: ['ArtistId'], unique: false }],
    });
  });

  it('given several tables, when described at once, then each comes back in the order asked', async () => {
    const tables = await connector.describe('main', ['Track', 'PlaylistTrack', 'Invoice', 'Employee']);
    expect(tables.map((t) => t.name)).toEqual(['Track', 'PlaylistTrack', 'Invoice', 'Employee']);

    const track = table(tables, 'Track');
    expect(track.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['Album', 'Genre', 'MediaType']);
    expect(column(track, 'Composer')).toMatchObject({ kind: 'Text', length: 220, nullable: true });
    expect(column(track, 'UnitPrice')).toMatchObject({
      kind: 'Decimal',
      precision: 10,
      scale: 2,
      nullable: false,
    });

    const playlistTrack = table(tables, 'PlaylistTrack');
    expect(playlistTrack.primaryKey).toEqual(['PlaylistId', 'TrackId']);
    expect(playlistTrack.columns.some((c) => c.autoIncrement)).toBe(false);
    expect(playlistTrack.indexes[0]).toEqual({
      name: 'sqlite_autoindex_PlaylistTrack_1',
      columns: ['PlaylistId', 'TrackId'],
      unique: true,
    });

    const invoice = table(tables, 'Invoice');
    expect(column(invoice, 'InvoiceDate')).toMatchObject({
      nativeType: 'DATETIME',
      kind: 'DateTime',
      nullable: false,
    });
    expect(column(invoice, 'BillingState')).toMatchObject({ kind: 'Text', nullable: true });

    const employee = table(tables, 'Employee');
    expect(employee.foreignKeys).toEqual([
      { columns: ['ReportsTo'], referencedTable: 'Employee', referencedColumns: ['EmployeeId'] },
    ]);
  });

  it('given an unknown table among known ones, when described, then TABLE_NOT_FOUND names it', async () => {
    await expect(connector.describe('main', ['Album', 'Albums'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
      message: expect.stringContaining('"Albums"'),
    });
  });

  it('given a table name in another case than listed, when described, then it is not found (names match exactly)', async () => {
    await expect(connector.describe('main', ['album'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
    });
  });

  it('given an unknown database, when tables are listed or described, then DATABASE_NOT_FOUND', async () => {
    await expect(connector.listTables('chinook')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await expect(connector.describe('x".sqlite_schema --', ['Album'])).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
  });

  it('given no tables, when described, then the answer is empty', async () => {
    expect(await connector.describe('main', [])).toEqual([]);
  });

  it('given 1 table or all 11, when described, then the same number of catalog queries runs (set-based)', async () => {
    const { driver, statements } = countingDriver();
    const counted = createSqliteConnector({ root, path: 'chinook.sqlite' }, driver);
    try {
      const all = (await counted.listTables('main')).map((t) => t.name);
      const before = statements();
      await counted.describe('main', ['Album']);
      const forOne = statements() - before;
      await counted.describe('main', all);
      const forAll = statements() - before - forOne;
      expect(forAll).toBe(forOne);
      expect(forOne).toBeLessThanOrEqual(8);
    } finally {
      await counted.close();
    }
  });

  it('given a database that was introspected, when the file is compared, then not one byte changed (read-only)', async () => {
    const before = readFileSync(join(root, 'chinook.sqlite'));
    const reader = createSqliteConnector({ root, path: 'chinook.sqlite' });
    await reader.describe(
      'main',
      (await reader.listTables('main')).map((t) => t.name),
    );
    await reader.close();
    expect(readFileSync(join(root, 'chinook.sqlite')).equals(before)).toBe(true);
  });

  it('given statistics from ANALYZE, when tables are listed, then each table has its row estimate', async () => {
    copyFileSync(CHINOOK, join(root, 'analyzed.sqlite'));
    const writer = new DatabaseSync(join(root, 'analyzed.sqlite'));
    writer.exec('ANALYZE');
    writer.close();
    const analyzed = createSqliteConnector({ root, path: 'analyzed.sqlite' });
    try {
      const tables = await analyzed.listTables('main');
      expect(tables.find((t) => t.name === 'Album')?.rowEstimate).toBe(347);
      expect(tables.find((t) => t.name === 'Track')?.rowEstimate).toBe(3503);
      expect((await analyzed.describe('main', ['PlaylistTrack']))[0].rowEstimate).toBe(8715);
    } finally {
      await analyzed.close();
    }
  });
});

describe('SQLite connector on Sakila', () => {
  let root: string;
  let connector: Connector;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-sakila-'));
    const db = new DatabaseSync(join(root, 'sakila.sqlite'));
    db.exec(readFileSync(SAKILA_SCHEMA, 'utf8'));
    db.close();
    connector = createSqliteConnector({ root, path: 'sakila.sqlite' });
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('given the schema, when tables are listed, then the 16 tables and 5 views come with their kind', async () => {
    const tables = await connector.listTables('main');
    expect(tables.filter((t) => t.kind === 'table')).toHaveLength(16);
    expect(tables.filter((t) => t.kind === 'view').map((t) => t.name)).toEqual([
      'customer_list',
      'film_list',
      'sales_by_film_category',
      'sales_by_store',
      'staff_list',
    ]);
  });

  it('given film, when described, then decimals, literal defaults, DEFAULT NULL and affinity-mapped types come out right', async () => {
    const [film] = await connector.describe('main', ['film']);
    expect(column(film, 'film_id')).toMatchObject({ kind: 'Integer', autoIncrement: true, nullable: false });
    expect(column(film, 'rental_rate')).toEqual({
      name: 'rental_rate',
      nativeType: 'DECIMAL(4,2)',
      kind: 'Decimal',
      precision: 4,
      scale: 2,
      nullable: false,
      defaultValue: '4.99',
      defaultIsExpression: false,
      autoIncrement: false,
    });
    expect(column(film, 'rating')).toMatchObject({
      kind: 'Text',
      length: 10,
      defaultValue: 'G',
      defaultIsExpression: false,
    });
    expect(column(film, 'rental_duration')).toMatchObject({
      nativeType: 'SMALLINT',
      kind: 'Integer',
      defaultValue: '3',
    });
    expect(column(film, 'original_language_id')).toEqual({
      name: 'original_language_id',
      nativeType: 'INT',
      kind: 'Integer',
      nullable: true,
      autoIncrement: false,
    });
    expect(column(film, 'description')).toMatchObject({ nativeType: 'BLOB SUB_TYPE TEXT', kind: 'Text' });
    expect(column(film, 'last_update')).toMatchObject({ kind: 'DateTime', nullable: false });
    expect(film.indexes.map((i) => i.name)).toEqual(['idx_fk_language_id', 'idx_fk_original_language_id']);
  });

  it('given film_actor, when described, then its composite key and both foreign keys come in declaration order', async () => {
    const [filmActor] = await connector.describe('main', ['film_actor']);
    expect(filmActor.primaryKey).toEqual(['actor_id', 'film_id']);
    expect(filmActor.foreignKeys).toEqual([
      { columns: ['actor_id'], referencedTable: 'actor', referencedColumns: ['actor_id'] },
      { columns: ['film_id'], referencedTable: 'film', referencedColumns: ['film_id'] },
    ]);
    expect(filmActor.indexes).toEqual([
      { name: 'sqlite_autoindex_film_actor_1', columns: ['actor_id', 'film_id'], unique: true },
      { name: 'idx_fk_film_actor_actor', columns: ['actor_id'], unique: false },
      { name: 'idx_fk_film_actor_film', columns: ['film_id'], unique: false },
    ]);
  });

  it('given rental and a view, when described together, then the unique index keeps its column order and the view has no key', async () => {
    const [rental, customerList] = await connector.describe('main', ['rental', 'customer_list']);
    expect(rental.indexes).toContainEqual({
      name: 'idx_rental_uq',
      columns: ['rental_date', 'inventory_id', 'customer_id'],
      unique: true,
    });
    expect(column(rental, 'return_date')).toMatchObject({ kind: 'DateTime', nullable: true });
    expect(customerList).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [], indexes: [] });
    expect(customerList.columns.map((c) => c.name)).toEqual([
      'ID',
      'name',
      'address',
      'zip_code',
      'phone',
      'city',
      'country',
      'notes',
      'SID',
    ]);
  });

  it('given customer, when described, then its CHAR(1) default literal and its foreign keys are there', async () => {
    const [customer] = await connector.describe('main', ['customer']);
    expect(column(customer, 'active')).toMatchObject({
      kind: 'Text',
      length: 1,
      defaultValue: 'Y',
      nullable: false,
    });
    expect(column(customer, 'email')).toMatchObject({ nullable: true });
    expect(customer.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['store', 'address']);
  });
});
