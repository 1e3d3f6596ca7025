import {
  type MssqlColumnRow,
  type MssqlForeignKeyRow,
  type MssqlIndexRow,
  type MssqlTableRow,
} from './mssql-catalog.sql';

/**
 * Catalog rows as SQL Server returns them for Chinook_SqlServer.sql (dbo.Album, dbo.Artist,
 * dbo.PlaylistTrack) plus hard cases written by hand: a schema other than dbo, a view, a table
 * without a primary key and an odd identifier (with a computed decimal(38,10) column and a rowversion,
 * both written by the server). Written from the fixtures' DDL, for unit specs.
 */
export const TABLE_ROWS: MssqlTableRow[] = [
  {
    objectId: 901578250,
    schemaName: 'dbo',
    tableName: 'Album',
    type: 'U ',
    rowEstimate: '347',
    comment: 'Albums by artist',
  },
  {
    objectId: 933578364,
    schemaName: 'dbo',
    tableName: 'Artist',
    type: 'U ',
    rowEstimate: '275',
    comment: null,
  },
  {
    objectId: 965578478,
    schemaName: 'dbo',
    tableName: 'PlaylistTrack',
    type: 'U ',
    rowEstimate: '8715',
    comment: null,
  },
  {
    objectId: 1013578649,
    schemaName: 'Sales',
    tableName: 'Order Lines]',
    type: 'U ',
    rowEstimate: '0',
    comment: null,
  },
  {
    objectId: 1045578763,
    schemaName: 'dbo',
    tableName: 'AuditLog',
    type: 'U ',
    rowEstimate: '12',
    comment: null,
  },
  {
    objectId: 1077578877,
    schemaName: 'dbo',
    tableName: 'customer_list',
    type: 'V ',
    rowEstimate: null,
    comment: '',
  },
];

const column = (
  objectId: number,
  columnId: number,
  name: string,
  rest: Partial<MssqlColumnRow>,
): MssqlColumnRow => ({
  objectId,
  columnId,
  name,
  typeName: 'int',
  maxLength: 4,
  precision: 10,
  scale: 0,
  isNullable: false,
  isIdentity: false,
  isComputed: false,
  defaultDefinition: null,
  ...rest,
});

export const COLUMN_ROWS: MssqlColumnRow[] = [
  column(901578250, 1, 'AlbumId', { isIdentity: true }),
  column(901578250, 3, 'ArtistId', {}),
  column(901578250, 2, 'Title', { typeName: 'nvarchar', maxLength: 320, precision: 0 }),
  column(933578364, 1, 'ArtistId', { isIdentity: true }),
  column(933578364, 2, 'Name', { typeName: 'nvarchar', maxLength: 240, precision: 0, isNullable: true }),
  column(965578478, 1, 'PlaylistId', {}),
  column(965578478, 2, 'TrackId', {}),
  column(1013578649, 1, 'Line No', { typeName: 'smallint', maxLength: 2, precision: 5 }),
  column(1013578649, 2, 'Amount', {
    typeName: 'decimal',
    maxLength: 9,
    precision: 10,
    scale: 2,
    defaultDefinition: '((0))',
  }),
  column(1013578649, 3, 'Created', {
    typeName: 'datetime',
    maxLength: 8,
    precision: 23,
    scale: 3,
    defaultDefinition: '(getdate())',
  }),
  // [Total] AS ([Amount] * 1.0000000001) (a computed column) and [Version] rowversion (named timestamp).
  column(1013578649, 4, 'Total', {
    typeName: 'decimal',
    maxLength: 17,
    precision: 38,
    scale: 10,
    isNullable: true,
    isComputed: true,
  }),
  column(1013578649, 5, 'Version', { typeName: 'timestamp', maxLength: 8, precision: 0 }),
  column(1045578763, 1, 'Message', { typeName: 'nvarchar', maxLength: -1, precision: 0, isNullable: true }),
  column(1077578877, 1, 'ID', {}),
  column(1077578877, 2, 'name', { typeName: 'varchar', maxLength: 91, precision: 0 }),
];

export const INDEX_ROWS: MssqlIndexRow[] = [
  {
    objectId: 901578250,
    indexName: 'PK_Album',
    isPrimaryKey: true,
    isUnique: true,
    hasFilter: false,
    keyOrdinal: 1,
    columnName: 'AlbumId',
  },
  {
    objectId: 901578250,
    indexName: 'IFK_AlbumArtistId',
    isPrimaryKey: false,
    isUnique: false,
    hasFilter: false,
    keyOrdinal: 1,
    columnName: 'ArtistId',
  },
  {
    objectId: 933578364,
    indexName: 'PK_Artist',
    isPrimaryKey: true,
    isUnique: true,
    hasFilter: false,
    keyOrdinal: 1,
    columnName: 'ArtistId',
  },
  {
    objectId: 965578478,
    indexName: 'PK_PlaylistTrack',
    isPrimaryKey: true,
    isUnique: true,
    hasFilter: false,
    keyOrdinal: 2,
    columnName: 'TrackId',
  },
  {
    objectId: 965578478,
    indexName: 'PK_PlaylistTrack',
    isPrimaryKey: true,
    isUnique: true,
    hasFilter: false,
    keyOrdinal: 1,
    columnName: 'PlaylistId',
  },
  {
    objectId: 1013578649,
    indexName: 'PK_OrderLines',
    isPrimaryKey: true,
    isUnique: true,
    hasFilter: false,
    keyOrdinal: 1,
    columnName: 'Line No',
  },
  {
    objectId: 1013578649,
    indexName: 'UX_Amount_Open',
    isPrimaryKey: false,
    isUnique: true,
    hasFilter: true,
    keyOrdinal: 1,
    columnName: 'Amount',
  },
];

export const FOREIGN_KEY_ROWS: MssqlForeignKeyRow[] = [
  {
    objectId: 901578250,
    constraintName: 'FK_AlbumArtistId',
    ordinal: 1,
    columnName: 'ArtistId',
    referencedSchema: 'dbo',
    referencedTableName: 'Artist',
    referencedColumn: 'ArtistId',
  },
];
