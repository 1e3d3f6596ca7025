import {
  createDatabase,
  dropDatabase,
  loadChinook,
  uniqueDatabaseName,
} from '../../../../test/support/mariadb';
import { DataValidationError, type Connector, type EntityDataAccess, type TableInfo } from '../spi';
import { createMysqlConnector } from './mysql-connector';
import { adminQuery, HARD_SCHEMA, ODD_TABLE, optionsFromUrl } from './mysql-int-support';

/** SRID 0 + WKB of POINT(1 2): how MariaDB stores a geometry value. */
function pointBytes(x: number, y: number): string {
  const bytes = Buffer.alloc(25);
  bytes.writeUInt32LE(0, 0);
  bytes.writeUInt8(1, 4);
  bytes.writeUInt32LE(1, 5);
  bytes.writeDoubleLE(x, 9);
  bytes.writeDoubleLE(y, 17);
  return bytes.toString('base64');
}

describe('MySQL data access (MariaDB)', () => {
  const chinook = uniqueDatabaseName('it_chinook_data');
  const hard = uniqueDatabaseName('it_hard_data');
  let connector: Connector;
  let data: EntityDataAccess;
  let track: TableInfo;
  let customer: TableInfo;
  let odd: TableInfo;
  let pair: TableInfo;
  let noPk: TableInfo;
  let view: TableInfo;

  beforeAll(async () => {
    await Promise.all([createDatabase(chinook), createDatabase(hard)]);
    await Promise.all([loadChinook(chinook), adminQuery(`USE \`${hard}\`; ${HARD_SCHEMA}`)]);
    await adminQuery(`INSERT INTO \`${hard}\`.\`no_pk\` VALUES (1, 'one'), (2, NULL)`);
    connector = createMysqlConnector(optionsFromUrl());
    data = connector.data as EntityDataAccess;
    [track, customer] = await connector.describe(chinook, ['Track', 'Customer']);
    [odd, pair, noPk, view] = await connector.describe(hard, [ODD_TABLE, 'pair', 'no_pk', 'odd view']);
  }, 120_000);

  afterAll(async () => {
    await connector?.close();
    await Promise.all([dropDatabase(chinook), dropDatabase(hard)]);
  });

  /** The same question asked of the server directly, as the ground truth. */
  const countWhere = async (where: string) => {
    const [{ n }] = (await adminQuery(
      `SELECT COUNT(*) AS n FROM \`${chinook}\`.\`Track\` WHERE ${where}`,
    )) as {
      n: number;
    }[];
    return Number(n);
  };

  it.each([
    ['eq', { field: 'GenreId', op: 'eq', value: 1 }, 'GenreId = 1'],
    ['ne', { field: 'GenreId', op: 'ne', value: 1 }, 'GenreId <> 1'],
    ['gt', { field: 'Milliseconds', op: 'gt', value: 1_000_000 }, 'Milliseconds > 1000000'],
    ['gte', { field: 'TrackId', op: 'gte', value: 3500 }, 'TrackId >= 3500'],
    ['lt', { field: 'TrackId', op: 'lt', value: 11 }, 'TrackId < 11'],
    ['lte', { field: 'UnitPrice', op: 'lte', value: '0.99' }, 'UnitPrice <= 0.99'],
    ['in', { field: 'MediaTypeId', op: 'in', value: [3, 5] }, 'MediaTypeId IN (3, 5)'],
    ['contains', { field: 'Name', op: 'contains', value: 'Love' }, "LOCATE('love', Name) > 0"],
    ['contains %', { field: 'Name', op: 'contains', value: '%' }, "LOCATE('%', Name) > 0"],
    ['contains _', { field: 'Name', op: 'contains', value: '_' }, "LOCATE('_', Name) > 0"],
    ['startsWith', { field: 'Name', op: 'startsWith', value: 'The ' }, "LEFT(Name, 4) = 'The '"],
    ['endsWith', { field: 'Name', op: 'endsWith', value: 'Blues' }, "RIGHT(Name, 5) = 'Blues'"],
    ['isNull', { field: 'Composer', op: 'isNull', value: true }, 'Composer IS NULL'],
    ['isNull false', { field: 'Composer', op: 'isNull', value: false }, 'Composer IS NOT NULL'],
  ] as const)(
    'given Chinook tracks, when found with %s, then the total is what the server counts',
    async (_name, filter, where) => {
      const expected = await countWhere(where);
      const { rows, total } = await data.find(track, { filters: [filter], count: true, limit: 5 });
      expect(total).toBe(expected);
      expect(rows.length).toBe(Math.min(5, expected));
    },
  );

  it('given sort and paging, when found, then pages follow the order and the total ignores paging', async () => {
    const expected = (
      (await adminQuery(
        `SELECT CustomerId FROM \`${chinook}\`.\`Customer\` ORDER BY Country DESC, CustomerId ASC LIMIT 3`,
      )) as { CustomerId: number }[]
    ).map((row) => row.CustomerId);
    const first = await data.find(customer, {
      sort: [
        { field: 'Country', direction: 'desc' },
        { field: 'CustomerId', direction: 'asc' },
      ],
      limit: 3,
      count: true,
      fields: ['CustomerId', 'Country'],
    });
    expect(first.total).toBe(59);
    expect(first.rows.map((row) => row.CustomerId)).toEqual(expected);
    expect(Object.keys(first.rows[0])).toEqual(['CustomerId', 'Country']);
    const second = await data.find(customer, { limit: 3, offset: 3 });
    expect(second.rows.map((r) => r.CustomerId)).toEqual([4, 5, 6]);
    const last = await data.find(customer, { offset: 58 });
    expect(last.rows.map((r) => r.CustomerId)).toEqual([59]);
  });

  it('given a key, when got, then the row comes back decoded; an unknown key gives undefined', async () => {
    expect(await data.get(track, { TrackId: 1 })).toMatchObject({
      TrackId: 1,
      Name: 'For Those About To Rock (We Salute You)',
      UnitPrice: '0.99',
    });
    expect(await data.get(track, { TrackId: 999_999 })).toBeUndefined();
  });

  it('given odd identifiers and odd types, when a row is inserted, read, updated and deleted, then every value round-trips', async () => {
    const shape = pointBytes(1, 2);
    const values = {
      select: 'hello',
      'Mixed Case ü': "b'c",
      flags: ['x', 'z'],
      yr: 2024,
      bit1: true,
      bits: Buffer.from([0xa5]).toString('base64'),
      doc: { a: [1, 'two'], b: null },
      shape,
      raw: Buffer.from('raw bytes').toString('base64'),
      price: '12.34',
      created: '2024-05-01T12:00:00+02:00',
      'why?': 'ask',
    };
    const key = await data.insert(odd, values);
    expect(key).toEqual({ Id: expect.any(Number) });
    const row = await data.get(odd, key);
    expect(row).toEqual({
      Id: key.Id,
      ...values,
      created: '2024-05-01T10:00:00Z',
    });

    expect(await data.update(odd, key, { 'why?': null, bit1: false, flags: [] })).toBe(1);
    expect(await data.get(odd, key)).toMatchObject({ 'why?': null, bit1: false, flags: [] });
    expect(
      await data.find(odd, { filters: [{ field: 'why?', op: 'isNull', value: true }], count: true }),
    ).toMatchObject({
      total: 1,
    });

    expect(await data.delete(odd, key)).toBe(1);
    expect(await data.get(odd, key)).toBeUndefined();
    expect(await data.delete(odd, key)).toBe(0);
  });

  it('given date-times, times and floats, when written and read, then each travels in its one wire format, in UTC', async () => {
    const database = uniqueDatabaseName('it_wire');
    await createDatabase(database);
    try {
      await adminQuery(`SET time_zone = '+05:00'; USE \`${database}\`;
        CREATE TABLE slot (id INT PRIMARY KEY, at DATETIME(6) NOT NULL, stamped TIMESTAMP NULL,
          starts TIME(3) NULL, ratio DOUBLE NULL, weight FLOAT(7,3) NULL)`);
      const [slot] = await connector.describe(database, ['slot']);
      await data.insert(slot, {
        id: 1,
        at: '2024-05-01T12:00:00.123456+02:00',
        stamped: '2024-05-01T10:00:00Z',
        starts: '09:30:00',
        ratio: '0.00000015',
        weight: 2.5,
      });
      expect(await data.get(slot, { id: 1 })).toEqual({
        id: 1,
        at: '2024-05-01T10:00:00.123456Z',
        stamped: '2024-05-01T10:00:00Z',
        starts: '09:30:00',
        ratio: '0.00000015',
        weight: '2.500',
      });
      // The TIMESTAMP holds the instant: a session in another zone reads it shifted, the API never does.
      const [{ shown }] = (await adminQuery(
        `SET time_zone = '+05:00'; SELECT CAST(stamped AS CHAR) AS shown FROM \`${database}\`.slot`,
      ).then((results) => (results as unknown[][])[1])) as { shown: string }[];
      expect(shown).toBe('2024-05-01 15:00:00');
      const found = await data.find(slot, {
        filters: [{ field: 'stamped', op: 'gte', value: '2024-05-01T11:00:00+01:00' }],
        count: true,
      });
      expect(found.total).toBe(1);
    } finally {
      await dropDatabase(database);
    }
  });

  it('given a utf8mb3 column, when a value holds a character beyond U+FFFF, then a write is refused, a filter and a key match nothing', async () => {
    const database = uniqueDatabaseName('it_mb3');
    await createDatabase(database);
    try {
      await adminQuery(`USE \`${database}\`;
        CREATE TABLE legacy (code VARCHAR(10) CHARACTER SET utf8mb3 PRIMARY KEY,
          note VARCHAR(20) CHARACTER SET utf8mb3 NULL, modern VARCHAR(20) CHARACTER SET utf8mb4 NULL);
        INSERT INTO legacy VALUES ('a', 'plain', NULL)`);
      const [legacy] = await connector.describe(database, ['legacy']);
      await expect(
        data.insert(legacy, { code: 'b', note: 'rock 🎸', modern: 'rock 🎸' }),
      ).rejects.toMatchObject({
        fieldErrors: [
          {
            field: 'note',
            message: 'holds a character beyond U+FFFF, which its column (utf8mb3) cannot store',
          },
        ],
      });
      expect(await data.insert(legacy, { code: 'c', modern: 'rock 🎸' })).toEqual({ code: 'c' });
      for (const op of ['eq', 'ne', 'lt', 'contains'] as const) {
        const { total } = await data.find(legacy, {
          filters: [{ field: 'note', op, value: '🎸' }],
          count: true,
        });
        expect([op, total]).toEqual([op, op === 'ne' || op === 'lt' ? 1 : 0]);
      }
      expect(await data.get(legacy, { code: '🎸' })).toBeUndefined();
      expect(await data.delete(legacy, { code: '🎸' })).toBe(0);
    } finally {
      await dropDatabase(database);
    }
  });

  it('given defaults only, when inserted, then the server fills every column and assigns the key', async () => {
    const first = await data.insert(odd, { select: 'a' });
    const second = await data.insert(odd, { select: 'b' });
    expect(Number(second.Id)).toBeGreaterThan(Number(first.Id));
    expect(await data.get(odd, second)).toMatchObject({ flags: ['x', 'y'], bit1: false, price: '0.00' });
  });

  it('given a composite key, when inserted, updated and deleted, then the given key addresses the row', async () => {
    const key = await data.insert(pair, { left: 1, 'right key': 'r`1', note: 'n' });
    expect(key).toEqual({ 'right key': 'r`1', left: 1 });
    expect(await data.update(pair, key, { note: 'changed' })).toBe(1);
    expect(await data.get(pair, key)).toEqual({ left: 1, 'right key': 'r`1', note: 'changed' });
    expect(await data.update(pair, { 'right key': 'r`1', left: 2 }, { note: 'x' })).toBe(0);
    expect(await data.delete(pair, key)).toBe(1);
  });

  it('given a table without key and a view, when read, then rows come; when written, then READ_ONLY', async () => {
    expect((await data.find(noPk, { sort: [{ field: 'a', direction: 'asc' }] })).rows).toEqual([
      { a: 1, b: 'one' },
      { a: 2, b: null },
    ]);
    expect((await data.find(noPk, {}, { nullPolicy: 'preserve' })).rows[1]).toEqual({ a: 2, b: '' });
    await expect(data.insert(noPk, { a: 3 })).rejects.toMatchObject({ code: 'DATA.READ_ONLY' });
    await expect(data.insert(view, { select: 'x' })).rejects.toMatchObject({ code: 'DATA.READ_ONLY' });
    expect((await data.find(view, { count: true })).total).toBeGreaterThanOrEqual(0);
  });

  it('given an unknown field or a value that does not fit, when written, then refused before any SQL', async () => {
    await expect(data.insert(odd, { select: 'a', nope: 1 })).rejects.toBeInstanceOf(DataValidationError);
    await expect(data.insert(odd, { select: 'x'.repeat(21) })).rejects.toBeInstanceOf(DataValidationError);
    await expect(data.insert(odd, { select: 'a', 'Mixed Case ü': 'z' })).rejects.toBeInstanceOf(
      DataValidationError,
    );
  });

  it('given generated columns, when described and written, then they are flagged, never required, refused as values and computed by the server', async () => {
    await adminQuery(`CREATE TABLE \`${hard}\`.\`priced\` (
      \`id\` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      \`price\` DECIMAL(8,2) NOT NULL,
      \`qty\` INT NOT NULL,
      \`total\` DECIMAL(10,2) AS (\`price\` * \`qty\`) VIRTUAL,
      \`label\` VARCHAR(20) AS (CONCAT('x', \`qty\`)) PERSISTENT
    )`);
    const [priced] = await connector.describe(hard, ['priced']);
    expect(priced.columns.map((c) => [c.name, c.generated === true])).toEqual([
      ['id', false],
      ['price', false],
      ['qty', false],
      ['total', true],
      ['label', true],
    ]);

    const key = await data.insert(priced, { price: '2.50', qty: 4 });
    expect(await data.get(priced, key)).toEqual({
      ...key,
      price: '2.50',
      qty: 4,
      total: '10.00',
      label: 'x4',
    });

    const message = 'is computed by the database and cannot be written';
    await expect(data.insert(priced, { price: '1.00', qty: 1, total: '1.00' })).rejects.toMatchObject({
      code: 'DATA.READ_ONLY_ATTRIBUTE',
      fieldErrors: [{ field: 'total', message }],
    });
    await expect(data.update(priced, key, { label: 'mine' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'label', message }],
    });
    expect(await data.update(priced, key, { qty: 5 })).toBe(1);
    expect(await data.get(priced, key)).toMatchObject({ total: '12.50', label: 'x5' });
    expect((await data.find(priced, { count: true })).total).toBe(1);
  });

  it('given a table dropped after it was described, when read, then TABLE_NOT_FOUND', async () => {
    await adminQuery(`CREATE TABLE \`${hard}\`.\`gone\` (id INT PRIMARY KEY)`);
    const [gone] = await connector.describe(hard, ['gone']);
    await adminQuery(`DROP TABLE \`${hard}\`.\`gone\``);
    await expect(data.find(gone, {})).rejects.toMatchObject({ code: 'CONNECTOR.TABLE_NOT_FOUND' });
  });

  it('given a user allowed to read one table only, when it writes there or reads another, then PERMISSION_DENIED', async () => {
    const user = `it_reader_${Date.now().toString(36)}`;
    const password = `Pw-${Math.random().toString(36).slice(2)}`;
    await adminQuery(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
    try {
      await adminQuery(`GRANT SELECT ON \`${hard}\`.\`pair\` TO ?@'%'`, [user]);
      const reader = createMysqlConnector({ ...optionsFromUrl(), user, password });
      try {
        const readerData = reader.data as EntityDataAccess;
        expect((await readerData.find(pair, {})).rows).toEqual([]);
        const denied = await readerData.insert(pair, { left: 9, 'right key': 'no' }).catch((e: unknown) => e);
        expect(denied).toMatchObject({ code: 'CONNECTOR.PERMISSION_DENIED', transient: false });
        expect((denied as Error).message).not.toContain(password);
        await expect(readerData.find(odd, {})).rejects.toMatchObject({ code: 'CONNECTOR.PERMISSION_DENIED' });
        // information_schema only shows what the user may see: other tables simply do not exist for it.
        await expect(reader.describe(hard, ['no_pk'])).rejects.toMatchObject({
          code: 'CONNECTOR.TABLE_NOT_FOUND',
        });
      } finally {
        await reader.close();
      }
    } finally {
      await adminQuery(`DROP USER ?@'%'`, [user]);
    }
  });
});
