import { type Connector } from '../spi';
import { createMssqlConnector } from './mssql-connector';
import { type MssqlConnectorOptions } from './mssql-options';

/**
 * The live suite: runs only when MSSQL_URL names a server, as
 * `mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=true`, whose database
 * holds Chinook (../shared/fixtures/chinook/Chinook_SqlServer.sql). Without MSSQL_URL one test states
 * that it is not configured, and passes only then: nothing is silently skipped.
 */
const url = process.env.MSSQL_URL;

export function parseMssqlUrl(text: string): MssqlConnectorOptions & { database: string } {
  const parsed = new URL(text);
  if (parsed.protocol !== 'mssql:') throw new Error('MSSQL_URL must start with mssql://');
  const flag = (name: string) => {
    const value = parsed.searchParams.get(name);
    return value === null ? undefined : value === 'true';
  };
  return {
    server: parsed.hostname,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'Chinook',
    encrypt: flag('encrypt'),
    trustServerCertificate: flag('trustServerCertificate'),
  };
}

if (!url) {
  describe('SQL Server connector (live)', () => {
    it('is not configured on this machine (set MSSQL_URL to run the live suite)', () => {
      expect(process.env.MSSQL_URL).toBeUndefined();
    });
  });
} else {
  const options = parseMssqlUrl(url);

  describe('SQL Server connector (live)', () => {
    let connector: Connector;
    beforeAll(() => {
      connector = createMssqlConnector(options);
    });
    afterAll(() => connector.close());

    it('tests the connection: version and latency', async () => {
      const result = await connector.testConnection();
      expect(result.serverVersion).toMatch(/Microsoft SQL Server|Azure/);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('lists databases without the system ones', async () => {
      const databases = await connector.listDatabases();
      expect(databases).toContain(options.database);
      expect(databases).not.toContain('master');
    });

    it('lists Chinook tables with row estimates', async () => {
      const tables = await connector.listTables(options.database);
      expect(tables).toContainEqual(expect.objectContaining({ schema: 'dbo', name: 'Track', kind: 'table' }));
      expect(tables.find((t) => t.name === 'Track')?.rowEstimate).toBeGreaterThan(3000);
    });

    it('describes Chinook: identity, composite key, foreign keys', async () => {
      const [track, playlistTrack] = await connector.describe(options.database, ['Track', 'PlaylistTrack']);
      expect(track.primaryKey).toEqual(['TrackId']);
      expect(track.columns.find((c) => c.name === 'TrackId')).toMatchObject({
        kind: 'Integer',
        autoIncrement: true,
      });
      expect(track.columns.find((c) => c.name === 'Name')).toMatchObject({
        nativeType: 'nvarchar(200)',
        length: 200,
      });
      expect(track.columns.find((c) => c.name === 'UnitPrice')).toMatchObject({
        kind: 'Decimal',
        precision: 10,
        scale: 2,
      });
      expect(track.foreignKeys.map((fk) => fk.referencedTable).sort()).toEqual([
        'Album',
        'Genre',
        'MediaType',
      ]);
      expect(playlistTrack.primaryKey).toEqual(['PlaylistId', 'TrackId']);
    });

    it('refuses unknown tables and databases with stable codes', async () => {
      await expect(connector.describe(options.database, ['NoSuchTable'])).rejects.toMatchObject({
        code: 'CONNECTOR.TABLE_NOT_FOUND',
      });
      await expect(connector.listTables('no_such_database_ib')).rejects.toMatchObject({
        code: 'CONNECTOR.DATABASE_NOT_FOUND',
      });
    });

    it('finds, counts and gets Chinook tracks', async () => {
      const [track] = await connector.describe(options.database, ['Track']);
      const page = await connector.data!.find(track, {
        filters: [{ field: 'Name', op: 'startsWith', value: 'A' }],
        sort: [{ field: 'TrackId', direction: 'asc' }],
        offset: 10,
        limit: 5,
        count: true,
      });
      expect(page.rows).toHaveLength(5);
      expect(page.total).toBeGreaterThan(15);
      await expect(connector.data!.get(track, { TrackId: 1 })).resolves.toMatchObject({ TrackId: 1 });
    });
  });
}
