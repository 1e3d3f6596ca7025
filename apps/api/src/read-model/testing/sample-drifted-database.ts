import { type Attribute, type Entity, type LiveColumn, type LiveTable } from '@ib/domain';

/** How a sample database moved away from the entities published from it (named for what a check reports). */
export const DRIFTS = [
  'COLUMN_DROPPED',
  'COLUMN_ADDED',
  'REQUIRED_COLUMN_ADDED',
  'TYPE_WIDENED',
  'TYPE_NARROWED',
  'NULLABILITY_TIGHTENED',
  'NULLABILITY_RELAXED',
  'KEY_CHANGED',
  'TABLE_DROPPED',
  'TABLE_ADDED',
] as const;
export type Drift = (typeof DRIFTS)[number];

/** What a drift check sees of a database: every table it lists, and the entities' tables described. */
export type SampleDatabase = Readonly<{ tables: string[]; described: LiveTable[] }>;

/** The table a DBA adds beside the published ones. */
export const ADDED_TABLE = 'AuditLog';

const liveColumn = ({ name, nativeType, type, nullable, autoIncrement, ...rest }: Attribute): LiveColumn => ({
  name,
  nativeType,
  kind: type,
  nullable,
  autoIncrement,
  ...(rest.defaultValue === undefined ? {} : { defaultValue: rest.defaultValue }),
  ...(rest.length === undefined ? {} : { length: rest.length }),
  ...(rest.precision === undefined ? {} : { precision: rest.precision }),
  ...(rest.scale === undefined ? {} : { scale: rest.scale }),
});

const liveTable = (entity: Entity): LiveTable => ({
  name: entity.table,
  kind: entity.kind,
  columns: entity.attributes.map(liveColumn),
  primaryKey: entity.primaryKey,
});

/** Changes one column of the table (the first that `matches`); a table without one stays as it was. */
const changeColumn = (
  table: LiveTable,
  matches: (column: LiveColumn) => boolean,
  change: (column: LiveColumn) => LiveColumn,
): LiveTable => {
  const index = table.columns.findIndex(matches);
  return index < 0
    ? table
    : { ...table, columns: table.columns.map((column, at) => (at === index ? change(column) : column)) };
};

const isKey = (table: LiveTable) => (column: LiveColumn) => table.primaryKey.includes(column.name);
const isText = (column: LiveColumn) => column.kind === 'Text' && column.length !== undefined;

/** The first entity's table takes the column drifts: the one an app reads most in a sample history. */
const drifted = (table: LiveTable, drift: Exclude<Drift, 'TABLE_DROPPED' | 'TABLE_ADDED'>): LiveTable => {
  const key = isKey(table);
  switch (drift) {
    case 'COLUMN_DROPPED': {
      const dropped = table.columns.findLast((column) => !key(column));
      return dropped === undefined
        ? table
        : { ...table, columns: table.columns.filter((c) => c !== dropped) };
    }
    case 'COLUMN_ADDED':
      return {
        ...table,
        columns: [
          ...table.columns,
          {
            name: 'Notes',
            nativeType: 'NVARCHAR(200)',
            kind: 'Text',
            length: 200,
            nullable: true,
            autoIncrement: false,
          },
        ],
      };
    case 'REQUIRED_COLUMN_ADDED':
      return {
        ...table,
        columns: [
          ...table.columns,
          {
            name: 'Code',
            nativeType: 'NVARCHAR(20)',
            kind: 'Text',
            length: 20,
            nullable: false,
            autoIncrement: false,
          },
        ],
      };
    case 'TYPE_WIDENED':
      return table.columns.some(isText)
        ? changeColumn(table, isText, (column) => ({ ...column, nativeType: 'NVARCHAR(255)', length: 255 }))
        : changeColumn(table, key, (column) => ({ ...column, nativeType: 'BIGINT', kind: 'LongInteger' }));
    case 'TYPE_NARROWED':
      return table.columns.some(isText)
        ? changeColumn(table, isText, (column) => ({ ...column, nativeType: 'NVARCHAR(60)', length: 60 }))
        : changeColumn(table, key, (column) => ({ ...column, nativeType: 'SMALLINT' }));
    case 'NULLABILITY_TIGHTENED':
      return changeColumn(
        table,
        (column) => column.nullable,
        (column) => ({ ...column, nullable: false }),
      );
    case 'NULLABILITY_RELAXED':
      return changeColumn(
        table,
        (column) => !column.nullable && !key(column),
        (column) => ({ ...column, nullable: true }),
      );
    case 'KEY_CHANGED': {
      const second = table.columns.find((column) => !key(column));
      return second === undefined ? table : { ...table, primaryKey: [...table.primaryKey, second.name] };
    }
  }
};

/**
 * The database an integration's entities were published from, as a check sees it after `drifts`:
 * `tables` lists it holds besides the entities' own (the rest of the sample schema).
 */
export function driftedDatabase(
  entities: readonly Entity[],
  tables: readonly string[],
  drifts: readonly Drift[],
): SampleDatabase {
  let described = entities.map(liveTable);
  let listed = [...new Set([...tables, ...described.map(({ name }) => name)])];
  for (const drift of drifts)
    if (drift === 'TABLE_ADDED') listed = [...new Set([...listed, ADDED_TABLE])];
    else if (drift === 'TABLE_DROPPED') {
      const dropped = described.at(-1)?.name;
      listed = listed.filter((name) => name !== dropped);
      described = described.filter(({ name }) => name !== dropped);
    } else described = described.map((table, index) => (index === 0 ? drifted(table, drift) : table));
  return { tables: listed, described };
}
