import { ConnectorError, type TableInfo } from '../spi';
import {
  mapPostgresIndexes,
  mapPostgresTables,
  parsePostgresColumns,
  postgresColumnRows,
} from './map-postgres-tables';
import {
  type PostgresColumnArrays,
  type PostgresColumnRow,
  type PostgresDescribedTableRow,
  type PostgresIndexRow,
  type PostgresTableRow,
  type PostgresTypeRow,
} from './postgres-catalog.sql';
import { createPostgresConnector } from './postgres-connector';
import { FakePostgresServer } from './postgres-fake-driver';
import {
  CHINOOK_COLUMN_ROWS,
  CHINOOK_FOREIGN_KEY_ROWS,
  CHINOOK_INDEX_ROWS,
  CHINOOK_TABLE_ROWS,
  ODD_COLUMN_ROWS,
  ODD_FOREIGN_KEY_ROWS,
  ODD_INDEX_ROWS,
  ODD_TABLE_ROWS,
} from './postgres-recorded-catalog';

const OPTIONS = { host: 'db.example.com', user: 'app', password: 's3cr3t!' };
const ODD = 'Odd "name" [b] 表';

const given = (server: FakePostgresServer, database?: string) =>
  createPostgresConnector({ ...OPTIONS, ...(database ? { database } : {}) }, server.driver);

const catalogServer = (rows: 'chinook' | 'odd' = 'chinook') => {
  const recorded =
    rows === 'chinook'
      ? [CHINOOK_TABLE_ROWS, CHINOOK_COLUMN_ROWS, CHINOOK_INDEX_ROWS, CHINOOK_FOREIGN_KEY_ROWS]
      : [ODD_TABLE_ROWS, ODD_COLUMN_ROWS, ODD_INDEX_ROWS, ODD_FOREIGN_KEY_ROWS];
  return new FakePostgresServer()
    .answer(/version\(\)/, [
      { version: 'PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc' },
    ])
    .answer(/FROM pg_catalog\.pg_database/, [{ name: 'postgres' }, { name: 'shop' }])
    .answer(/nspname AS name\nFROM pg_catalog\.pg_namespace\nWHERE nspname <>/, [
      { name: 'public' },
      { name: 'sales' },
    ])
    .answer(/WHERE nspname = \$1/, [{ name: 'public' }])
    .answer(/FROM pg_catalog\.pg_type AS t/, typesOf(recorded[1] as PostgresColumnRow[]))
    .answer(
      /json_agg\(a\.attname\)/,
      describedTablesOf(recorded[0] as PostgresTableRow[], recorded[1] as PostgresColumnRow[]),
    )
    .answer(/FROM pg_catalog\.pg_class AS c\n/, recorded[0])
    .answer(/FROM pg_catalog\.pg_attrdef/, defaultsOf(recorded[1] as PostgresColumnRow[]))
    .answer(/FROM pg_catalog\.pg_index/, recorded[2])
    .answer(/FROM pg_catalog\.pg_constraint/, recorded[3]);
};

/** A type id per recorded type: the recorded columns carry their types' facts, not their oids. */
const typeIdOf = (row: PostgresColumnRow) => [row.nativeType, row.typeName, row.typeModifier].join('\0');

/** The recorded columns' types, as DESCRIBE_TYPES_SQL returns them apart (the recorded domain has no typmod). */
const typesOf = (columns: readonly PostgresColumnRow[]): PostgresTypeRow[] => {
  const ids = [...new Set(columns.map(typeIdOf))];
  return ids.map((id, typeId) => {
    const row = columns.find((column) => typeIdOf(column) === id) as PostgresColumnRow;
    return {
      typeId,
      typeName: row.typeName,
      typeType: row.typeType,
      category: row.category,
      domainModifier: null,
      notNull: false,
      enumValues: row.enumValues,
    };
  });
};

/** The recorded tables with their columns' arrays, as DESCRIBE_TABLES_SQL aggregates them. */
const describedTablesOf = (
  tables: readonly PostgresTableRow[],
  columns: readonly PostgresColumnRow[],
): PostgresDescribedTableRow[] => {
  const ids = [...new Set(columns.map(typeIdOf))];
  return tables.map((table) => {
    const own = columns.filter((column) => column.tableName === table.name).reverse();
    const arrays: PostgresColumnArrays = {
      name: own.map((column) => column.name),
      position: own.map((column) => column.position),
      nativeType: own.map((column) => column.nativeType),
      typeId: own.map((column) => ids.indexOf(typeIdOf(column))),
      typeModifier: own.map((column) => column.typeModifier),
      notNull: own.map((column) => column.notNull),
      identity: own.map((column) => column.identity),
      generated: own.map((column) => column.generated),
    };
    return { ...table, columns: JSON.stringify(arrays) };
  });
};

/** The recorded columns' defaults, as DESCRIBE_DEFAULTS_SQL returns them apart. */
const defaultsOf = (columns: readonly PostgresColumnRow[]) =>
  columns
    .filter((row) => row.defaultExpression !== null)
    .map(({ tableName, name, defaultExpression }) => ({ tableName, name, expression: defaultExpression }));

const column = (table: TableInfo, name: string) => table.columns.find((c) => c.name === name);

describe('createPostgresConnector: introspection', () => {
  it('given a server, when tested, then it reports the version up to the platform and a latency', async () => {
    const connector = given(catalogServer());
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      serverVersion: 'PostgreSQL 15.18 (Debian 15.18-0+deb12u1)',
      latencyMs: expect.any(Number),
    });
    await connector.close();
  });

  it('given a connection naming no database, when databases are listed, then each database is asked for its schemas on its own pool', async () => {
    const server = catalogServer();
    const connector = given(server);
    await expect(connector.listDatabases()).resolves.toEqual([
      'postgres/public',
      'postgres/sales',
      'shop/public',
      'shop/sales',
    ]);
    expect(server.pools.map((pool) => pool.database)).toEqual(['postgres', 'shop']);
    expect(
      server.pools.every((pool) => pool.password === 's3cr3t!' && pool.options === '-c TimeZone=UTC'),
    ).toBe(true);
    await connector.close();
    expect(server.poolsEnded).toBe(2);
  });

  it('given a connection naming its database, when databases are listed, then only its schemas are', async () => {
    const server = catalogServer();
    const connector = given(server, 'shop');
    await expect(connector.listDatabases()).resolves.toEqual(['shop/public', 'shop/sales']);
    expect(server.queries.map((query) => query.database)).toEqual(['shop']);
    await connector.close();
  });

  it('given many tables, when described, then it takes six set-based queries binding the schema and the names as one array, the types by id', async () => {
    const server = catalogServer();
    const connector = given(server);
    const tables = await connector.describe('chinook/public', ['playlist_track', 'album']);
    expect(tables.map((table) => table.name)).toEqual(['playlist_track', 'album']);
    expect(server.queries).toHaveLength(6);
    expect(server.queries.every((query) => query.database === 'chinook')).toBe(true);
    expect(server.queries[0].values).toEqual(['public']);
    expect(server.queries[1].values).toEqual(['public', ['playlist_track', 'album']]);
    expect(server.queries[5]).toMatchObject({ sql: expect.stringContaining('$1::oid[]'), values: [[0, 1]] });
    expect(tables[0]).toMatchObject({ schema: 'chinook/public', primaryKey: ['playlist_id', 'track_id'] });
    expect(tables[1].foreignKeys).toEqual([
      {
        name: 'album_artist_id_fkey',
        columns: ['artist_id'],
        referencedTable: 'artist',
        referencedColumns: ['artist_id'],
      },
    ]);
    await connector.close();
  });

  it('given a bare database, when its tables are listed, then they are its public schema, addressed in full', async () => {
    const server = catalogServer();
    const connector = given(server);
    const tables = await connector.listTables('chinook');
    expect(tables.map((table) => [table.schema, table.name, table.kind])).toEqual([
      ['chinook/public', 'album', 'table'],
      ['chinook/public', 'playlist_track', 'table'],
    ]);
    await connector.close();
  });

  it('given a missing schema, when its tables are listed, then it is DATABASE_NOT_FOUND', async () => {
    const connector = given(new FakePostgresServer());
    await expect(connector.listTables('shop/nope')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await expect(connector.listTables('/public')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
    await connector.close();
  });

  it('given a table the catalog lacks, when described, then it is TABLE_NOT_FOUND naming it', async () => {
    const connector = given(catalogServer());
    await expect(connector.describe('chinook/public', ['album', 'nope'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
      message: expect.stringContaining('"nope"'),
    });
    await connector.close();
  });
});

describe('mapPostgresTables on recorded rows of the hard schema', () => {
  const [odd, measurement, view, totals] = mapPostgresTables(
    'hard/Odd "Schema" ü',
    [ODD, 'measurement', 'odd view', 'totals'],
    {
      tables: ODD_TABLE_ROWS,
      columns: ODD_COLUMN_ROWS,
      indexes: ODD_INDEX_ROWS,
      foreignKeys: ODD_FOREIGN_KEY_ROWS,
    },
  );

  it('given odd types, when mapped, then each column has its kind, its key, its default and its generated flag', () => {
    expect(odd.primaryKey).toEqual(['Id']);
    expect(odd.comment).toBe('odd one');
    expect(odd.rowEstimate).toBeUndefined();
    expect(column(odd, 'Id')).toMatchObject({ autoIncrement: true, nullable: false });
    expect(column(odd, 'Mixed Case ü')).toMatchObject({
      kind: 'Enum',
      enumValues: ['sad', "it's ok", 'happy'],
      defaultValue: 'happy',
    });
    expect(column(odd, 'qty')).toMatchObject({
      nativeType: expect.stringContaining('positive_int'),
      kind: 'Integer',
      nullable: false,
    });
    expect(column(odd, 'matrix')).toMatchObject({ kind: 'Json' });
    expect(column(odd, 'amount')).toMatchObject({ kind: 'Decimal', precision: 30, scale: 10 });
    expect(column(odd, 'twice')).toMatchObject({ generated: true });
    expect(odd.indexes.map((index) => index.name)).toEqual(['Odd "name" [b] 表_pkey', 'uq select']);
  });

  it('given a partitioned table, a view and a materialized view, when mapped, then one table and two read-only views', () => {
    expect(measurement).toMatchObject({ kind: 'table', primaryKey: ['id', 'logged'] });
    expect(column(measurement, 'id')).toMatchObject({ kind: 'LongInteger', autoIncrement: true });
    expect(view.kind).toBe('view');
    expect(totals.kind).toBe('view');
  });
});

describe('createPostgresConnector: data access and errors', () => {
  const [album] = mapPostgresTables('chinook/public', ['album'], {
    tables: CHINOOK_TABLE_ROWS,
    columns: CHINOOK_COLUMN_ROWS,
    indexes: CHINOOK_INDEX_ROWS,
    foreignKeys: CHINOOK_FOREIGN_KEY_ROWS,
  });

  it('given a page with a count, when found, then the select and the count run in the table’s database with bound values', async () => {
    const server = new FakePostgresServer()
      .answer(/^SELECT "album_id"/, [{ album_id: 1, title: 'For Those About To Rock', artist_id: 1 }])
      .answer(/COUNT\(\*\)/, [{ total: 347 }]);
    const connector = given(server);
    const result = await connector.data!.find(album, {
      filters: [{ field: 'title', op: 'contains', value: '50%' }],
      limit: 1,
      count: true,
    });
    expect(result).toEqual({
      rows: [{ album_id: 1, title: 'For Those About To Rock', artist_id: 1 }],
      total: 347,
    });
    expect(server.queries.map(({ database, sql, values }) => [database, sql, values])).toEqual([
      [
        'chinook',
        'SELECT "album_id", "title", "artist_id" FROM "public"."album" WHERE "title" LIKE $1 ESCAPE \'!\' ORDER BY "album_id" ASC LIMIT $2',
        ['%50!%%', 1],
      ],
      [
        'chinook',
        'SELECT COUNT(*) AS "total" FROM "public"."album" WHERE "title" LIKE $1 ESCAPE \'!\'',
        ['%50!%%'],
      ],
    ]);
    await connector.close();
  });

  it('given an insert, when the server returns the key row, then it is the key', async () => {
    const server = new FakePostgresServer().answer(/^INSERT/, [{ album_id: 348 }]);
    const connector = given(server);
    await expect(connector.data!.insert(album, { album_id: 348, title: 'x', artist_id: 1 })).resolves.toEqual(
      { album_id: 348 },
    );
    expect(server.queries[0].sql).toMatch(/RETURNING "album_id"$/);
    await connector.close();
  });

  it('given a duplicate key, when inserted, then it is DUPLICATE_KEY without the server text', async () => {
    const server = new FakePostgresServer().answer(
      /^INSERT/,
      Object.assign(new Error('duplicate key value violates unique constraint "album_pkey"'), {
        code: '23505',
        constraint: 'album_pkey',
        detail: 'Key (album_id)=(1) already exists.',
      }),
    );
    const connector = given(server);
    await expect(
      connector.data!.insert(album, { album_id: 1, title: 'x', artist_id: 1 }),
    ).rejects.toMatchObject({
      code: 'DATA.DUPLICATE_KEY',
      details: { constraint: 'album_pkey', fields: ['album_id'] },
    });
    await connector.close();
  });

  it('given a refused login, when tested, then it is AUTH_FAILED without the password', async () => {
    const server = new FakePostgresServer().answer(
      /version/,
      Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' }),
    );
    const connector = given(server);
    const error = await connector.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect((error as Error).message).not.toContain('s3cr3t!');
    await connector.close();
  });

  it('given a closed connector, when called, then it refuses', async () => {
    const connector = given(catalogServer());
    await connector.close();
    await expect(connector.listDatabases()).rejects.toMatchObject({ code: 'CONNECTOR.UNREACHABLE' });
  });
});

describe('postgresColumnRows', () => {
  const table = (columns: PostgresColumnArrays | null): PostgresDescribedTableRow => ({
    name: 'person',
    kind: 'r',
    rowEstimate: '0',
    comment: null,
    columns: columns === null ? null : JSON.stringify(columns),
  });
  const text = { typeName: 'text', typeType: 'b', category: 'S', domainModifier: null, notNull: false };
  const code = { typeName: 'varchar', typeType: 'b', category: 'S', domainModifier: 14, notNull: true };

  it('given a column of a domain, when joined with its type, then it has the base type, the domain’s modifier and its NOT NULL', () => {
    const [row] = postgresColumnRows(
      parsePostgresColumns([
        table({
          name: ['code'],
          position: [1],
          nativeType: ['code'],
          typeId: [90001],
          typeModifier: [-1],
          notNull: [false],
          identity: [''],
          generated: [''],
        }),
      ]),
      [{ typeId: 90001, ...code, enumValues: null }],
      [{ tableName: 'person', name: 'code', expression: "'x'::character varying" }],
    );
    expect(row).toMatchObject({
      tableName: 'person',
      nativeType: 'code',
      typeName: 'varchar',
      typeModifier: 14,
      notNull: true,
      defaultExpression: "'x'::character varying",
    });
  });

  it('given a table without columns, when joined, then it has none', () => {
    expect(postgresColumnRows(parsePostgresColumns([table(null)]), [], [])).toEqual([]);
  });

  it('given a column retyped between the queries, when joined, then the table is not found as it was, rather than guessed', () => {
    const columns = {
      name: ['note'],
      position: [1],
      nativeType: ['text'],
      typeId: [25],
      typeModifier: [-1],
      notNull: [false],
      identity: [''],
      generated: [''],
    };
    expect(() =>
      postgresColumnRows(
        parsePostgresColumns([table(columns)]),
        [{ typeId: 26, ...text, enumValues: null }],
        [],
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'CONNECTOR.TABLE_NOT_FOUND',
        message: expect.stringContaining('"person"'),
      }),
    );
  });
});

describe('mapPostgresIndexes', () => {
  const columns = CHINOOK_COLUMN_ROWS.filter((row) => row.tableName === 'album');
  const index = (indexName: string, keys: number[], more: Partial<PostgresIndexRow> = {}) => ({
    tableName: 'album',
    indexName,
    isPrimary: false,
    isUnique: true,
    isPartial: false,
    columns: keys,
    ...more,
  });

  it('given key column numbers, when mapped, then they are named from the columns, the primary key first', () => {
    expect(
      mapPostgresIndexes([index('b_title', [2, 3]), index('album_pkey', [1], { isPrimary: true })], columns),
    ).toEqual({
      primaryKey: ['album_id'],
      indexes: [
        { name: 'album_pkey', columns: ['album_id'], unique: true },
        { name: 'b_title', columns: ['title', 'artist_id'], unique: true },
      ],
    });
  });

  it('given an expression part or a partial unique index, when mapped, then the first is left out and the second is not unique', () => {
    expect(
      mapPostgresIndexes([index('lower_title', [0]), index('open_title', [2], { isPartial: true })], columns),
    ).toEqual({ primaryKey: [], indexes: [{ name: 'open_title', columns: ['title'], unique: false }] });
  });
});
