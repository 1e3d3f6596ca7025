import {
  adminQuery,
  createDatabase,
  dropDatabase,
  loadChinook,
  uniqueDatabaseName,
} from '../../../../test/support/postgres';
import {
  DataConstraintError,
  DataValidationError,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
} from '../spi';
import { createPostgresConnector } from './postgres-connector';
import { HARD_SCHEMA, ODD_SCHEMA, ODD_TABLE, optionsFor } from './postgres-int-support';

describe('PostgreSQL data access', () => {
  const chinook = uniqueDatabaseName('it_data_chinook');
  const hard = uniqueDatabaseName('it_data_hard');
  const odd = `${hard}/${ODD_SCHEMA}`;
  let connector: Connector;
  let data: EntityDataAccess;
  let album: TableInfo;
  let artist: TableInfo;
  let track: TableInfo;
  let oddTable: TableInfo;
  let pair: TableInfo;
  let child: TableInfo;
  let measurement: TableInfo;
  let oddView: TableInfo;

  beforeAll(async () => {
    await Promise.all([createDatabase(chinook), createDatabase(hard)]);
    await Promise.all([loadChinook(chinook), adminQuery(hard, HARD_SCHEMA)]);
    connector = createPostgresConnector(optionsFor());
    data = connector.data!;
    [album, artist, track] = await connector.describe(`${chinook}/public`, ['album', 'artist', 'track']);
    [oddTable, pair, child, measurement, oddView] = await connector.describe(odd, [
      ODD_TABLE,
      'pair',
      'child',
      'measurement',
      'odd view',
    ]);
  }, 120_000);

  afterAll(async () => {
    await connector?.close();
    await Promise.all([dropDatabase(chinook), dropDatabase(hard)]);
  });

  it('given Chinook, when albums are found with a filter, a sort, a page, a count and fields, then the rows match', async () => {
    const result = await data.find(album, {
      filters: [{ field: 'title', op: 'startsWith', value: 'B' }],
      sort: [{ field: 'title', direction: 'desc' }],
      offset: 1,
      limit: 3,
      count: true,
      fields: ['album_id', 'title'],
    });
    const [expected] = await adminQuery(
      chinook,
      "SELECT count(*)::int AS n FROM album WHERE title LIKE 'B%'",
    );
    expect(result.total).toBe((expected as { n: number }).n);
    expect(result.rows).toHaveLength(3);
    expect(Object.keys(result.rows[0])).toEqual(['album_id', 'title']);
    const titles = result.rows.map((row) => row.title as string);
    expect([...titles].sort().reverse()).toEqual(titles);
  });

  it('given tracks, when found by a decimal and an in list, then decimals come back as exact text', async () => {
    const { rows } = await data.find(track, {
      filters: [
        { field: 'unit_price', op: 'gt', value: '0.99' },
        { field: 'genre_id', op: 'in', value: [19, 21] },
      ],
      limit: 2,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].unit_price).toBe('1.99');
  });

  it('given a LIKE wildcard in a contains filter, when found, then it matches literally', async () => {
    const { rows } = await data.find(album, {
      filters: [{ field: 'title', op: 'contains', value: '100%_' }],
    });
    expect(rows).toEqual([]);
  });

  it('given a new artist, when created, updated, read and deleted, then each step answers as the table holds it', async () => {
    const key = await data.insert(artist, { artist_id: 9001, name: 'Test Artist' });
    expect(key).toEqual({ artist_id: 9001 });
    await expect(data.update(artist, key, { name: 'Renamed' })).resolves.toBe(1);
    await expect(data.get(artist, key)).resolves.toEqual({ artist_id: 9001, name: 'Renamed' });
    await expect(data.delete(artist, key)).resolves.toBe(1);
    await expect(data.get(artist, key)).resolves.toBeUndefined();
    await expect(data.delete(artist, key)).resolves.toBe(0);
  });

  it('given odd types, when a row is created, then RETURNING gives the identity and every type round-trips', async () => {
    const key = await data.insert(oddTable, {
      select: 'x 1',
      'Mixed Case ü': "it's ok",
      qty: 7,
      tags: ['a', 'b "c"', null],
      matrix: [
        [1, 2],
        [3, 4],
      ],
      doc: { nested: [1, 'two', { three: true }], text: '"quoted"' },
      amount: '12345678901234567890.0123456789',
      at: '2024-05-01T10:00:00.123456+02:00',
      local_at: '2024-05-01T10:00:00Z',
      day: '2024-02-29',
      clock: '23:59:58.5',
      raw: Buffer.from([0, 1, 2, 255]).toString('base64'),
      flag: false,
      big: '9007199254740993',
      ratio: 0.25,
      span: '1 day 02:00:00',
    });
    expect(key).toEqual({ Id: expect.any(Number) });
    const row = await data.get(oddTable, key);
    expect(row).toMatchObject({
      Id: key.Id,
      select: 'x 1',
      'Mixed Case ü': "it's ok",
      qty: 7,
      tags: ['a', 'b "c"', null],
      matrix: [
        [1, 2],
        [3, 4],
      ],
      doc: { nested: [1, 'two', { three: true }], text: '"quoted"' },
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      amount: '12345678901234567890.0123456789',
      at: '2024-05-01T08:00:00.123456Z',
      local_at: '2024-05-01T10:00:00Z',
      day: '2024-02-29',
      clock: '23:59:58.5',
      raw: 'AAEC/w==',
      flag: false,
      big: '9007199254740993',
      ratio: '0.25',
      span: '1 day 02:00:00',
      twice: 14,
    });
  });

  it('given a uuid and an enum, when filtered with eq and contains, then they compare as text', async () => {
    const [{ uid }] = (await adminQuery(
      hard,
      `SELECT uid::text AS uid FROM "${ODD_SCHEMA.replaceAll('"', '""')}"."Odd ""name"" [b] 表" LIMIT 1`,
    )) as { uid: string }[];
    const byUid = await data.find(oddTable, { filters: [{ field: 'uid', op: 'eq', value: uid }] });
    expect(byUid.rows).toHaveLength(1);
    const byMood = await data.find(oddTable, {
      filters: [{ field: 'Mixed Case ü', op: 'contains', value: "'s o" }],
    });
    expect(byMood.rows.length).toBeGreaterThan(0);
  });

  it('given json and jsonb columns, when compared with eq, ne or in, then DATA.INVALID before any SQL; isNull finds rows', async () => {
    // json has no equality operator (`json = unknown` would fail on the server): a Json attribute is
    // tested for NULL only, whichever of the two types holds it.
    await adminQuery(
      hard,
      `CREATE TABLE public.documents (id integer PRIMARY KEY, plain json, bin jsonb);
       INSERT INTO public.documents VALUES (1, '{"a": 1}', '{"a": 1}'), (2, NULL, NULL)`,
    );
    const [documents] = await connector.describe(`${hard}/public`, ['documents']);
    for (const field of ['plain', 'bin']) {
      for (const filter of [
        { field, op: 'eq' as const, value: { a: 1 } },
        { field, op: 'ne' as const, value: '{"a": 1}' },
        { field, op: 'in' as const, value: [{ a: 1 }] },
      ]) {
        const error = await data.find(documents, { filters: [filter] }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DataValidationError);
        expect(error).toMatchObject({
          code: 'DATA.INVALID',
          fieldErrors: [{ field, message: 'can only be filtered with isNull' }],
        });
      }
      const present = await data.find(documents, { filters: [{ field, op: 'isNull', value: false }] });
      expect(present.rows).toEqual([{ id: 1, plain: { a: 1 }, bin: { a: 1 } }]);
    }
  });

  it('given a generated column, when written, then it is refused before any SQL', async () => {
    await expect(data.insert(oddTable, { select: 'y', qty: 1, twice: 3 })).rejects.toBeInstanceOf(
      DataValidationError,
    );
  });

  it('given a value the type refuses, when written, then it is a validation error, not a fault; when compared, then it matches nothing', async () => {
    await expect(
      data.insert(oddTable, { select: 'bad uuid', qty: 1, uid: 'not-a-uuid' }),
    ).rejects.toBeInstanceOf(DataValidationError);
    await expect(
      data.find(oddTable, { filters: [{ field: 'uid', op: 'eq', value: 'not-a-uuid' }] }),
    ).resolves.toEqual({ rows: [] });
  });

  it('given constraints, when broken, then each is its DATA.* code without the row values', async () => {
    const duplicate = await data
      .insert(artist, { artist_id: 1, name: 'dup secret' })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(DataConstraintError);
    expect(duplicate).toMatchObject({
      code: 'DATA.DUPLICATE_KEY',
      details: { constraint: 'artist_pkey', fields: ['artist_id'] },
    });
    expect((duplicate as Error).message).not.toContain('dup secret');

    await expect(
      data.insert(album, { album_id: 9002, title: 'x', artist_id: 999_999 }),
    ).rejects.toMatchObject({
      code: 'DATA.FOREIGN_KEY_VIOLATION',
      details: { constraint: 'album_artist_id_fkey', fields: ['artist_id'] },
    });
    await expect(data.delete(artist, { artist_id: 1 })).rejects.toMatchObject({
      code: 'DATA.ROW_REFERENCED',
      details: { referencingTable: 'album' },
    });
    await expect(data.insert(oddTable, { select: 'big qty', qty: 5000 })).rejects.toMatchObject({
      code: 'DATA.CHECK_VIOLATION',
      details: { constraint: 'qty_small' },
    });
    await expect(data.update(artist, { artist_id: 2 }, { name: null })).resolves.toBe(1);
    await expect(data.insert(pair, { left: 1, 'right key': 'r', note: null })).resolves.toEqual({
      'right key': 'r',
      left: 1,
    });
    await expect(
      adminQuery(
        hard,
        `ALTER TABLE "${ODD_SCHEMA.replaceAll('"', '""')}".pair ALTER COLUMN note SET NOT NULL`,
      ),
    ).rejects.toThrow();
  });

  it('given a composite key and a serial child, when written, then the keys come back in key order', async () => {
    await data.insert(pair, { left: 2, 'right key': 'two words' });
    const key = await data.insert(child, { pair_right: 'two words', pair_left: 2 });
    expect(key).toEqual({ id: expect.any(Number) });
    await expect(data.get(pair, { 'right key': 'two words', left: 2 })).resolves.toMatchObject({
      note: null,
    });
    await expect(data.insert(child, { pair_right: 'missing', pair_left: 2 })).rejects.toMatchObject({
      code: 'DATA.FOREIGN_KEY_VIOLATION',
      details: { constraint: 'fk child pair' },
    });
  });

  it('given a partitioned table, when rows are written and found, then it reads and writes as one table', async () => {
    const key = await data.insert(measurement, { logged: '2025-03-01', value: '1.5' });
    expect(key).toEqual({ id: expect.any(Number), logged: '2025-03-01' });
    await data.insert(measurement, { logged: '2024-03-01', value: '2' });
    const { rows, total } = await data.find(measurement, {
      count: true,
      sort: [{ field: 'logged', direction: 'asc' }],
    });
    expect(total).toBe(2);
    expect(rows.map((row) => row.logged)).toEqual(['2024-03-01', '2025-03-01']);
    // No partition holds the row: PostgreSQL reports it as a check violation.
    await expect(data.insert(measurement, { logged: '2030-01-01' })).rejects.toMatchObject({
      code: 'DATA.CHECK_VIOLATION',
    });
  });

  it('given a view, when written, then it is refused as read-only; when read, then it lists', async () => {
    await expect(data.insert(oddView, { select: 'v' })).rejects.toMatchObject({ code: 'DATA.READ_ONLY' });
    const { rows } = await data.find(oddView, { limit: 1 });
    expect(rows[0]).toHaveProperty('select');
  });
});
