import { buildCount, buildInsert, buildSelect, buildUpdate } from '../data';
import { type ColumnInfo, type TableInfo } from '../spi';
import { postgresSqlDialect, toPostgresDateTime } from './postgres-sql-dialect';
import { quoteIdentifier } from './quote-identifier';

const col = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  nativeType: 'text',
  kind,
  nullable: true,
  autoIncrement: false,
  ...extra,
});

const table: TableInfo = {
  schema: 'shop/Sales "EU"',
  name: 'Or"der',
  kind: 'table',
  columns: [
    col('Id', 'Integer', { nativeType: 'integer', nullable: false, autoIncrement: true }),
    col('why?', 'Text', { nativeType: 'character varying(10)' }),
    col('uid', 'Text', { nativeType: 'uuid' }),
    col('tags', 'Json', { nativeType: 'text[]' }),
    col('doc', 'Json', { nativeType: 'jsonb' }),
    col('at', 'DateTime', { nativeType: 'timestamp with time zone' }),
    col('clock', 'Time', { nativeType: 'time without time zone' }),
  ],
  primaryKey: ['Id'],
  foreignKeys: [],
  indexes: [],
};

describe('postgresSqlDialect', () => {
  it('given filters, sort and paging, when a select is built, then names are double-quoted, the schema of the address qualifies the table and values are $n', () => {
    const { sql, parameters } = buildSelect(postgresSqlDialect, table, {
      filters: [
        { field: 'why?', op: 'contains', value: '50%_off!' },
        { field: 'uid', op: 'eq', value: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' },
      ],
      sort: [{ field: 'why?', direction: 'desc' }],
      limit: 10,
      offset: 20,
    });
    expect(sql).toBe(
      'SELECT "Id", "why?", "uid"::text AS "uid", to_json("tags") AS "tags", "doc", "at", "clock" ' +
        'FROM "Sales ""EU"""."Or""der" WHERE "why?" LIKE $1 ESCAPE \'!\' AND "uid"::text = $2 ' +
        'ORDER BY "why?" DESC LIMIT $3 OFFSET $4',
    );
    expect(parameters).toEqual(['%50!%!_off!!%', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 10, 20]);
  });

  it('given only an offset, when paged, then no LIMIT is written', () => {
    const { sql } = buildSelect(postgresSqlDialect, table, { offset: 5, fields: ['Id'] });
    expect(sql).toBe('SELECT "Id" FROM "Sales ""EU"""."Or""der" ORDER BY "Id" ASC OFFSET $1');
  });

  it('given a bare database address, when a table is named, then it is in the public schema', () => {
    const { sql } = buildCount(postgresSqlDialect, { ...table, schema: 'shop_qa' });
    expect(sql).toBe('SELECT COUNT(*) AS "total" FROM "public"."Or""der"');
  });

  it('given values, when an insert is built, then RETURNING gives the key and arrays, JSON and instants are driver-ready', () => {
    const { sql, parameters, returnsKey } = buildInsert(postgresSqlDialect, table, {
      tags: ['a', null],
      doc: { a: 1 },
      at: '2024-05-01T10:00:00.5+02:00',
      clock: '09:30:00.000',
    });
    expect(sql).toBe(
      'INSERT INTO "Sales ""EU"""."Or""der" ("tags", "doc", "at", "clock") VALUES ($1, $2, $3, $4) RETURNING "Id"',
    );
    expect(returnsKey).toBe(true);
    expect(parameters).toEqual([['a', null], '{"a":1}', '2024-05-01 08:00:00.5+00', '09:30:00']);
  });

  it('given no values, when an insert is built, then the server fills DEFAULT VALUES', () => {
    expect(buildInsert(postgresSqlDialect, table, {}).sql).toBe(
      'INSERT INTO "Sales ""EU"""."Or""der" DEFAULT VALUES RETURNING "Id"',
    );
  });

  it('given an update, when built, then the key condition follows the assignments', () => {
    expect(buildUpdate(postgresSqlDialect, table, { Id: 3 }, { 'why?': 'x' })).toMatchObject({
      sql: 'UPDATE "Sales ""EU"""."Or""der" SET "why?" = $1 WHERE "Id" = $2',
      parameters: ['x', 3],
    });
  });

  it('given an instant, when written, then it is its UTC time with the microseconds PostgreSQL keeps', () => {
    expect(toPostgresDateTime('2024-12-31T23:30:00.1234567-01:00')).toBe('2025-01-01 00:30:00.123456+00');
    expect(toPostgresDateTime('not a date')).toBe('not a date');
  });
});

describe('quoteIdentifier (PostgreSQL)', () => {
  it('given quotes, spaces and mixed case, when quoted, then double quotes are doubled', () => {
    expect(quoteIdentifier('My "Odd" name')).toBe('"My ""Odd"" name"');
  });

  it('given a NUL, when quoted, then it is refused', () => {
    expect(() => quoteIdentifier('a\0b')).toThrow(
      expect.objectContaining({ code: 'CONNECTOR.INVALID_OPTIONS' }),
    );
  });
});
