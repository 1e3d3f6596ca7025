import { ConnectorError, DataValidationError, type ColumnInfo, type TableInfo } from '../spi';
import { mapMssqlTables, resolveMssqlTables } from './map-mssql-tables';
import { createMssqlConnector } from './mssql-connector';
import { mssqlDialect } from './mssql-dialect';
import { FakeMssqlServer } from './mssql-fake-driver';
import { COLUMN_ROWS, FOREIGN_KEY_ROWS, INDEX_ROWS, TABLE_ROWS } from './mssql-recorded-catalog';

const OPTIONS = { server: 'db.example.com', user: 'app', password: 's3cr3t!', database: 'Chinook' };

function given(server: FakeMssqlServer, poolSize = 2) {
  return createMssqlConnector({ ...OPTIONS, poolSize }, () => server.factory);
}

const catalogServer = () =>
  new FakeMssqlServer()
    .answer(/@@VERSION/, [{ version: 'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)\n\tOct  8 2022' }])
    .answer(/DB_ID\(@database\)/, [{ databaseId: 5 }])
    .answer(/FROM sys\.databases/, [{ name: 'Chinook' }, { name: 'sakila' }])
    .answer(/sys\.objects AS o/, TABLE_ROWS)
    .answer(/sys\.columns AS c\n/, COLUMN_ROWS)
    .answer(/sys\.indexes AS i/, INDEX_ROWS)
    .answer(/sys\.foreign_keys AS fk/, FOREIGN_KEY_ROWS);

const [ALBUM, , PLAYLIST_TRACK, ORDER_LINES, AUDIT_LOG, VIEW] = mapMssqlTables(
  resolveMssqlTables(
    ['Album', 'Artist', 'PlaylistTrack', 'Sales.Order Lines]', 'AuditLog', 'customer_list'],
    TABLE_ROWS,
  ),
  { columns: COLUMN_ROWS, indexes: INDEX_ROWS, foreignKeys: FOREIGN_KEY_ROWS },
);

describe('createMssqlConnector: introspection', () => {
  it('given a server, when tested, then it reports the first line of @@VERSION and a latency', async () => {
    const connector = given(catalogServer());
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      serverVersion: 'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)',
      latencyMs: expect.any(Number),
    });
    await connector.close();
  });

  it('given databases, when listed, then the system databases are filtered by the catalog query', async () => {
    const server = catalogServer();
    const connector = given(server);
    await expect(connector.listDatabases()).resolves.toEqual(['Chinook', 'sakila']);
    expect(server.requests[0].sql).toMatch(/NOT IN \(N'master', N'tempdb', N'model', N'msdb'\)/);
    await connector.close();
  });

  it('given many tables, when described, then it takes five set-based queries and binds the ids as one typed parameter', async () => {
    const server = catalogServer();
    const connector = given(server);
    const tables = await connector.describe('Chinook', ['Album', 'PlaylistTrack', 'Sales.Order Lines]']);
    expect(tables.map((table) => table.name)).toEqual(['Album', 'PlaylistTrack', 'Sales.Order Lines]']);
    expect(server.requests).toHaveLength(5);
    expect(server.requests[0].parameters).toEqual([
      { name: 'database', type: 'NVarChar', length: 128, value: 'Chinook' },
    ]);
    expect(server.requests[1].sql).toContain('FROM [Chinook].sys.objects AS o');
    expect(server.requests[2].parameters).toEqual([
      { name: 'objectIds', type: 'NVarChar', length: 'max', value: ',901578250,965578478,1013578649,' },
    ]);
    await connector.close();
  });

  it('given a database name with a bracket, when listing its tables, then it is quoted, never spliced raw', async () => {
    const server = catalogServer();
    const connector = given(server);
    await connector.listTables('odd]db');
    expect(server.requests[1].sql).toContain('FROM [odd]]db].sys.objects AS o');
    await connector.close();
  });

  it('given an unknown database, when listing tables, then it is DATABASE_NOT_FOUND', async () => {
    const server = new FakeMssqlServer().answer(/DB_ID/, [{ databaseId: null }]);
    const connector = given(server);
    await expect(connector.listTables('Nope')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await connector.close();
  });
});

describe('createMssqlConnector: errors', () => {
  it('given a login failure, when connecting, then it is AUTH_FAILED without the password', async () => {
    const server = new FakeMssqlServer();
    server.connectError = Object.assign(new Error("Login failed for user 'app'."), {
      code: 'ELOGIN',
      number: 18456,
    });
    const connector = given(server);
    const error = await connector.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect((error as Error).message).not.toContain('s3cr3t!');
    await connector.close();
  });

  it('given a socket failure mid-call, when called again, then the broken connection is replaced', async () => {
    const server = new FakeMssqlServer().answer(
      /@@VERSION/,
      Object.assign(new Error('socket hang up'), { code: 'ESOCKET' }),
    );
    const connector = given(server, 1);
    await expect(connector.testConnection()).rejects.toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
    await expect(connector.testConnection()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
    expect(server.connectionsOpened).toBe(2);
    await connector.close();
  });

  it('given a closed connector, when called, then it refuses', async () => {
    const connector = given(catalogServer());
    await connector.close();
    await expect(connector.listDatabases()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
  });

  it('given concurrent calls on a pool of one, when run, then requests never overlap on a connection', async () => {
    const server = catalogServer();
    const connector = given(server, 1);
    await Promise.all([
      connector.listDatabases(),
      connector.listTables('Chinook'),
      connector.testConnection(),
    ]);
    expect(server.connectionsOpened).toBe(1);
    await connector.close();
  });
});

describe('createMssqlConnector: data access', () => {
  const data = (server: FakeMssqlServer) => {
    const connector = given(server);
    return { connector, data: connector.data! };
  };

  it('given a page of Album, when found, then it orders by the key, pages with OFFSET/FETCH and binds typed parameters', async () => {
    const server = new FakeMssqlServer()
      .answer(/^SELECT \[AlbumId\]/, [{ AlbumId: 1, Title: 'For Those About To Rock', ArtistId: 1 }])
      .answer(/COUNT\(\*\)/, [{ total: 3 }]);
    const { connector, data: access } = data(server);
    const result = await access.find(ALBUM, {
      filters: [
        { field: 'Title', op: 'contains', value: '50%_[x]' },
        { field: 'ArtistId', op: 'in', value: [1, 2] },
      ],
      offset: 20,
      limit: 10,
      count: true,
    });
    expect(result).toEqual({
      rows: [{ AlbumId: 1, Title: 'For Those About To Rock', ArtistId: 1 }],
      total: 3,
    });
    expect(server.requests[0].sql).toBe(
      "SELECT [AlbumId], [Title], [ArtistId] FROM [dbo].[Album] WHERE [Title] LIKE @p1 ESCAPE '\\' AND [ArtistId] IN (@p2, @p3) ORDER BY [AlbumId] ASC OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY",
    );
    expect(server.requests[0].parameters).toEqual([
      { name: 'p1', type: 'NVarChar', length: 160, value: '%50\\%\\_\\[x]%' },
      { name: 'p2', type: 'Int', value: 1 },
      { name: 'p3', type: 'Int', value: 2 },
    ]);
    expect(server.requests[1].sql).toBe(
      "SELECT COUNT(*) AS [total] FROM [dbo].[Album] WHERE [Title] LIKE @p1 ESCAPE '\\' AND [ArtistId] IN (@p2, @p3)",
    );
    await connector.close();
  });

  it('given a table without key nor sort, when paged, then it orders by (SELECT NULL); a limit of 0 is TOP (0)', async () => {
    const server = new FakeMssqlServer();
    const { connector, data: access } = data(server);
    await access.find(AUDIT_LOG, { offset: 5 });
    await access.find(VIEW, { limit: 5 });
    expect(server.requests[0].sql).toBe(
      'SELECT [Message] FROM [dbo].[AuditLog] ORDER BY (SELECT NULL) OFFSET 5 ROWS',
    );
    expect(server.requests[1].sql).toBe(
      'SELECT [ID], [name] FROM [dbo].[customer_list] ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY',
    );
    expect(mssqlDialect.paginate('SELECT [ID] FROM [v]', { limit: 0, hasOrderBy: false, bind: String })).toBe(
      'SELECT TOP (0) [ID] FROM [v]',
    );
    await connector.close();
  });

  it('given a composite key, when got, then both key columns are bound in key order', async () => {
    const server = new FakeMssqlServer().answer(/WHERE/, [{ PlaylistId: 1, TrackId: 3402 }]);
    const { connector, data: access } = data(server);
    await expect(access.get(PLAYLIST_TRACK, { TrackId: 3402, PlaylistId: 1 })).resolves.toEqual({
      PlaylistId: 1,
      TrackId: 3402,
    });
    expect(server.requests[0].sql).toBe(
      'SELECT [PlaylistId], [TrackId] FROM [dbo].[PlaylistTrack] WHERE [PlaylistId] = @p1 AND [TrackId] = @p2',
    );
    await connector.close();
  });

  it('given an identity table, when inserted, then the key comes back through OUTPUT INTO a table variable (trigger-safe)', async () => {
    const server = new FakeMssqlServer().answer(/^DECLARE @inserted/, [{ AlbumId: 348 }]);
    const { connector, data: access } = data(server);
    await expect(access.insert(ALBUM, { Title: 'New', ArtistId: 1 })).resolves.toEqual({ AlbumId: 348 });
    expect(server.requests[0].sql).toBe(
      'DECLARE @inserted TABLE ([AlbumId] int); INSERT INTO [dbo].[Album] ([Title], [ArtistId]) OUTPUT INSERTED.[AlbumId] INTO @inserted VALUES (@p1, @p2); SELECT [AlbumId] FROM @inserted;',
    );
    expect(server.requests[0].parameters).toEqual([
      { name: 'p1', type: 'NVarChar', length: 160, value: 'New' },
      { name: 'p2', type: 'Int', value: 1 },
    ]);
    await connector.close();
  });

  it('given a schema table with odd names, when updated and deleted, then it is bracket-quoted and counts via @@ROWCOUNT', async () => {
    const server = new FakeMssqlServer().answer(/@@ROWCOUNT/, [{ affected: 1 }], 7);
    const { connector, data: access } = data(server);
    await expect(
      access.update(ORDER_LINES, { 'Line No': 2 }, { Amount: 12.5, Created: '2024-05-01T10:00:00Z' }),
    ).resolves.toBe(1);
    await expect(access.delete(ORDER_LINES, { 'Line No': 2 })).resolves.toBe(1);
    expect(server.requests[0].sql).toBe(
      'UPDATE [Sales].[Order Lines]]] SET [Amount] = @p1, [Created] = @p2 WHERE [Line No] = @p3; SELECT @@ROWCOUNT AS affected;',
    );
    expect(server.requests[0].parameters).toEqual([
      { name: 'p1', type: 'Decimal', precision: 10, scale: 2, value: '12.50' },
      { name: 'p2', type: 'DateTime', value: new Date('2024-05-01T10:00:00Z') },
      { name: 'p3', type: 'SmallInt', value: 2 },
    ]);
    expect(server.requests[1].sql).toBe(
      'DELETE FROM [Sales].[Order Lines]]] WHERE [Line No] = @p1; SELECT @@ROWCOUNT AS affected;',
    );
    await connector.close();
  });

  it('given decimal columns, when found and got, then they are read as text and a decimal(38,10) round-trips exactly', async () => {
    const exact = '1234567890123456789012345678.0123456789';
    const server = new FakeMssqlServer().answer(/^SELECT /, [
      {
        'Line No': 2,
        Amount: '12.50',
        Created: new Date('2024-05-01T10:00:00Z'),
        Total: exact,
        Version: null,
      },
    ]);
    const { connector, data: access } = data(server);
    const { rows } = await access.find(ORDER_LINES, { limit: 1 });
    expect(rows[0]).toMatchObject({ Amount: '12.50', Total: exact });
    expect(Number(exact).toString()).not.toBe(exact);
    await expect(access.get(ORDER_LINES, { 'Line No': 2 })).resolves.toMatchObject({ Total: exact });
    expect(server.requests[0].sql).toBe(
      'SELECT [Line No], CONVERT(varchar(64), [Amount]) AS [Amount], [Created], CONVERT(varchar(64), [Total]) AS [Total], [Version] FROM [Sales].[Order Lines]]] ORDER BY [Line No] ASC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY',
    );
    expect(server.requests[1].sql).toBe(
      'SELECT [Line No], CONVERT(varchar(64), [Amount]) AS [Amount], [Created], CONVERT(varchar(64), [Total]) AS [Total], [Version] FROM [Sales].[Order Lines]]] WHERE [Line No] = @p1',
    );
    await connector.close();
  });

  describe('given date-times, times and floats in their wire formats', () => {
    const column = (name: string, nativeType: string, kind: ColumnInfo['kind']): ColumnInfo => ({
      name,
      nativeType,
      kind,
      nullable: true,
      autoIncrement: false,
    });
    const READINGS: TableInfo = {
      schema: 'dbo',
      name: 'Readings',
      kind: 'table',
      columns: [
        column('Id', 'int', 'Integer'),
        column('At', 'datetime2(7)', 'DateTime'),
        column('Local', 'datetimeoffset(7)', 'DateTime'),
        column('Starts', 'time(7)', 'Time'),
        column('Ratio', 'float', 'Decimal'),
      ],
      primaryKey: ['Id'],
      foreignKeys: [],
      indexes: [],
    };
    /** tedious's Date for a value with more than milliseconds: the rest in `nanosecondsDelta` (seconds). */
    const tediousDate = (iso: string, nanosecondsDelta: number) =>
      Object.defineProperty(new Date(iso), 'nanosecondsDelta', { value: nanosecondsDelta });

    it('when tedious returns them, then date-times are RFC 3339 in UTC with all seven decimals, floats exact text', async () => {
      const server = new FakeMssqlServer().answer(/^SELECT /, [
        {
          Id: 1,
          At: tediousDate('2024-05-01T10:00:00.123Z', 0.0004567),
          Local: tediousDate('2024-05-01T08:00:00.000Z', 0),
          Starts: tediousDate('1970-01-01T09:30:00.500Z', 0.0000001),
          Ratio: 1.5e-7,
        },
      ]);
      const { connector, data: access } = data(server);
      await expect(access.get(READINGS, { Id: 1 })).resolves.toEqual({
        Id: 1,
        At: '2024-05-01T10:00:00.1234567Z',
        Local: '2024-05-01T08:00:00Z',
        Starts: '09:30:00.5000001',
        Ratio: '0.00000015',
      });
      await connector.close();
    });

    it('when written, then each is bound as a typed instant with the decimals beyond milliseconds in nanosecondDelta', async () => {
      const server = new FakeMssqlServer().answer(/@@ROWCOUNT/, [{ affected: 1 }], 1);
      const { connector, data: access } = data(server);
      await access.update(
        READINGS,
        { Id: 1 },
        { At: '2024-05-01T12:00:00.1234567+02:00', Starts: '09:30:00' },
      );
      const [at, starts] = server.requests[0].parameters;
      expect(at).toMatchObject({ type: 'DateTime2', scale: 7, value: new Date('2024-05-01T10:00:00.123Z') });
      expect((at.value as { nanosecondDelta?: number }).nanosecondDelta).toBeCloseTo(0.0004567, 10);
      expect(starts).toMatchObject({ type: 'Time', scale: 7, value: new Date('1970-01-01T09:30:00.000Z') });
      await connector.close();
    });

    it('when an int column is compared with an integer beyond its range, then the value is bound as a bigint', async () => {
      const server = new FakeMssqlServer().answer(/^SELECT /, []);
      const { connector, data: access } = data(server);
      await access.find(READINGS, { filters: [{ field: 'Id', op: 'gt', value: 2 ** 40 }] });
      expect(server.requests[0].parameters).toEqual([{ name: 'p1', type: 'BigInt', value: 2 ** 40 }]);
      await connector.close();
    });
  });

  it('given a computed column or a rowversion, when written, then it is a field error and nothing reaches the server', async () => {
    const server = new FakeMssqlServer();
    const { connector, data: access } = data(server);
    await expect(access.insert(ORDER_LINES, { 'Line No': 3, Total: '1.5' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'Total', message: 'is computed by the database and cannot be written' }],
    });
    await expect(
      access.update(ORDER_LINES, { 'Line No': 3 }, { Version: 'AAAAAAAAB9E=' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'Version', message: 'is computed by the database and cannot be written' }],
    });
    expect(server.requests).toHaveLength(0);
    await connector.close();
  });

  it('given an unknown column or a write to a view, when called, then nothing reaches the server', async () => {
    const server = new FakeMssqlServer();
    const { connector, data: access } = data(server);
    await expect(
      access.find(ALBUM, { filters: [{ field: 'Nope', op: 'eq', value: 1 }] }),
    ).rejects.toBeInstanceOf(DataValidationError);
    await expect(access.insert(VIEW as TableInfo, { ID: 1 })).rejects.toMatchObject({
      code: 'DATA.READ_ONLY',
    });
    expect(server.requests).toHaveLength(0);
    await connector.close();
  });
});
