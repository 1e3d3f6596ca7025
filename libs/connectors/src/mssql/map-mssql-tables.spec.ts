import { ConnectorError } from '../spi';
import {
  isMssqlGenerated,
  mapMssqlTableSummaries,
  mapMssqlTables,
  resolveMssqlTables,
} from './map-mssql-tables';
import { COLUMN_ROWS, FOREIGN_KEY_ROWS, INDEX_ROWS, TABLE_ROWS } from './mssql-recorded-catalog';

const catalog = { columns: COLUMN_ROWS, indexes: INDEX_ROWS, foreignKeys: FOREIGN_KEY_ROWS };
const describe_ = (names: string[]) => mapMssqlTables(resolveMssqlTables(names, TABLE_ROWS), catalog);

describe('mapMssqlTableSummaries', () => {
  it('given recorded sys.objects rows, when mapped, then tables and views carry schema, qualified name, estimate and comment', () => {
    expect(mapMssqlTableSummaries(TABLE_ROWS)).toEqual([
      { schema: 'dbo', name: 'Album', kind: 'table', rowEstimate: 347, comment: 'Albums by artist' },
      { schema: 'dbo', name: 'Artist', kind: 'table', rowEstimate: 275 },
      { schema: 'dbo', name: 'PlaylistTrack', kind: 'table', rowEstimate: 8715 },
      { schema: 'Sales', name: 'Sales.Order Lines]', kind: 'table', rowEstimate: 0 },
      { schema: 'dbo', name: 'AuditLog', kind: 'table', rowEstimate: 12 },
      { schema: 'dbo', name: 'customer_list', kind: 'view' },
    ]);
  });
});

describe('mapMssqlTables', () => {
  it('given Chinook Album, when described, then columns follow column order with identity, PK, FK and indexes', () => {
    const [album] = describe_(['Album']);
    expect(album).toEqual({
      schema: 'dbo',
      name: 'Album',
      kind: 'table',
      rowEstimate: 347,
      comment: 'Albums by artist',
      columns: [
        { name: 'AlbumId', nativeType: 'int', kind: 'Integer', nullable: false, autoIncrement: true },
        {
          name: 'Title',
          nativeType: 'nvarchar(160)',
          kind: 'Text',
          length: 160,
          nullable: false,
          autoIncrement: false,
        },
        { name: 'ArtistId', nativeType: 'int', kind: 'Integer', nullable: false, autoIncrement: false },
      ],
      primaryKey: ['AlbumId'],
      foreignKeys: [
        {
          name: 'FK_AlbumArtistId',
          columns: ['ArtistId'],
          referencedTable: 'Artist',
          referencedColumns: ['ArtistId'],
        },
      ],
      indexes: [
        { name: 'PK_Album', columns: ['AlbumId'], unique: true },
        { name: 'IFK_AlbumArtistId', columns: ['ArtistId'], unique: false },
      ],
    });
  });

  it('given a composite primary key, when described, then the key is in key order', () => {
    const [playlistTrack] = describe_(['PlaylistTrack']);
    expect(playlistTrack.primaryKey).toEqual(['PlaylistId', 'TrackId']);
    expect(playlistTrack.indexes).toEqual([
      { name: 'PK_PlaylistTrack', columns: ['PlaylistId', 'TrackId'], unique: true },
    ]);
  });

  it('given a table of another schema with odd names, literal and expression defaults and a filtered unique index, when described, then all are exact', () => {
    const [lines] = describe_(['Sales.Order Lines]']);
    expect(lines).toMatchObject({ schema: 'Sales', name: 'Sales.Order Lines]', primaryKey: ['Line No'] });
    expect(lines.columns[1]).toEqual({
      name: 'Amount',
      nativeType: 'decimal(10,2)',
      kind: 'Decimal',
      precision: 10,
      scale: 2,
      nullable: false,
      defaultValue: '0',
      defaultIsExpression: false,
      autoIncrement: false,
    });
    expect(lines.columns[2]).toMatchObject({
      kind: 'DateTime',
      defaultValue: 'getdate()',
      defaultIsExpression: true,
    });
    expect(lines.indexes[1]).toEqual({ name: 'UX_Amount_Open', columns: ['Amount'], unique: false });
  });

  it('given a computed column and a rowversion, when described, then both are generated; other columns are not', () => {
    const [lines] = describe_(['Sales.Order Lines]']);
    expect(lines.columns.map((c) => [c.name, c.generated === true])).toEqual([
      ['Line No', false],
      ['Amount', false],
      ['Created', false],
      ['Total', true],
      ['Version', true],
    ]);
    expect(lines.columns[3]).toEqual({
      name: 'Total',
      nativeType: 'decimal(38,10)',
      kind: 'Decimal',
      precision: 38,
      scale: 10,
      nullable: true,
      autoIncrement: false,
      generated: true,
    });
    expect(lines.columns[4]).toMatchObject({ nativeType: 'timestamp', kind: 'BinaryData', generated: true });
    expect(lines.columns[1]).not.toHaveProperty('generated');
  });

  it.each([
    ['a computed column', { isComputed: true, typeName: 'int' }, true],
    ['rowversion', { isComputed: false, typeName: 'rowversion' }, true],
    ['timestamp', { isComputed: false, typeName: 'TIMESTAMP' }, true],
    ['a plain binary(8)', { isComputed: false, typeName: 'binary' }, false],
  ])('given %s, when checked, then generated is %s', (_, row, generated) => {
    expect(isMssqlGenerated(row)).toBe(generated);
  });

  it('given a table without a primary key and a view, when described, then their keys are empty', () => {
    const [audit, view] = describe_(['AuditLog', 'customer_list']);
    expect(audit).toMatchObject({ kind: 'table', primaryKey: [], indexes: [] });
    expect(audit.columns[0]).toEqual({
      name: 'Message',
      nativeType: 'nvarchar(max)',
      kind: 'Text',
      nullable: true,
      autoIncrement: false,
    });
    expect(view).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [] });
    expect(view).not.toHaveProperty('rowEstimate');
  });

  it('given duplicated and unknown names, when resolved, then unknown ones are named in TABLE_NOT_FOUND', () => {
    expect(resolveMssqlTables(['Artist', 'Artist'], TABLE_ROWS)).toHaveLength(1);
    expect(() => resolveMssqlTables(['Artist', 'Nope', 'dbo.Artist'], TABLE_ROWS)).toThrow(
      new ConnectorError('CONNECTOR.TABLE_NOT_FOUND', 'Table or view not found: "Nope", "dbo.Artist"'),
    );
  });
});
