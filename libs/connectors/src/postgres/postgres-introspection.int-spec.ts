import {
  adminQuery,
  createDatabase,
  dropDatabase,
  loadChinook,
  loadSakila,
  uniqueDatabaseName,
} from '../../../../test/support/postgres';
import { type Connector, type TableInfo } from '../spi';
import { createPostgresConnector } from './postgres-connector';
import { HARD_SCHEMA, ODD_SCHEMA, ODD_TABLE, optionsFor } from './postgres-int-support';

const column = (table: TableInfo, name: string) => table.columns.find((c) => c.name === name);

describe('PostgreSQL connector introspection', () => {
  const sakila = uniqueDatabaseName('it_sakila');
  const chinook = uniqueDatabaseName('it_chinook');
  const hard = uniqueDatabaseName('it_hard');
  const oddAddress = `${hard}/${ODD_SCHEMA}`;
  let connector: Connector;

  beforeAll(async () => {
    await Promise.all([createDatabase(sakila), createDatabase(chinook), createDatabase(hard)]);
    await Promise.all([loadSakila(sakila), loadChinook(chinook), adminQuery(hard, HARD_SCHEMA)]);
    connector = createPostgresConnector(optionsFor());
  }, 120_000);

  afterAll(async () => {
    await connector?.close();
    await Promise.all([dropDatabase(sakila), dropDatabase(chinook), dropDatabase(hard)]);
  });

  it('given a server, when the connection is tested, then it reports its version and a latency', async () => {
    const result = await connector.testConnection();
    expect(result).toEqual({
      ok: true,
      serverVersion: expect.stringMatching(/^PostgreSQL \d+/),
      latencyMs: expect.any(Number),
    });
  });

  it('given a connection naming no database, when databases are listed, then each schema of each database is one <database>/<schema>', async () => {
    const databases = await connector.listDatabases();
    expect(databases).toEqual(
      expect.arrayContaining([`${sakila}/public`, `${chinook}/public`, `${hard}/public`, oddAddress]),
    );
    expect(databases.some((name) => /\/(pg_catalog|information_schema|pg_toast)$/.test(name))).toBe(false);
    expect(databases.some((name) => name.startsWith('template'))).toBe(false);
  });

  it('given a connection naming its database, when databases are listed, then only its schemas are', async () => {
    const scoped = createPostgresConnector(optionsFor(hard));
    try {
      await expect(scoped.listDatabases()).resolves.toEqual([oddAddress, `${hard}/public`].sort());
    } finally {
      await scoped.close();
    }
  });

  it('given Chinook, when its tables are listed, then the 11 tables come with row estimates', async () => {
    await adminQuery(chinook, 'ANALYZE');
    const tables = await connector.listTables(chinook);
    expect(tables.map((t) => t.name)).toEqual([
      'album',
      'artist',
      'customer',
      'employee',
      'genre',
      'invoice',
      'invoice_line',
      'media_type',
      'playlist',
      'playlist_track',
      'track',
    ]);
    expect(tables.every((t) => t.kind === 'table' && t.schema === `${chinook}/public`)).toBe(true);
    expect(tables.find((t) => t.name === 'track')?.rowEstimate).toBeGreaterThan(3000);
  });

  it('given Chinook, when every table is described, then keys, foreign keys, indexes and types are read', async () => {
    const names = (await connector.listTables(`${chinook}/public`)).map((t) => t.name);
    const tables = await connector.describe(`${chinook}/public`, names);
    const track = tables.find((t) => t.name === 'track')!;
    expect(track.primaryKey).toEqual(['track_id']);
    expect(column(track, 'name')).toMatchObject({
      nativeType: 'character varying(200)',
      kind: 'Text',
      length: 200,
      nullable: false,
    });
    expect(column(track, 'unit_price')).toMatchObject({
      nativeType: 'numeric(10,2)',
      kind: 'Decimal',
      precision: 10,
      scale: 2,
    });
    expect(column(track, 'milliseconds')).toMatchObject({ kind: 'Integer', autoIncrement: false });
    expect(track.foreignKeys).toEqual(
      expect.arrayContaining([
        {
          name: 'track_album_id_fkey',
          columns: ['album_id'],
          referencedTable: 'album',
          referencedColumns: ['album_id'],
        },
      ]),
    );
    expect(track.indexes).toEqual(
      expect.arrayContaining([{ name: 'track_album_id_idx', columns: ['album_id'], unique: false }]),
    );
    expect(tables.find((t) => t.name === 'playlist_track')?.primaryKey).toEqual(['playlist_id', 'track_id']);
    expect(
      column(
        tables.find((t) => t.name === 'invoice')!,
        'invoice_date',
      ),
    ).toMatchObject({ kind: 'DateTime' });
  });

  it('given Sakila, when listed and described, then views are read-only, the enum has its members and the domain its base type', async () => {
    const tables = await connector.listTables(sakila);
    expect(tables.filter((t) => t.kind === 'view').map((t) => t.name)).toEqual([
      'actor_info',
      'customer_list',
      'film_list',
      'nicer_but_slower_film_list',
      'sales_by_film_category',
      'sales_by_store',
      'staff_list',
    ]);
    const [film, payment, actor] = await connector.describe(sakila, ['film', 'payment', 'actor']);
    expect(column(film, 'rating')).toMatchObject({
      nativeType: 'mpaa_rating',
      kind: 'Enum',
      enumValues: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
      defaultValue: 'G',
      defaultIsExpression: false,
    });
    expect(column(film, 'release_year')).toMatchObject({ nativeType: 'year', kind: 'Integer' });
    expect(column(film, 'special_features')).toMatchObject({ nativeType: 'text[]', kind: 'Json' });
    expect(column(film, 'fulltext')).toMatchObject({ nativeType: 'tsvector', kind: 'Text' });
    expect(column(film, 'film_id')).toMatchObject({ autoIncrement: true });
    expect(column(film, 'film_id')?.defaultValue).toBeUndefined();
    expect(column(film, 'rental_rate')).toMatchObject({
      kind: 'Decimal',
      precision: 4,
      scale: 2,
      defaultValue: '4.99',
    });
    expect(column(actor, 'last_update')).toMatchObject({ defaultValue: 'now()', defaultIsExpression: true });
    expect(payment.primaryKey).toEqual(['payment_id']);
  });

  it('given the hard schema, when described, then odd names and types come back exactly', async () => {
    const tables = await connector.listTables(oddAddress);
    expect(tables.map((t) => [t.name, t.kind])).toEqual([
      ['Odd "name" [b] 表', 'table'],
      ['child', 'table'],
      ['measurement', 'table'],
      ['no_pk', 'table'],
      ['odd view', 'view'],
      ['pair', 'table'],
      ['totals', 'view'],
    ]);
    expect(tables[0].comment).toBe('odd one');
    const [odd, pair, child, measurement, noPk] = await connector.describe(oddAddress, [
      ODD_TABLE,
      'pair',
      'child',
      'measurement',
      'no_pk',
    ]);
    expect(odd.primaryKey).toEqual(['Id']);
    expect(column(odd, 'Id')).toMatchObject({ kind: 'Integer', autoIncrement: true, nullable: false });
    expect(column(odd, 'select')).toMatchObject({
      kind: 'Text',
      length: 20,
      defaultValue: "it's",
      defaultIsExpression: false,
    });
    expect(column(odd, 'Mixed Case ü')).toMatchObject({
      nativeType: '"Odd ""Schema"" ü"."Mood"',
      kind: 'Enum',
      enumValues: ['sad', "it's ok", 'happy'],
      defaultValue: 'happy',
    });
    expect(column(odd, 'qty')).toMatchObject({ kind: 'Integer', nullable: false });
    expect(column(odd, 'tags')).toMatchObject({ nativeType: 'text[]', kind: 'Json' });
    expect(column(odd, 'matrix')).toMatchObject({ nativeType: 'integer[]', kind: 'Json' });
    expect(column(odd, 'doc')).toMatchObject({ nativeType: 'jsonb', kind: 'Json' });
    expect(column(odd, 'uid')).toMatchObject({
      nativeType: 'uuid',
      kind: 'Text',
      defaultValue: 'gen_random_uuid()',
      defaultIsExpression: true,
    });
    expect(column(odd, 'amount')).toMatchObject({
      nativeType: 'numeric(30,10)',
      kind: 'Decimal',
      precision: 30,
      scale: 10,
      defaultValue: '0',
    });
    expect(column(odd, 'at')).toMatchObject({
      nativeType: 'timestamp with time zone',
      kind: 'DateTime',
      defaultIsExpression: true,
    });
    expect(column(odd, 'local_at')).toMatchObject({ kind: 'DateTime', nullable: true });
    expect(column(odd, 'clock')).toMatchObject({ kind: 'Time' });
    expect(column(odd, 'raw')).toMatchObject({ kind: 'BinaryData' });
    expect(column(odd, 'flag')).toMatchObject({ kind: 'Boolean', defaultValue: 'true' });
    expect(column(odd, 'big')).toMatchObject({ kind: 'LongInteger' });
    expect(column(odd, 'ratio')).toMatchObject({ kind: 'Decimal' });
    expect(column(odd, 'span')).toMatchObject({ nativeType: 'interval', kind: 'Text' });
    expect(column(odd, 'twice')).toMatchObject({ kind: 'Integer', generated: true, autoIncrement: false });
    expect(column(odd, 'twice')?.defaultValue).toBeUndefined();
    expect(odd.indexes).toEqual([
      { name: 'Odd "name" [b] 表_pkey', columns: ['Id'], unique: true },
      { name: 'uq select', columns: ['select', 'day'], unique: true },
    ]);
    expect(pair.primaryKey).toEqual(['right key', 'left']);
    expect(child.foreignKeys).toEqual([
      {
        name: 'fk child pair',
        columns: ['pair_right', 'pair_left'],
        referencedTable: 'pair',
        referencedColumns: ['right key', 'left'],
      },
    ]);
    expect(column(child, 'id')).toMatchObject({ autoIncrement: true });
    expect(measurement.primaryKey).toEqual(['id', 'logged']);
    expect(column(measurement, 'id')).toMatchObject({ kind: 'LongInteger', autoIncrement: true });
    expect(noPk.primaryKey).toEqual([]);
  });

  it('given a partition, when described, then it is not found: the partitioned table is the entity', async () => {
    await expect(connector.describe(oddAddress, ['measurement_2024'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
    });
  });

  it('given a missing database or schema, when its tables are listed, then it is DATABASE_NOT_FOUND', async () => {
    await expect(connector.listTables('no_such_db_x/public')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await expect(connector.listTables(`${hard}/nope`)).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
  });

  it('given wrong credentials, when tested, then it is AUTH_FAILED without the password', async () => {
    const wrong = createPostgresConnector({ ...optionsFor(), password: 'not-the-password' });
    try {
      const error = await wrong.testConnection().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED' });
      expect((error as Error).message).not.toContain('not-the-password');
    } finally {
      await wrong.close();
    }
  });

  it('given nothing listening, when tested, then it is UNREACHABLE and transient', async () => {
    const closed = createPostgresConnector({ ...optionsFor(), port: 1 });
    try {
      await expect(closed.testConnection()).rejects.toMatchObject({
        code: 'CONNECTOR.UNREACHABLE',
        transient: true,
      });
    } finally {
      await closed.close();
    }
  });

  it('given a server without TLS, when tls is required, then the connection fails rather than falling back to clear text', async () => {
    const tls = createPostgresConnector({ ...optionsFor(), tls: 'required' });
    try {
      await expect(tls.testConnection()).rejects.toMatchObject({
        code: 'CONNECTOR.UNREACHABLE',
        transient: false,
      });
    } finally {
      await tls.close();
    }
  });
});
