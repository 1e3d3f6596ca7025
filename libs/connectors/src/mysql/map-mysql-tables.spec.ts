import { ConnectorError } from '../spi';
import {
  type MysqlCheckRow,
  type MysqlColumnRow,
  type MysqlForeignKeyRow,
  type MysqlIndexRow,
  type MysqlTableRow,
} from './mysql-catalog.sql';
import {
  isMysqlGenerated,
  jsonCheckedColumns,
  mapMysqlColumn,
  mapMysqlTableSummaries,
  mapMysqlTables,
} from './map-mysql-tables';

/** Rows as MariaDB 10.11 returns them for Sakila's film_actor, film (in part) and the actor_info view. */
const tables: MysqlTableRow[] = [
  { name: 'actor_info', type: 'VIEW', rowEstimate: null, comment: 'VIEW' },
  { name: 'film', type: 'BASE TABLE', rowEstimate: '1000', comment: '' },
  { name: 'film_actor', type: 'BASE TABLE', rowEstimate: 5462, comment: 'who plays in what' },
  { name: 'film_seq', type: 'SEQUENCE', rowEstimate: 1, comment: '' },
];

const column = (
  tableName: string,
  position: number,
  name: string,
  rest: Partial<MysqlColumnRow>,
): MysqlColumnRow => ({
  tableName,
  name,
  position,
  columnType: 'int(11)',
  dataType: 'int',
  isNullable: 'NO',
  columnDefault: null,
  extra: '',
  maxLength: null,
  numericPrecision: null,
  numericScale: null,
  datetimePrecision: null,
  ...rest,
});

const columns: MysqlColumnRow[] = [
  column('film_actor', 3, 'last_update', {
    columnType: 'timestamp',
    dataType: 'timestamp',
    columnDefault: 'current_timestamp()',
    extra: 'on update current_timestamp()',
  }),
  column('film_actor', 1, 'actor_id', { columnType: 'smallint(5) unsigned', dataType: 'smallint' }),
  column('film_actor', 2, 'film_id', { columnType: 'smallint(5) unsigned', dataType: 'smallint' }),
  column('film', 1, 'film_id', {
    columnType: 'smallint(5) unsigned',
    dataType: 'smallint',
    extra: 'auto_increment',
  }),
  column('film', 2, 'title', { columnType: 'varchar(128)', dataType: 'varchar', maxLength: 128 }),
  column('film', 3, 'rating', {
    columnType: "enum('G','PG','PG-13','R','NC-17')",
    dataType: 'enum',
    isNullable: 'YES',
    columnDefault: "'G'",
    maxLength: 5,
  }),
  column('film', 4, 'extras', {
    columnType: 'longtext',
    dataType: 'longtext',
    isNullable: 'YES',
    columnDefault: 'NULL',
  }),
  column('film', 5, 'rental_rate', {
    columnType: 'decimal(4,2)',
    dataType: 'decimal',
    columnDefault: '4.99',
  }),
  column('film', 6, 'release_year', { columnType: 'year(4)', dataType: 'year', isNullable: 'YES' }),
  column('actor_info', 1, 'actor_id', {
    columnType: 'smallint(5) unsigned',
    dataType: 'smallint',
    columnDefault: '0',
  }),
];

const indexes: MysqlIndexRow[] = [
  { tableName: 'film_actor', indexName: 'PRIMARY', seqInIndex: 2, columnName: 'film_id', nonUnique: 0 },
  { tableName: 'film_actor', indexName: 'PRIMARY', seqInIndex: 1, columnName: 'actor_id', nonUnique: 0 },
  {
    tableName: 'film_actor',
    indexName: 'idx_fk_film_id',
    seqInIndex: 1,
    columnName: 'film_id',
    nonUnique: '1',
  },
  { tableName: 'film', indexName: 'uq_title', seqInIndex: 1, columnName: 'title', nonUnique: '0' },
  { tableName: 'film', indexName: 'PRIMARY', seqInIndex: 1, columnName: 'film_id', nonUnique: '0' },
  { tableName: 'film', indexName: 'functional', seqInIndex: 1, columnName: null, nonUnique: '1' },
];

const foreignKeys: MysqlForeignKeyRow[] = [
  fk('film_actor', 'fk_film_actor_film', 'film_id', 'film', 'film_id'),
  fk('film_actor', 'fk_film_actor_actor', 'actor_id', 'actor', 'actor_id'),
];

const checks: MysqlCheckRow[] = [
  { tableName: 'film', constraintName: 'extras', checkClause: 'json_valid(`extras`)' },
  { tableName: 'film', constraintName: 'CONSTRAINT_1', checkClause: '`rental_rate` >= 0' },
];

function fk(
  tableName: string,
  constraintName: string,
  columnName: string,
  referencedTable: string,
  referencedColumn: string,
): MysqlForeignKeyRow {
  return {
    tableName,
    constraintName,
    columnName,
    position: 1,
    referencedSchema: 'sakila',
    referencedTable,
    referencedColumn,
  };
}

const catalog = { tables, columns, indexes, foreignKeys, checks };

describe('mapMysqlTableSummaries', () => {
  it('given tables, a view and a sequence, when listed, then tables and views come with estimate and comment, sequences not', () => {
    expect(mapMysqlTableSummaries('sakila', tables)).toEqual([
      { schema: 'sakila', name: 'actor_info', kind: 'view' },
      { schema: 'sakila', name: 'film', kind: 'table', rowEstimate: 1000 },
      {
        schema: 'sakila',
        name: 'film_actor',
        kind: 'table',
        rowEstimate: 5462,
        comment: 'who plays in what',
      },
    ]);
  });
});

describe('mapMysqlTables', () => {
  it('given a composite primary key and two foreign keys, when described, then the key is in key order', () => {
    const [filmActor] = mapMysqlTables('sakila', ['film_actor'], catalog, 'mariadb');
    expect(filmActor).toEqual({
      schema: 'sakila',
      name: 'film_actor',
      kind: 'table',
      rowEstimate: 5462,
      comment: 'who plays in what',
      columns: [
        {
          name: 'actor_id',
          nativeType: 'smallint(5) unsigned',
          kind: 'Integer',
          nullable: false,
          autoIncrement: false,
        },
        {
          name: 'film_id',
          nativeType: 'smallint(5) unsigned',
          kind: 'Integer',
          nullable: false,
          autoIncrement: false,
        },
        {
          name: 'last_update',
          nativeType: 'timestamp',
          kind: 'DateTime',
          nullable: false,
          defaultValue: 'current_timestamp()',
          defaultIsExpression: true,
          autoIncrement: false,
        },
      ],
      primaryKey: ['actor_id', 'film_id'],
      foreignKeys: [
        {
          name: 'fk_film_actor_actor',
          columns: ['actor_id'],
          referencedTable: 'actor',
          referencedColumns: ['actor_id'],
        },
        {
          name: 'fk_film_actor_film',
          columns: ['film_id'],
          referencedTable: 'film',
          referencedColumns: ['film_id'],
        },
      ],
      indexes: [
        { name: 'PRIMARY', columns: ['actor_id', 'film_id'], unique: true },
        { name: 'idx_fk_film_id', columns: ['film_id'], unique: false },
      ],
    });
  });

  it('given enum, JSON (MariaDB check), decimal and year columns, when described, then each gets its kind and default', () => {
    const [film] = mapMysqlTables('sakila', ['film'], catalog, 'mariadb');
    expect(film.columns).toEqual([
      {
        name: 'film_id',
        nativeType: 'smallint(5) unsigned',
        kind: 'Integer',
        nullable: false,
        autoIncrement: true,
      },
      {
        name: 'title',
        nativeType: 'varchar(128)',
        kind: 'Text',
        length: 128,
        nullable: false,
        autoIncrement: false,
      },
      {
        name: 'rating',
        nativeType: "enum('G','PG','PG-13','R','NC-17')",
        kind: 'Enum',
        enumValues: ['G', 'PG', 'PG-13', 'R', 'NC-17'],
        nullable: true,
        defaultValue: 'G',
        defaultIsExpression: false,
        autoIncrement: false,
      },
      { name: 'extras', nativeType: 'json', kind: 'Json', nullable: true, autoIncrement: false },
      {
        name: 'rental_rate',
        nativeType: 'decimal(4,2)',
        kind: 'Decimal',
        precision: 4,
        scale: 2,
        nullable: false,
        defaultValue: '4.99',
        defaultIsExpression: false,
        autoIncrement: false,
      },
      { name: 'release_year', nativeType: 'year(4)', kind: 'Integer', nullable: true, autoIncrement: false },
    ]);
    expect(film.primaryKey).toEqual(['film_id']);
    expect(film.indexes).toEqual([
      { name: 'PRIMARY', columns: ['film_id'], unique: true },
      { name: 'uq_title', columns: ['title'], unique: true },
    ]);
  });

  it('given a view, when described, then it has no key, estimate or comment', () => {
    const [view] = mapMysqlTables('sakila', ['actor_info'], catalog, 'mariadb');
    expect(view).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [], indexes: [] });
    expect(view).not.toHaveProperty('rowEstimate');
    expect(view).not.toHaveProperty('comment');
  });

  it('given tables asked twice and out of order, when described, then each comes once in the order asked', () => {
    const names = mapMysqlTables('sakila', ['film_actor', 'film', 'film_actor'], catalog, 'mariadb').map(
      (t) => t.name,
    );
    expect(names).toEqual(['film_actor', 'film']);
  });

  it('given a name that differs only in case or a sequence, when described, then TABLE_NOT_FOUND names them', () => {
    expect(() => mapMysqlTables('sakila', ['Film', 'film_seq', 'film'], catalog, 'mariadb')).toThrow(
      new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'Table or view not found: "Film", "film_seq"'),
    );
  });
});

describe('jsonCheckedColumns', () => {
  it('given json_valid checks, with a backtick in a name, when read, then only those columns are JSON', () => {
    expect(
      jsonCheckedColumns([
        { tableName: 't', constraintName: 'we`ird', checkClause: 'json_valid(`we``ird`)' },
        { tableName: 't', constraintName: 'c', checkClause: 'json_valid(`a`) and `b` > 0' },
      ]),
    ).toEqual(new Set(['we`ird']));
  });
});

describe('generated columns', () => {
  it.each([
    ['MySQL', 'VIRTUAL GENERATED', true],
    ['MySQL', 'STORED GENERATED', true],
    ['MariaDB', 'VIRTUAL GENERATED', true],
    ['MariaDB', 'PERSISTENT GENERATED', true],
    ['MariaDB', 'STORED GENERATED', true],
    ['MySQL 8.0.13+', 'DEFAULT_GENERATED', false],
    ['MySQL', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP', false],
    ['both', 'auto_increment', false],
    ['both', '', false],
  ])('given %s EXTRA "%s", when checked, then generated is %s', (_, extra, generated) => {
    expect(isMysqlGenerated(extra)).toBe(generated);
  });

  it('given a MariaDB PERSISTENT GENERATED column, when mapped, then it is generated; a plain column is not', () => {
    const total = column('film', 9, 'total', {
      columnType: 'decimal(6,2)',
      dataType: 'decimal',
      isNullable: 'YES',
      extra: 'PERSISTENT GENERATED',
      numericPrecision: 6,
      numericScale: 2,
    });
    expect(mapMysqlColumn(total, 'mariadb')).toEqual({
      name: 'total',
      nativeType: 'decimal(6,2)',
      kind: 'Decimal',
      precision: 6,
      scale: 2,
      nullable: true,
      autoIncrement: false,
      generated: true,
    });
    expect(mapMysqlColumn(column('film', 1, 'film_id', {}), 'mariadb')).not.toHaveProperty('generated');
  });
});
