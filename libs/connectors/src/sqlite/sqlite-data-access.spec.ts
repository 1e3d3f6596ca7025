/** Data access on a temp copy of Chinook (SQLite is embedded, so these stay unit specs). */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DataValidationError, type Connector, type EntityDataAccess, type TableInfo } from '../spi';
import { createSqliteConnector } from './sqlite-connector';
import { nodeSqliteDriver, type SqliteDriver } from './sqlite-database';

const CHINOOK = resolve(__dirname, '../../../..', '../shared/fixtures/chinook/Chinook_Sqlite.sqlite');

describe('SQLite data access on Chinook', () => {
  let root: string;
  let connector: Connector;
  let data: EntityDataAccess;
  let track: TableInfo;
  let playlistTrack: TableInfo;
  let invoice: TableInfo;
  const statements: string[] = [];
  const opened: boolean[] = [];
  const spyingDriver: SqliteDriver = {
    open(file, options) {
      opened.push(options.readOnly);
      const db = nodeSqliteDriver.open(file, options);
      return {
        prepare: (sql) => {
          statements.push(sql);
          return db.prepare(sql);
        },
        close: () => db.close(),
      };
    },
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-data-'));
    copyFileSync(CHINOOK, join(root, 'chinook.sqlite'));
    connector = createSqliteConnector({ root, path: 'chinook.sqlite' }, spyingDriver);
    data = connector.data as EntityDataAccess;
    [invoice, playlistTrack, track] = await connector.describe('main', ['Invoice', 'PlaylistTrack', 'Track']);
  });

  beforeEach(() => {
    statements.length = 0;
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  const trackIds = async (filters: Parameters<EntityDataAccess['find']>[1]['filters']) =>
    (await data.find(track, { filters, fields: ['TrackId'], limit: 1000 })).rows.map((row) => row.TrackId);

  describe('given find on Track', () => {
    it.each([
      ['eq', { field: 'TrackId', op: 'eq', value: 3 }, [3]],
      ['ne', { field: 'AlbumId', op: 'ne', value: 1 }, 'not [1..]'],
      ['gt', { field: 'TrackId', op: 'gt', value: 3500 }, [3501, 3502, 3503]],
      ['gte', { field: 'TrackId', op: 'gte', value: 3502 }, [3502, 3503]],
      ['lt', { field: 'TrackId', op: 'lt', value: 3 }, [1, 2]],
      ['lte', { field: 'TrackId', op: 'lte', value: 2 }, [1, 2]],
      ['in', { field: 'TrackId', op: 'in', value: [5, 1, 9] }, [1, 5, 9]],
    ] as const)('when filtered with %s, then only matching rows come back', async (_op, filter, expected) => {
      const ids = await trackIds([filter]);
      if (Array.isArray(expected)) expect(ids).toEqual(expected);
      else expect(ids).not.toContain(1);
    });

    it('when filtered with contains, startsWith and endsWith, then LIKE matches the text', async () => {
      const names = async (op: 'contains' | 'startsWith' | 'endsWith', value: string) =>
        (
          await data.find(track, { filters: [{ field: 'Name', op, value }], fields: ['Name'], limit: 1000 })
        ).rows.map((row) => row.Name as string);
      expect(await names('startsWith', 'Princess of')).toEqual(['Princess of the Dawn']);
      expect((await names('endsWith', 'Dawn')).every((name) => name.endsWith('Dawn'))).toBe(true);
      expect((await names('contains', 'Rock')).length).toBeGreaterThan(5);
    });

    it('when a LIKE value holds % or _, then they match literally', async () => {
      const literal = await data.find(track, {
        filters: [{ field: 'Name', op: 'contains', value: '%' }],
        count: true,
      });
      const all = await data.find(track, { count: true, limit: 1 });
      expect(literal.total).toBeLessThan(all.total ?? 0);
      expect(literal.rows.every((row) => String(row.Name).includes('%'))).toBe(true);
    });

    it('when filtered with isNull, then NULLs and non-NULLs are told apart', async () => {
      const withNull = await data.find(track, {
        filters: [{ field: 'Composer', op: 'isNull', value: true }],
        count: true,
      });
      const without = await data.find(track, {
        filters: [{ field: 'Composer', op: 'isNull', value: false }],
        count: true,
      });
      expect(withNull.rows.every((row) => row.Composer === null)).toBe(true);
      expect((withNull.total ?? 0) + (without.total ?? 0)).toBe(3503);
    });

    it('when sorted, paged and counted, then the page, the order and the total fit', async () => {
      const result = await data.find(track, {
        filters: [{ field: 'AlbumId', op: 'eq', value: 1 }],
        sort: [{ field: 'Milliseconds', direction: 'desc' }],
        offset: 2,
        limit: 3,
        count: true,
        fields: ['TrackId', 'Milliseconds'],
      });
      expect(result.total).toBe(10);
      expect(result.rows).toHaveLength(3);
      expect(Object.keys(result.rows[0])).toEqual(['TrackId', 'Milliseconds']);
      const ms = result.rows.map((row) => row.Milliseconds as number);
      expect([...ms].sort((a, b) => b - a)).toEqual(ms);
    });

    it('when paged without a sort, then pages follow the primary key', async () => {
      const page = await data.find(track, { offset: 10, limit: 2, fields: ['TrackId'] });
      expect(page.rows).toEqual([{ TrackId: 11 }, { TrackId: 12 }]);
    });

    it('when a row is read, then decimals are exact text and date-times RFC 3339 in UTC', async () => {
      const { rows } = await data.find(invoice, { filters: [{ field: 'InvoiceId', op: 'eq', value: 1 }] });
      expect(rows[0]).toMatchObject({ InvoiceId: 1, Total: '1.98', InvoiceDate: '2021-01-01T00:00:00Z' });
    });

    it('when filtered on a date-time in RFC 3339, then it compares with the stored text', async () => {
      const ids = async (op: 'gte' | 'lt' | 'eq', value: string) =>
        (
          await data.find(invoice, {
            filters: [{ field: 'InvoiceDate', op, value }],
            fields: ['InvoiceId'],
            count: true,
          })
        ).total;
      expect(await ids('eq', '2021-01-01T00:00:00Z')).toBe(1);
      expect(await ids('eq', '2021-01-01T02:00:00+02:00')).toBe(1);
      expect(await ids('gte', '2021-01-01T00:00:00Z')).toBe(412);
      expect(await ids('lt', '2021-01-02T00:00:00.000Z')).toBe(1);
    });
  });

  describe('given get by key', () => {
    it('when the key exists, then the row', async () => {
      expect(await data.get(track, { TrackId: 1 })).toMatchObject({
        TrackId: 1,
        Name: 'For Those About To Rock (We Salute You)',
      });
    });

    it('when a composite key is given, then the row of both columns', async () => {
      expect(await data.get(playlistTrack, { PlaylistId: 1, TrackId: 3402 })).toEqual({
        PlaylistId: 1,
        TrackId: 3402,
      });
      expect(await data.get(playlistTrack, { PlaylistId: 2, TrackId: 3402 })).toBeUndefined();
    });
  });

  describe('given writes', () => {
    it('when a track is inserted without its key, then the auto-increment key comes back and the row reads back', async () => {
      const key = await data.insert(track, {
        Name: 'New song',
        MediaTypeId: 1,
        Milliseconds: 1000,
        UnitPrice: 0.99,
      });
      expect(key).toEqual({ TrackId: 3504 });
      expect(await data.get(track, key)).toMatchObject({
        Name: 'New song',
        Composer: null,
        UnitPrice: '0.99',
      });
      expect(opened).toEqual([true, false]);
    });

    it('when a composite-key row is inserted, then its key comes back', async () => {
      expect(await data.insert(playlistTrack, { PlaylistId: 2, TrackId: 1 })).toEqual({
        PlaylistId: 2,
        TrackId: 1,
      });
    });

    it('when a track is partly updated, then only the given attributes change', async () => {
      expect(await data.update(track, { TrackId: 2 }, { Composer: 'Someone' })).toBe(1);
      expect(await data.get(track, { TrackId: 2 })).toMatchObject({
        Name: 'Balls to the Wall',
        Composer: 'Someone',
      });
      expect(await data.update(track, { TrackId: 999999 }, { Composer: 'x' })).toBe(0);
    });

    it('when a row is deleted, then it is gone', async () => {
      expect(await data.delete(playlistTrack, { PlaylistId: 2, TrackId: 1 })).toBe(1);
      expect(await data.get(playlistTrack, { PlaylistId: 2, TrackId: 1 })).toBeUndefined();
      expect(await data.delete(playlistTrack, { PlaylistId: 2, TrackId: 1 })).toBe(0);
    });

    it("when NULLs round-trip under 'preserve', then they stay NULL; under 'overwrite', '' is stored", async () => {
      const key = { TrackId: 3 };
      await data.update(track, key, { Composer: null });
      const read = await data.get(track, key, { nullPolicy: 'preserve' });
      expect(read).toMatchObject({ Composer: '' });
      await data.update(
        track,
        key,
        { Composer: read?.Composer, Name: 'Renamed' },
        { nullPolicy: 'preserve' },
      );
      expect(await data.get(track, key)).toMatchObject({ Composer: null, Name: 'Renamed' });
      await data.update(track, key, { Composer: '' }, { nullPolicy: 'overwrite' });
      expect(await data.get(track, key)).toMatchObject({ Composer: '' });
    });

    it("when rows with NULLs are found under 'preserve', then each NULL is its type's default; under 'overwrite', null", async () => {
      await data.update(track, { TrackId: 4 }, { Composer: null });
      const query = { filters: [{ field: 'TrackId', op: 'eq', value: 4 }] } as const;
      const [preserved] = (await data.find(track, query, { nullPolicy: 'preserve' })).rows;
      expect(preserved).toMatchObject({ TrackId: 4, Composer: '' });
      const [overwritten] = (await data.find(track, query, { nullPolicy: 'overwrite' })).rows;
      expect(overwritten).toMatchObject({ TrackId: 4, Composer: null });
    });
  });

  describe('given bad input', () => {
    const refused = async (work: Promise<unknown>) => {
      await expect(work).rejects.toBeInstanceOf(DataValidationError);
      expect(statements).toEqual([]);
      return (await work.catch((error: unknown) => error)) as DataValidationError;
    };

    it('when a filter names an unknown column, then it is refused before any SQL runs', async () => {
      const error = await refused(
        data.find(track, { filters: [{ field: 'Name"; DROP TABLE Track; --', op: 'eq', value: 1 }] }),
      );
      expect(error.fieldErrors[0].field).toBe('Name"; DROP TABLE Track; --');
    });

    it('when the table does not exist but the request is invalid, then nothing reaches the database', async () => {
      const ghost: TableInfo = { ...track, name: 'NoSuchTable' };
      await refused(
        data.insert(ghost, { Name: 'x'.repeat(201), MediaTypeId: 1, Milliseconds: 1, UnitPrice: 1 }),
      );
    });

    it('when a value has the wrong type or length, then 400-style field errors name it', async () => {
      const error = await refused(
        data.update(track, { TrackId: 1 }, { Milliseconds: 'long', UnitPrice: '1.234' }),
      );
      expect(error.fieldErrors).toEqual([
        { field: 'Milliseconds', message: 'must be an integer' },
        { field: 'UnitPrice', message: 'has more than 2 decimal places' },
      ]);
    });

    it('when a required column is missing on insert, then it is named', async () => {
      const error = await refused(data.insert(track, { Name: 'x' }));
      expect(error.fieldErrors.map((e) => e.field)).toEqual(['MediaTypeId', 'Milliseconds', 'UnitPrice']);
    });

    it('when a view is written, then DATA.READ_ONLY', async () => {
      const error = await refused(data.delete({ ...track, kind: 'view' }, { TrackId: 1 }));
      expect(error.code).toBe('DATA.READ_ONLY');
    });
  });

  it('given a closed connector, when data is used, then UNREACHABLE and no file was created', async () => {
    const other = createSqliteConnector({ root, path: 'chinook.sqlite' });
    await other.close();
    await expect(other.data?.find(track, {})).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
    expect(readdirSync(root)).toEqual(['chinook.sqlite']);
  });
});

describe('SQLite data access on generated columns', () => {
  let root: string;
  let connector: Connector;
  let data: EntityDataAccess;
  let priced: TableInfo;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-generated-'));
    const db = new DatabaseSync(join(root, 'generated.sqlite'));
    db.exec(`CREATE TABLE priced (
      id INTEGER PRIMARY KEY,
      price NUMERIC(8,2) NOT NULL,
      qty INTEGER NOT NULL,
      total REAL NOT NULL GENERATED ALWAYS AS (price * qty) VIRTUAL,
      label TEXT GENERATED ALWAYS AS ('x' || qty) STORED
    )`);
    db.close();
    connector = createSqliteConnector({ root, path: 'generated.sqlite' });
    data = connector.data as EntityDataAccess;
    [priced] = await connector.describe('main', ['priced']);
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('given VIRTUAL and STORED generated columns, when described, then both are generated', () => {
    expect(priced.columns.map((c) => [c.name, c.generated === true])).toEqual([
      ['id', false],
      ['price', false],
      ['qty', false],
      ['total', true],
      ['label', true],
    ]);
  });

  it('given an insert without them, when run, then they are not required and the database computes them', async () => {
    const key = await data.insert(priced, { price: 2.5, qty: 4 });
    expect(await data.get(priced, key)).toMatchObject({ total: '10', label: 'x4' });
  });

  it('given a value for one, when inserted or updated, then it is a field error', async () => {
    const message = 'is computed by the database and cannot be written';
    await expect(data.insert(priced, { price: 1, qty: 1, total: 1 })).rejects.toMatchObject({
      fieldErrors: [{ field: 'total', message }],
    });
    await expect(data.update(priced, { id: 1 }, { label: 'mine' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'label', message }],
    });
  });
});

describe('SQLite data access in the wire formats', () => {
  let root: string;
  let path: string;
  let connector: Connector;
  let data: EntityDataAccess;
  let slots: TableInfo;
  let totals: TableInfo;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-wire-'));
    path = join(root, 'wire.sqlite');
    const db = new DatabaseSync(path);
    db.exec(`CREATE TABLE slots (
      id INTEGER PRIMARY KEY,
      starts TIME,
      created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
      price DECIMAL(6,2)
    );
    CREATE VIEW slot_totals AS SELECT COUNT(*) AS n, SUM(price) AS total FROM slots;`);
    db.close();
    connector = createSqliteConnector({ root, path: 'wire.sqlite' });
    data = connector.data as EntityDataAccess;
    [slots, totals] = await connector.describe('main', ['slots', 'slot_totals']);
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  const stored = (sql: string) => {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db.prepare(sql).get();
    } finally {
      db.close();
    }
  };

  it('given a date-time with an offset and a time, when written, then SQLite holds its own UTC text and reads back RFC 3339', async () => {
    const key = await data.insert(slots, {
      starts: '09:30:00.000',
      created_at: '2024-05-02T10:12:00.5+02:00',
      price: 12.5,
    });
    expect(stored(`SELECT starts, created_at, price FROM slots WHERE id = ${String(key.id)}`)).toEqual({
      starts: '09:30:00',
      created_at: '2024-05-02 08:12:00.500',
      price: 12.5,
    });
    expect(await data.get(slots, key)).toEqual({
      id: key.id,
      starts: '09:30:00',
      created_at: '2024-05-02T08:12:00.5Z',
      price: '12.50',
    });
  });

  it("given the database's own CURRENT_TIMESTAMP, when read, then it is UTC in RFC 3339", async () => {
    const key = await data.insert(slots, { starts: null });
    const { created_at: createdAt } = (await data.get(slots, key)) as { created_at: string };
    expect(createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it('given a rowid beyond 2^53 (AUTOINCREMENT goes on from the largest key), when read, then its exact digits as text', async () => {
    const db = new DatabaseSync(path);
    db.exec('INSERT INTO slots (id, price) VALUES (9007199254740993, NULL)');
    db.close();
    const { rows } = await data.find(slots, { filters: [{ field: 'price', op: 'isNull', value: true }] });
    expect(rows.map((row) => row.id)).toContain('9007199254740993');
    const db2 = new DatabaseSync(path);
    db2.exec('DELETE FROM slots WHERE id = 9007199254740993');
    db2.close();
  });

  it('given a view column without a declared type, when read, then the base64 of its text (BinaryData)', async () => {
    expect(totals.columns.map((column) => column.kind)).toEqual(['BinaryData', 'BinaryData']);
    const { rows } = await data.find(totals, {});
    expect(rows).toEqual([
      { n: Buffer.from('2').toString('base64'), total: Buffer.from('12.5').toString('base64') },
    ]);
  });
});
