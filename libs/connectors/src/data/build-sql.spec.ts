import { DataValidationError, type ColumnInfo, type TableInfo } from '../spi';
import {
  buildCount,
  buildDelete,
  buildGetByKey,
  buildInsert,
  buildSelect,
  buildUpdate,
  defaultSort,
  escapeLike,
  insertedKey,
} from './build-sql';
import { type SqlDialect } from './sql-dialect';

/** Stand-ins with the shapes the three dialects need (the real ones live in their dialect folders). */
const sqlite: SqlDialect = {
  quote: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: () => '?',
  paginate: (sql, { limit, offset }) => `${sql} LIMIT ${limit ?? -1}${offset ? ` OFFSET ${offset}` : ''}`,
  likeEscape: '\\',
  likeWildcards: '%_',
  insertKey: 'returning',
  emptyInsert: 'DEFAULT VALUES',
};
const mysql: SqlDialect = {
  quote: (name) => `\`${name.replaceAll('`', '``')}\``,
  placeholder: () => '?',
  paginate: (sql, { limit, offset }) =>
    `${sql} LIMIT ${limit ?? '18446744073709551615'}${offset ? ` OFFSET ${offset}` : ''}`,
  likeEscape: '!',
  likeWildcards: '%_',
  insertKey: 'driver',
  emptyInsert: '() VALUES ()',
};
const mssql: SqlDialect = {
  quote: (name) => `[${name.replaceAll(']', ']]')}]`,
  placeholder: (index) => `@p${index}`,
  paginate: (sql, { limit, offset, hasOrderBy }) =>
    `${sql}${hasOrderBy ? '' : ' ORDER BY (SELECT NULL)'} OFFSET ${offset ?? 0} ROWS${limit === undefined ? '' : ` FETCH NEXT ${limit} ROWS ONLY`}`,
  likeEscape: '!',
  likeWildcards: '%_[',
  insertKey: 'output',
  emptyInsert: 'DEFAULT VALUES',
  // Like the real dialect: exact decimals are read as text, aliased back to the column's name.
  selectColumn: (column, quoted) =>
    column.kind === 'Decimal' ? `CONVERT(varchar(64), ${quoted}) AS ${quoted}` : quoted,
};

const column = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: kind,
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});
const track: TableInfo = {
  schema: 'main',
  name: 'Track',
  kind: 'table',
  columns: [
    column('TrackId', 'Integer', { nullable: false, autoIncrement: true }),
    column('Name', 'Text', { nullable: false, length: 200 }),
    column('Composer', 'Text', { length: 220 }),
    column('UnitPrice', 'Decimal', { nullable: false, precision: 10, scale: 2 }),
  ],
  primaryKey: ['TrackId'],
  foreignKeys: [],
  indexes: [],
};
const playlistTrack: TableInfo = {
  schema: '',
  name: 'PlaylistTrack',
  kind: 'table',
  columns: [
    column('PlaylistId', 'Integer', { nullable: false }),
    column('TrackId', 'Integer', { nullable: false }),
  ],
  primaryKey: ['PlaylistId', 'TrackId'],
  foreignKeys: [],
  indexes: [],
};
const hostile: TableInfo = {
  schema: '',
  name: 'order "items"` ]',
  kind: 'table',
  columns: [column('id', 'Integer', { nullable: false }), column('select"`]; DROP', 'Text')],
  primaryKey: ['id'],
  foreignKeys: [],
  indexes: [],
};

describe('SQL builders', () => {
  describe('given a find with filters, sort and paging', () => {
    const query = {
      filters: [
        { field: 'Name', op: 'startsWith', value: 'Ba' },
        { field: 'UnitPrice', op: 'gte', value: 0.99 },
        { field: 'Composer', op: 'isNull', value: false },
      ],
      sort: [{ field: 'Name', direction: 'desc' }],
      limit: 10,
      offset: 20,
      fields: ['TrackId', 'Name'],
    } as const;

    it('when built for SQLite, then double quotes, ? placeholders and LIMIT/OFFSET', () => {
      expect(buildSelect(sqlite, track, query)).toEqual({
        sql:
          'SELECT "TrackId", "Name" FROM "main"."Track" WHERE "Name" LIKE ? ESCAPE \'\\\' AND "UnitPrice" >= ?' +
          ' AND "Composer" IS NOT NULL ORDER BY "Name" DESC LIMIT 10 OFFSET 20',
        parameters: ['Ba%', '0.99'],
        parameterColumns: [track.columns[1], track.columns[3]],
      });
    });

    it('when built for MySQL, then backticks and LIMIT/OFFSET', () => {
      expect(buildSelect(mysql, track, query).sql).toBe(
        "SELECT `TrackId`, `Name` FROM `main`.`Track` WHERE `Name` LIKE ? ESCAPE '!' AND `UnitPrice` >= ?" +
          ' AND `Composer` IS NOT NULL ORDER BY `Name` DESC LIMIT 10 OFFSET 20',
      );
    });

    it('when built for SQL Server, then brackets, numbered parameters and OFFSET ... FETCH NEXT', () => {
      expect(buildSelect(mssql, track, query).sql).toBe(
        "SELECT [TrackId], [Name] FROM [main].[Track] WHERE [Name] LIKE @p1 ESCAPE '!' AND [UnitPrice] >= @p2" +
          ' AND [Composer] IS NOT NULL ORDER BY [Name] DESC OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY',
      );
    });
  });

  it('given no sort, when a page is built, then it is ordered by the primary key (stable paging)', () => {
    expect(buildSelect(mssql, playlistTrack, { limit: 5 }).sql).toBe(
      'SELECT [PlaylistId], [TrackId] FROM [PlaylistTrack] ORDER BY [PlaylistId] ASC, [TrackId] ASC' +
        ' OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY',
    );
  });

  it('given a table without key or unique index, when paged on SQL Server, then it still has an ORDER BY', () => {
    const noKey = { ...playlistTrack, primaryKey: [] };
    expect(defaultSort(noKey)).toEqual([]);
    expect(buildSelect(mssql, noKey, { limit: 5 }).sql).toBe(
      'SELECT [PlaylistId], [TrackId] FROM [PlaylistTrack] ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY',
    );
  });

  it('given a table without key but a NOT NULL unique index, when sorted by default, then by that index', () => {
    const noKey = {
      ...playlistTrack,
      primaryKey: [],
      indexes: [{ name: 'ux', columns: ['TrackId'], unique: true }],
    };
    expect(defaultSort(noKey)).toEqual([{ field: 'TrackId', direction: 'asc' }]);
  });

  it('given every operator, when built, then each value is one bound parameter', () => {
    const statement = buildSelect(mssql, track, {
      filters: [
        { field: 'TrackId', op: 'eq', value: 1 },
        { field: 'TrackId', op: 'ne', value: 2 },
        { field: 'TrackId', op: 'gt', value: 3 },
        { field: 'TrackId', op: 'lt', value: 4 },
        { field: 'TrackId', op: 'lte', value: 5 },
        { field: 'TrackId', op: 'in', value: [6, 7] },
        { field: 'Name', op: 'contains', value: 'a' },
        { field: 'Name', op: 'endsWith', value: 'b' },
        { field: 'Composer', op: 'isNull', value: true },
      ],
    });
    expect(statement.sql).toBe(
      'SELECT [TrackId], [Name], [Composer], CONVERT(varchar(64), [UnitPrice]) AS [UnitPrice] FROM [main].[Track] WHERE [TrackId] = @p1' +
        ' AND [TrackId] <> @p2 AND [TrackId] > @p3 AND [TrackId] < @p4 AND [TrackId] <= @p5' +
        " AND [TrackId] IN (@p6, @p7) AND [Name] LIKE @p8 ESCAPE '!' AND [Name] LIKE @p9 ESCAPE '!'" +
        ' AND [Composer] IS NULL ORDER BY [TrackId] ASC',
    );
    expect(statement.parameters).toEqual([1, 2, 3, 4, 5, 6, 7, '%a%', '%b']);
  });

  it('given a count, when built, then it keeps the filters and drops sort and paging', () => {
    expect(buildCount(sqlite, track, [{ field: 'TrackId', op: 'gt', value: 10 }])).toMatchObject({
      sql: 'SELECT COUNT(*) AS "total" FROM "main"."Track" WHERE "TrackId" > ?',
      parameters: [10],
    });
  });

  describe('given LIKE input with wildcards and the escape character', () => {
    it('when escaped, then %, _ and the escape character are literal', () => {
      expect(escapeLike(mysql, '50%_off!')).toBe('50!%!_off!!');
      expect(escapeLike(sqlite, 'a\\b%')).toBe('a\\\\b\\%');
    });

    it('when escaped for SQL Server, then [ is literal too', () => {
      expect(escapeLike(mssql, '[a-z]%')).toBe('![a-z]!%');
    });

    it('when used in contains, then the pattern is bound, never spliced', () => {
      const { sql, parameters } = buildSelect(mysql, track, {
        filters: [{ field: 'Name', op: 'contains', value: "100%' OR 1=1 --" }],
      });
      expect(sql).not.toContain('OR 1=1');
      expect(parameters).toEqual(["%100!%' OR 1=1 --%"]);
    });
  });

  describe('given a dialect with selectColumn', () => {
    it("when a page is built, then each selected column is the dialect's item, aliased to its name", () => {
      expect(buildSelect(mssql, track, { limit: 1 }).sql).toBe(
        'SELECT [TrackId], [Name], [Composer], CONVERT(varchar(64), [UnitPrice]) AS [UnitPrice] FROM [main].[Track]' +
          ' ORDER BY [TrackId] ASC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY',
      );
    });

    it('when a row is got by key, then the same items are selected; filters and sort use the bare name', () => {
      expect(buildGetByKey(mssql, track, { TrackId: 1 }, ['UnitPrice', 'Name']).sql).toBe(
        'SELECT CONVERT(varchar(64), [UnitPrice]) AS [UnitPrice], [Name] FROM [main].[Track] WHERE [TrackId] = @p1',
      );
      expect(
        buildSelect(mssql, track, {
          fields: ['UnitPrice'],
          filters: [{ field: 'UnitPrice', op: 'gt', value: 1 }],
          sort: [{ field: 'UnitPrice', direction: 'desc' }],
        }).sql,
      ).toBe(
        'SELECT CONVERT(varchar(64), [UnitPrice]) AS [UnitPrice] FROM [main].[Track] WHERE [UnitPrice] > @p1 ORDER BY [UnitPrice] DESC',
      );
    });

    it('when the dialect has none, then columns are selected by their quoted name', () => {
      expect(buildGetByKey(mysql, track, { TrackId: 1 }, ['UnitPrice']).sql).toBe(
        'SELECT `UnitPrice` FROM `main`.`Track` WHERE `TrackId` = ?',
      );
    });
  });

  describe('given keys', () => {
    it('when a composite key is read, then every key column is matched in key order', () => {
      expect(buildGetByKey(mssql, playlistTrack, { TrackId: 9, PlaylistId: 1 })).toMatchObject({
        sql: 'SELECT [PlaylistId], [TrackId] FROM [PlaylistTrack] WHERE [PlaylistId] = @p1 AND [TrackId] = @p2',
        parameters: [1, 9],
      });
    });

    it('when a key column is missing or extra, then it is refused', () => {
      expect(() => buildGetByKey(sqlite, playlistTrack, { PlaylistId: 1 })).toThrow(DataValidationError);
      expect(() => buildDelete(sqlite, track, { TrackId: 1, Name: 'x' })).toThrow(DataValidationError);
    });

    it('when deleting, then the statement is addressed by key', () => {
      expect(buildDelete(mysql, playlistTrack, { PlaylistId: 1, TrackId: 2 })).toMatchObject({
        sql: 'DELETE FROM `PlaylistTrack` WHERE `PlaylistId` = ? AND `TrackId` = ?',
        parameters: [1, 2],
      });
    });
  });

  describe('given an insert', () => {
    const values = { Name: 'New', UnitPrice: 0.99 };

    it('when built for SQLite, then RETURNING yields the key', () => {
      expect(buildInsert(sqlite, track, values)).toMatchObject({
        sql: 'INSERT INTO "main"."Track" ("Name", "UnitPrice") VALUES (?, ?) RETURNING "TrackId"',
        parameters: ['New', '0.99'],
        returnsKey: true,
      });
    });

    it('when built for SQL Server, then OUTPUT INSERTED yields the key', () => {
      expect(buildInsert(mssql, track, values)).toMatchObject({
        sql: 'INSERT INTO [main].[Track] ([Name], [UnitPrice]) OUTPUT INSERTED.[TrackId] VALUES (@p1, @p2)',
        returnsKey: true,
      });
    });

    it('when built for MySQL, then a plain INSERT and the key comes from the driver', () => {
      const statement = buildInsert(mysql, track, values);
      expect(statement).toMatchObject({
        sql: 'INSERT INTO `main`.`Track` (`Name`, `UnitPrice`) VALUES (?, ?)',
        returnsKey: false,
      });
      expect(insertedKey(track, values, 3504)).toEqual({ TrackId: 3504 });
      expect(insertedKey(playlistTrack, { PlaylistId: 1, TrackId: 2 }, 0)).toEqual({
        PlaylistId: 1,
        TrackId: 2,
      });
    });

    it('when no value is given, then the dialect fills the defaults', () => {
      expect(buildInsert(mysql, track, {}).sql).toBe('INSERT INTO `main`.`Track` () VALUES ()');
      expect(buildInsert(mssql, track, {}).sql).toBe(
        'INSERT INTO [main].[Track] OUTPUT INSERTED.[TrackId] DEFAULT VALUES',
      );
    });
  });

  it('given a partial update, when built, then only the given attributes are set, by key', () => {
    expect(
      buildUpdate(mssql, track, { TrackId: 5 }, { Composer: null, Name: 'X', UnitPrice: undefined }),
    ).toMatchObject({
      sql: 'UPDATE [main].[Track] SET [Composer] = @p1, [Name] = @p2 WHERE [TrackId] = @p3',
      parameters: [null, 'X', 5],
    });
    expect(() => buildUpdate(mssql, track, { TrackId: 5 }, {})).toThrow(DataValidationError);
  });

  describe('given injection attempts', () => {
    it('when a field name is not in the metadata, then it is refused before any SQL exists', () => {
      const attempts = ['Name; DROP TABLE Track', 'Name" --', '1=1', '__proto__', 'constructor'];
      for (const field of attempts) {
        expect(() => buildSelect(sqlite, track, { fields: [field] })).toThrow(DataValidationError);
        expect(() => buildSelect(sqlite, track, { sort: [{ field, direction: 'asc' }] })).toThrow(
          DataValidationError,
        );
        expect(() => buildSelect(sqlite, track, { filters: [{ field, op: 'eq', value: 1 }] })).toThrow(
          DataValidationError,
        );
        expect(() => buildInsert(sqlite, track, { [field]: 1 })).toThrow(DataValidationError);
      }
    });

    it('when a sort direction is not asc/desc, then it is refused', () => {
      const sort = [{ field: 'Name', direction: 'asc; DROP TABLE Track' as 'asc' }];
      expect(() => buildSelect(sqlite, track, { sort })).toThrow(DataValidationError);
    });

    it('when a value carries SQL, then it is only ever a parameter', () => {
      const { sql, parameters } = buildUpdate(
        sqlite,
        track,
        { TrackId: 1 },
        { Name: "x'; DROP TABLE Track; --" },
      );
      expect(sql).toBe('UPDATE "main"."Track" SET "Name" = ? WHERE "TrackId" = ?');
      expect(parameters).toEqual(["x'; DROP TABLE Track; --", 1]);
    });

    it('when the metadata itself holds quotes, backticks and brackets, then each dialect quotes them', () => {
      const fields = ['select"`]; DROP'];
      expect(buildSelect(sqlite, hostile, { fields }).sql).toBe(
        'SELECT "select""`]; DROP" FROM "order ""items""` ]" ORDER BY "id" ASC',
      );
      expect(buildSelect(mysql, hostile, { fields }).sql).toBe(
        'SELECT `select"``]; DROP` FROM `order "items"`` ]` ORDER BY `id` ASC',
      );
      expect(buildSelect(mssql, hostile, { fields }).sql).toBe(
        'SELECT [select"`]]; DROP] FROM [order "items"` ]]] ORDER BY [id] ASC',
      );
    });

    it('when limit or offset is not a whole number, then it is refused instead of inlined', () => {
      expect(() => buildSelect(sqlite, track, { limit: '1; DROP' as unknown as number })).toThrow(
        DataValidationError,
      );
      expect(() => buildSelect(sqlite, track, { offset: -1 })).toThrow(DataValidationError);
    });
  });

  it('given binary, JSON and set values, when bound, then they are encoded for the driver', () => {
    const table: TableInfo = {
      ...track,
      columns: [track.columns[0], column('Data', 'BinaryData'), column('Doc', 'Json'), column('Tags', 'Set')],
    };
    const { parameters } = buildInsert(mysql, table, { Data: 'AQI=', Doc: { a: [1] }, Tags: ['a', 'b'] });
    expect(parameters).toEqual([Buffer.from([1, 2]), '{"a":[1]}', 'a,b']);
  });
});
