import { ConnectorError } from '../spi';
import {
  type SqliteColumnRow,
  type SqliteForeignKeyRow,
  type SqliteIndexRow,
  type SqliteTableRow,
} from './sqlite-catalog.sql';
import {
  assertTablesFound,
  mapSqliteTable,
  mapSqliteTableSummaries,
  mapSqliteTables,
} from './map-sqlite-tables';

const table = (name: string, type: 'table' | 'view' = 'table'): SqliteTableRow => ({ name, type });
const column = (
  tableName: string,
  cid: number,
  name: string,
  type: string,
  pk = 0,
  overrides: Partial<SqliteColumnRow> = {},
): SqliteColumnRow => ({
  tableName,
  cid,
  name,
  type,
  notNull: 0,
  defaultValue: null,
  pk,
  hidden: 0,
  ...overrides,
});
const pkIndex = (tableName: string, columnName: string, seqno = 0): SqliteIndexRow => ({
  tableName,
  indexName: `sqlite_autoindex_${tableName}_1`,
  isUnique: 1,
  origin: 'pk',
  partial: 0,
  seqno,
  columnName,
});
const noRows = { columns: [], foreignKeys: [], indexes: [] };

describe('mapSqliteTableSummaries', () => {
  it('given tables, a view and statistics, when mapped, then tables carry their row estimate and the view none', () => {
    const summaries = mapSqliteTableSummaries(
      'main',
      [table('Album'), table('Genre'), table('order_totals', 'view')],
      [
        { tableName: 'Album', rowEstimate: 347 },
        { tableName: 'order_totals', rowEstimate: 9 },
      ],
    );
    expect(summaries).toEqual([
      { schema: 'main', name: 'Album', kind: 'table', rowEstimate: 347 },
      { schema: 'main', name: 'Genre', kind: 'table' },
      { schema: 'main', name: 'order_totals', kind: 'view' },
    ]);
  });
});

describe('mapSqliteTable', () => {
  it('given a single INTEGER primary key without a pk index, when mapped, then that column is the auto-increment rowid alias', () => {
    const info = mapSqliteTable('main', table('Album'), {
      ...noRows,
      columns: [column('Album', 1, 'Title', 'NVARCHAR(160)'), column('Album', 0, 'AlbumId', 'INTEGER', 1)],
    });
    expect(info.primaryKey).toEqual(['AlbumId']);
    expect(info.columns.map((c) => [c.name, c.autoIncrement])).toEqual([
      ['AlbumId', true],
      ['Title', false],
    ]);
  });

  it('given a single primary key backed by a pk autoindex (INT, DESC or WITHOUT ROWID), when mapped, then nothing auto-increments', () => {
    const info = mapSqliteTable('main', table('t'), {
      ...noRows,
      columns: [column('t', 0, 'id', 'INTEGER', 1)],
      indexes: [pkIndex('t', 'id')],
    });
    expect(info.columns[0].autoIncrement).toBe(false);
    expect(info.indexes).toEqual([{ name: 'sqlite_autoindex_t_1', columns: ['id'], unique: true }]);
  });

  it('given a composite primary key declared in another order than the columns, when mapped, then the key follows pk order', () => {
    const info = mapSqliteTable('main', table('PlaylistTrack'), {
      ...noRows,
      columns: [
        column('PlaylistTrack', 0, 'PlaylistId', 'INTEGER', 2),
        column('PlaylistTrack', 1, 'TrackId', 'INTEGER', 1),
      ],
      indexes: [pkIndex('PlaylistTrack', 'TrackId', 0), pkIndex('PlaylistTrack', 'PlaylistId', 1)],
    });
    expect(info.primaryKey).toEqual(['TrackId', 'PlaylistId']);
    expect(info.columns.every((c) => !c.autoIncrement && !c.nullable)).toBe(true);
  });

  it('given a table without primary key, when mapped, then its key is empty and its columns stay nullable', () => {
    const info = mapSqliteTable('main', table('log'), {
      ...noRows,
      columns: [column('log', 0, 'message', 'TEXT')],
    });
    expect(info).toEqual({
      schema: 'main',
      name: 'log',
      kind: 'table',
      columns: [{ name: 'message', nativeType: 'TEXT', kind: 'Text', nullable: true, autoIncrement: false }],
      primaryKey: [],
      foreignKeys: [],
      indexes: [],
    });
  });

  it('given a virtual table with hidden columns, when mapped, then the hidden columns are left out', () => {
    const info = mapSqliteTable('main', table('docs'), {
      ...noRows,
      columns: [column('docs', 0, 'body', ''), column('docs', 1, 'docs', '', 0, { hidden: 1 })],
    });
    expect(info.columns.map((c) => c.name)).toEqual(['body']);
  });

  it('given a view, when mapped, then it is a view with no key and no auto-increment', () => {
    const info = mapSqliteTable('main', table('order_totals', 'view'), {
      ...noRows,
      columns: [column('order_totals', 0, 'order_id', 'INTEGER')],
      rowEstimate: 5,
    });
    expect(info).toMatchObject({
      kind: 'view',
      primaryKey: [],
      columns: [{ autoIncrement: false, nullable: true }],
    });
    expect(info.rowEstimate).toBeUndefined();
  });
});

describe('mapSqliteTables', () => {
  const fkRow: SqliteForeignKeyRow = {
    tableName: 'Track',
    id: 0,
    seq: 0,
    referencedTable: 'Album',
    columnName: 'AlbumId',
    referencedColumn: 'AlbumId',
  };
  const catalog = {
    tables: [table('Album'), table('Track')],
    columns: [column('Album', 0, 'AlbumId', 'INTEGER', 1), column('Track', 0, 'TrackId', 'INTEGER', 1)],
    foreignKeys: [fkRow],
    indexes: [],
    rowEstimates: [{ tableName: 'Track', rowEstimate: 3503 }],
  };

  it('given rows of several tables, when mapped, then each table gets its own rows, in the requested order, once', () => {
    const infos = mapSqliteTables('main', ['Track', 'Album', 'Track'], catalog);
    expect(
      infos.map((info) => [info.name, info.columns.length, info.foreignKeys.length, info.rowEstimate]),
    ).toEqual([
      ['Track', 1, 1, 3503],
      ['Album', 1, 0, undefined],
    ]);
  });

  it('given a requested table the catalog lacks, when mapped, then TABLE_NOT_FOUND names it', () => {
    expect(() => mapSqliteTables('main', ['Album', 'Nope'], catalog)).toThrow(
      expect.objectContaining({
        code: 'CONNECTOR.TABLE_NOT_FOUND',
        message: expect.stringContaining('"Nope"'),
      }),
    );
  });
});

describe('assertTablesFound', () => {
  it('given names that differ only in case, when checked, then they are not found (names match as listed)', () => {
    expect(() => assertTablesFound(['album'], [table('Album')])).toThrow(ConnectorError);
  });

  it('given every requested name, when checked, then it passes', () => {
    expect(() => assertTablesFound(['Album', 'Album'], [table('Album')])).not.toThrow();
  });
});
