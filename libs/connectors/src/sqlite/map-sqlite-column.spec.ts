import { type SqliteColumnRow } from './sqlite-catalog.sql';
import { mapSqliteColumn } from './map-sqlite-column';

const row = (overrides: Partial<SqliteColumnRow>): SqliteColumnRow => ({
  tableName: 't',
  cid: 0,
  name: 'c',
  type: '',
  notNull: 0,
  defaultValue: null,
  pk: 0,
  hidden: 0,
  ...overrides,
});

describe('mapSqliteColumn', () => {
  it('given a NOT NULL NVARCHAR(40) column, when mapped, then it is required Text of length 40', () => {
    expect(
      mapSqliteColumn(row({ name: 'FirstName', type: 'NVARCHAR(40)', notNull: 1 }), { rowidAlias: false }),
    ).toEqual({
      name: 'FirstName',
      nativeType: 'NVARCHAR(40)',
      kind: 'Text',
      length: 40,
      nullable: false,
      autoIncrement: false,
    });
  });

  it('given a nullable NUMERIC(10,2) column with a literal default, when mapped, then it carries precision, scale and the literal', () => {
    expect(
      mapSqliteColumn(row({ name: 'Total', type: 'NUMERIC(10,2)', defaultValue: '0' }), {
        rowidAlias: false,
      }),
    ).toEqual({
      name: 'Total',
      nativeType: 'NUMERIC(10,2)',
      kind: 'Decimal',
      precision: 10,
      scale: 2,
      nullable: true,
      defaultValue: '0',
      defaultIsExpression: false,
      autoIncrement: false,
    });
  });

  it('given a DATETIME column defaulting to CURRENT_TIMESTAMP, when mapped, then the default is an expression', () => {
    const column = mapSqliteColumn(row({ type: 'DATETIME', notNull: 1, defaultValue: 'CURRENT_TIMESTAMP' }), {
      rowidAlias: false,
    });
    expect(column).toMatchObject({
      kind: 'DateTime',
      defaultValue: 'CURRENT_TIMESTAMP',
      defaultIsExpression: true,
    });
  });

  it('given the rowid alias of its table, when mapped, then it is a required auto-increment Integer', () => {
    expect(mapSqliteColumn(row({ name: 'AlbumId', type: 'INTEGER', pk: 1 }), { rowidAlias: true })).toEqual({
      name: 'AlbumId',
      nativeType: 'INTEGER',
      kind: 'Integer',
      nullable: false,
      autoIncrement: true,
    });
  });

  it('given a primary key column declared without NOT NULL, when mapped, then it still counts as not nullable', () => {
    expect(mapSqliteColumn(row({ type: 'VARCHAR(10)', pk: 2 }), { rowidAlias: false })).toMatchObject({
      nullable: false,
      autoIncrement: false,
    });
  });

  it('given a column without a declared type, when mapped, then the native type stays empty and the kind is BinaryData', () => {
    expect(mapSqliteColumn(row({ name: 'anything' }), { rowidAlias: false })).toEqual({
      name: 'anything',
      nativeType: '',
      kind: 'BinaryData',
      nullable: true,
      autoIncrement: false,
    });
  });

  it.each([
    [2, 'VIRTUAL'],
    [3, 'STORED'],
  ])(
    'given hidden %s (a %s generated column), when mapped, then it is generated and not required',
    (hidden) => {
      expect(
        mapSqliteColumn(row({ name: 'total', type: 'REAL', notNull: 1, hidden }), { rowidAlias: false }),
      ).toEqual({
        name: 'total',
        nativeType: 'REAL',
        kind: 'Decimal',
        nullable: false,
        autoIncrement: false,
        generated: true,
      });
    },
  );

  it('given an ordinary column (hidden 0), when mapped, then it has no generated flag', () => {
    expect(mapSqliteColumn(row({ name: 'c', type: 'TEXT' }), { rowidAlias: false })).not.toHaveProperty(
      'generated',
    );
  });
});
