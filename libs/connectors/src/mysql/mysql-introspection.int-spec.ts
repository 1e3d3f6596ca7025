import {
  createDatabase,
  dropDatabase,
  loadChinook,
  loadSakila,
  uniqueDatabaseName,
} from '../../../../test/support/mariadb';
import { type Connector, type TableInfo } from '../spi';
import { createMysqlConnector, MysqlSession } from './mysql-connector';
import { resolveMysqlOptions } from './mysql-options';
import { mysql2Driver } from './mysql-pool';
import { adminQuery, HARD_SCHEMA, ODD_TABLE, optionsFromUrl } from './mysql-int-support';

const column = (table: TableInfo, name: string) => table.columns.find((c) => c.name === name);

describe('MySQL connector introspection (MariaDB)', () => {
  const sakila = uniqueDatabaseName('it_sakila');
  const chinook = uniqueDatabaseName('it_chinook');
  const hard = uniqueDatabaseName('it_hard');
  let connector: Connector;

  beforeAll(async () => {
    await Promise.all([createDatabase(sakila), createDatabase(chinook), createDatabase(hard)]);
    await Promise.all([
      loadSakila(sakila),
      loadChinook(chinook),
      adminQuery(`USE \`${hard}\`; ${HARD_SCHEMA}`),
    ]);
    connector = createMysqlConnector(optionsFromUrl());
  }, 120_000);

  afterAll(async () => {
    await connector?.close();
    await Promise.all([dropDatabase(sakila), dropDatabase(chinook), dropDatabase(hard)]);
  });

  it('given a MariaDB server, when the connection is tested, then it reports its version and a latency', async () => {
    const result = await connector.testConnection();
    expect(result.ok).toBe(true);
    expect(result.serverVersion).toMatch(/MariaDB/);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('given loaded databases, when databases are listed, then they appear without the system schemas', async () => {
    const databases = await connector.listDatabases();
    expect(databases).toEqual(expect.arrayContaining([sakila, chinook, hard]));
    for (const system of ['information_schema', 'mysql', 'performance_schema', 'sys']) {
      expect(databases).not.toContain(system);
    }
  });

  it('given Sakila, when its tables are listed, then 16 tables and 7 views', async () => {
    const tables = await connector.listTables(sakila);
    expect(tables.filter((t) => t.kind === 'table')).toHaveLength(16);
    expect(tables.filter((t) => t.kind === 'view').map((t) => t.name)).toEqual([
      'actor_info',
      'customer_list',
      'film_list',
      'nicer_but_slower_film_list',
      'sales_by_film_category',
      'sales_by_store',
      'staff_list',
    ]);
    expect(tables.find((t) => t.name === 'actor')).toMatchObject({
      schema: sakila,
      kind: 'table',
      rowEstimate: 0,
    });
  });

  it('given Sakila, when film, film_actor, address and staff are described, then kinds, keys and defaults are right', async () => {
    const [film, filmActor, address, staff, actorInfo] = await connector.describe(sakila, [
      'film',
      'film_actor',
      'address',
      'staff',
      'actor_info',
    ]);
    expect(film.primaryKey).toEqual(['film_id']);
    // Sakila's MariaDB script declares INT UNSIGNED keys: past a 32-bit integer.
    expect(column(film, 'film_id')).toMatchObject({
      nativeType: 'int(10) unsigned',
      kind: 'LongInteger',
      autoIncrement: true,
      nullable: false,
    });
    expect(column(film, 'title')).toMatchObject({ kind: 'Text', length: 255 });
    expect(column(film, 'rating')).toEqual({
      name: 'rating',
      nativeType: "enum('G','PG','PG-13','R','NC-17')",
      kind: 'Enum',
      enumValues: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
      nullable: true,
      defaultValue: 'G',
      defaultIsExpression: false,
      autoIncrement: false,
    });
    expect(column(film, 'special_features')).toMatchObject({
      kind: 'Set',
      enumValues: ['Trailers', 'Commentaries', 'Deleted Scenes', 'Behind the Scenes'],
    });
    expect(column(film, 'release_year')).toMatchObject({ kind: 'Integer', nativeType: 'year(4)' });
    expect(column(film, 'rental_rate')).toMatchObject({
      kind: 'Decimal',
      precision: 4,
      scale: 2,
      defaultValue: '4.99',
      defaultIsExpression: false,
    });
    expect(column(film, 'last_update')).toMatchObject({
      kind: 'DateTime',
      defaultValue: 'current_timestamp()',
      defaultIsExpression: true,
    });
    expect(film.foreignKeys.map((fk) => fk.referencedTable).sort()).toEqual(['language', 'language']);

    expect(filmActor.primaryKey).toEqual(['actor_id', 'film_id']);
    expect(filmActor.foreignKeys).toEqual([
      {
        name: 'fk_film_actor_actor',
        columns: ['actor_id'],
        referencedTable: 'actor',
        referencedColumns: ['actor_id'],
      },
      {
        name: 'fk_film_actor_film',
        columns: ['film_id'],
        referencedTable: 'film',
        referencedColumns: ['film_id'],
      },
    ]);
    expect(address.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['city']);
    expect(column(staff, 'picture')).toMatchObject({ kind: 'BinaryData', nativeType: 'mediumblob' });
    expect(column(staff, 'active')).toMatchObject({ kind: 'Boolean' });
    expect(actorInfo).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [] });
  });

  it('given Chinook with data, when listed and described, then 11 tables with row estimates and keys', async () => {
    const tables = await connector.listTables(chinook);
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
    expect(tables.find((t) => t.name === 'Track')?.rowEstimate).toBeGreaterThan(0);
    const [playlistTrack, track] = await connector.describe(chinook, ['PlaylistTrack', 'Track']);
    expect(playlistTrack.primaryKey).toEqual(['PlaylistId', 'TrackId']);
    expect(track.foreignKeys.map((fk) => fk.referencedTable).sort()).toEqual(['Album', 'Genre', 'MediaType']);
    expect(column(track, 'UnitPrice')).toMatchObject({ kind: 'Decimal', precision: 10, scale: 2 });
  });

  it('given the hard schema, when listed, then odd names come back exactly, with comment and kinds', async () => {
    const tables = await connector.listTables(hard);
    expect(tables.map((t) => [t.name, t.kind])).toEqual([
      ['child', 'table'],
      ['no_pk', 'table'],
      // The server's collation orders the names (utf8mb3_general_ci: case and accents aside).
      ['odd view', 'view'],
      [ODD_TABLE, 'table'],
      ['pair', 'table'],
    ]);
    expect(tables.find((t) => t.name === ODD_TABLE)?.comment).toBe('odd one');
  });

  it('given odd identifiers and every odd type, when described, then each column maps to its kind', async () => {
    const [odd] = await connector.describe(hard, [ODD_TABLE]);
    expect(odd.primaryKey).toEqual(['Id']);
    expect(odd.indexes).toEqual([
      { name: 'PRIMARY', columns: ['Id'], unique: true },
      { name: 'uq select', columns: ['select', 'yr'], unique: true },
    ]);
    const kinds = Object.fromEntries(odd.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toEqual({
      Id: 'Integer',
      select: 'Text',
      'Mixed Case ü': 'Enum',
      flags: 'Set',
      yr: 'Integer',
      bit1: 'Boolean',
      bits: 'BinaryData',
      doc: 'Json',
      shape: 'BinaryData',
      raw: 'BinaryData',
      price: 'Decimal',
      created: 'DateTime',
      'why?': 'Text',
    });
    expect(column(odd, 'select')).toMatchObject({ defaultValue: "it's", defaultIsExpression: false });
    expect(column(odd, 'Mixed Case ü')).toMatchObject({ enumValues: ['a', "b'c"], nullable: true });
    expect(column(odd, 'flags')).toMatchObject({ enumValues: ['x', 'y', 'z'], defaultValue: 'x,y' });
    expect(column(odd, 'price')).toMatchObject({ defaultValue: '0.00', defaultIsExpression: false });
    expect(column(odd, 'bit1')).toMatchObject({ defaultValue: "b'0'", defaultIsExpression: false });
    expect(column(odd, 'doc')).toMatchObject({ nativeType: 'json' });
  });

  it('given composite keys, a table without key and a view, when described, then keys are in key order', async () => {
    const [pair, child, noPk, view] = await connector.describe(hard, ['pair', 'child', 'no_pk', 'odd view']);
    expect(pair.primaryKey).toEqual(['right key', 'left']);
    expect(child.foreignKeys).toEqual([
      {
        name: 'fk child pair',
        columns: ['pair_right', 'pair_left'],
        referencedTable: 'pair',
        referencedColumns: ['right key', 'left'],
      },
    ]);
    expect(noPk.primaryKey).toEqual([]);
    expect(view).toMatchObject({ kind: 'view', primaryKey: [] });
    expect(view.columns.map((c) => c.name)).toEqual(['Id', 'select']);
  });

  it('given an unknown database, when listed or described, then DATABASE_NOT_FOUND', async () => {
    await expect(connector.listTables('no_such_db_here')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await expect(connector.describe('no_such_db_here', ['x'])).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
  });

  it('given unknown tables or a name differing in case, when described, then TABLE_NOT_FOUND names them', async () => {
    await expect(connector.describe(hard, ['pair', 'Pair', 'gone'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
      message: 'Table or view not found: "Pair", "gone"',
    });
  });

  it('given pooled connections the server killed, when the next call runs, then the pool recovers', async () => {
    const own = createMysqlConnector({ ...optionsFromUrl(), database: hard, poolSize: 2 });
    try {
      await Promise.all([own.listTables(hard), own.listTables(hard)]);
      const processes = (await adminQuery(
        'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ?',
        [hard],
      )) as { id: number }[];
      expect(processes.length).toBeGreaterThan(0);
      for (const { id } of processes)
        await adminQuery(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
      expect((await own.listTables(hard)).length).toBe(5);
      expect((await own.testConnection()).ok).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describe('MySQL connector failures (MariaDB)', () => {
  it('given a wrong password, when the connection is tested, then AUTH_FAILED without the password', async () => {
    const connector = createMysqlConnector({ ...optionsFromUrl(), password: 'wrong-Secret-42' });
    try {
      const error = await connector.testConnection().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
      expect((error as Error).message).not.toContain('wrong-Secret-42');
    } finally {
      await connector.close();
    }
  });

  it('given an unknown default database, when the connection is tested, then DATABASE_NOT_FOUND', async () => {
    const connector = createMysqlConnector({ ...optionsFromUrl(), database: 'no_such_db_here' });
    try {
      await expect(connector.testConnection()).rejects.toMatchObject({
        code: 'CONNECTOR.DATABASE_NOT_FOUND',
      });
    } finally {
      await connector.close();
    }
  });

  it('given a port nobody listens on, when the connection is tested, then transient UNREACHABLE', async () => {
    const connector = createMysqlConnector({ ...optionsFromUrl(), host: '127.0.0.1', port: 1 });
    try {
      await expect(connector.testConnection()).rejects.toMatchObject({
        code: 'CONNECTOR.UNREACHABLE',
        transient: true,
      });
    } finally {
      await connector.close();
    }
  });

  it('given TLS required, when the server has no TLS, then the connection fails rather than go plain', async () => {
    const [{ Value: haveSsl }] = (await adminQuery("SHOW VARIABLES LIKE 'have_ssl'")) as { Value: string }[];
    const connector = createMysqlConnector({ ...optionsFromUrl(), tls: 'required' });
    try {
      if (haveSsl === 'YES') {
        expect((await connector.testConnection()).ok).toBe(true);
      } else {
        await expect(connector.testConnection()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
      }
    } finally {
      await connector.close();
    }
  });

  it('given a query slower than the time limit, when it runs, then transient TIMEOUT', async () => {
    const { pool, label } = resolveMysqlOptions(optionsFromUrl());
    const session = new MysqlSession(mysql2Driver.createPool(pool), 200, label);
    try {
      await expect(session.read('SELECT SLEEP(2)', [])).rejects.toMatchObject({
        code: 'CONNECTOR.TIMEOUT',
        transient: true,
      });
      expect(await session.read('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
    } finally {
      await session.close();
    }
  });
});
