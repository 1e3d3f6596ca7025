import { type AttributeType, type Attribute, type Entity } from '../shared/provider';

/**
 * A column as a database describes it now (the connectors' ColumnInfo has this shape): what a
 * version's manifest is compared with, before a promotion and by the drift checks.
 */
export type LiveColumn = Readonly<{
  name: string;
  nativeType: string;
  kind: AttributeType;
  nullable: boolean;
  autoIncrement: boolean;
  generated?: boolean;
  defaultValue?: string;
  length?: number;
  precision?: number;
  scale?: number;
  enumValues?: readonly string[];
}>;

export type LiveTable = Readonly<{
  name: string;
  kind: 'table' | 'view';
  columns: readonly LiveColumn[];
  primaryKey: readonly string[];
}>;

/**
 * What differs between the published entities and the live database. Breaking kinds make calls of the
 * data API fail or lose data; the others are changes an app does not notice (and a promotion accepts).
 */
export const BREAKING_DIFFERENCE_KINDS = [
  'TABLE_DROPPED',
  'TABLE_KIND_CHANGED',
  'COLUMN_DROPPED',
  'TYPE_CHANGED',
  'TYPE_NARROWED',
  'NULLABILITY_TIGHTENED',
  'KEY_CHANGED',
  'REQUIRED_COLUMN_ADDED',
] as const;
export const NON_BREAKING_DIFFERENCE_KINDS = [
  'TABLE_ADDED',
  'COLUMN_ADDED',
  'TYPE_WIDENED',
  'NULLABILITY_RELAXED',
] as const;

export type SchemaDifferenceKind =
  (typeof BREAKING_DIFFERENCE_KINDS)[number] | (typeof NON_BREAKING_DIFFERENCE_KINDS)[number];

export type SchemaDifference = Readonly<{
  kind: SchemaDifferenceKind;
  breaking: boolean;
  table: string;
  /** The entity the difference concerns; absent for a table no entity publishes (TABLE_ADDED). */
  entity?: string;
  column?: string;
  /** What the manifest says and what the database has, as native types or key lists. */
  expected?: string;
  actual?: string;
  message: string;
}>;

const difference = (
  kind: SchemaDifferenceKind,
  fields: Omit<SchemaDifference, 'kind' | 'breaking'>,
): SchemaDifference => ({
  kind,
  breaking: (BREAKING_DIFFERENCE_KINDS as readonly string[]).includes(kind),
  ...fields,
});

/** Integer kinds an app reads as numbers, by range: moving up is widening. */
const INTEGER_RANK: Partial<Record<AttributeType, number>> = { Integer: 1, LongInteger: 2 };

/** Bytes of the integer native types, by the name they start with (MySQL's and SQL Server's alike). */
const INTEGER_BYTES: Readonly<Record<string, number>> = {
  tinyint: 1,
  smallint: 2,
  mediumint: 3,
  int: 4,
  integer: 4,
  bigint: 8,
};

const integerWidth = (nativeType: string): number | undefined =>
  INTEGER_BYTES[/^\s*([a-z]+)/i.exec(nativeType)?.[1]?.toLowerCase() ?? ''];

type Width = 'same' | 'wider' | 'narrower' | 'incompatible';

/** A length absent on a text or binary column means unbounded (TEXT, BLOB). */
const compareBound = (expected: number | undefined, actual: number | undefined): Width => {
  if (expected === actual) return 'same';
  if (actual === undefined) return 'wider';
  if (expected === undefined) return 'narrower';
  return actual > expected ? 'wider' : 'narrower';
};

/** Some values that fit before no longer fit as soon as one bound narrows, whatever the others do. */
const combine = (...widths: Width[]): Width => {
  if (widths.includes('incompatible')) return 'incompatible';
  if (widths.includes('narrower')) return 'narrower';
  return widths.includes('wider') ? 'wider' : 'same';
};

const membersOf = (nativeType: string): string[] | undefined => {
  const match = /^\s*(?:enum|set)\s*\((.*)\)\s*$/is.exec(nativeType);
  if (!match) return undefined;
  return [...match[1].matchAll(/'((?:[^']|'')*)'/g)].map((found) => found[1].replace(/''/g, "'"));
};

const compareMembers = (expected: readonly string[], actual: readonly string[]): Width => {
  const dropped = expected.some((member) => !actual.includes(member));
  const added = actual.some((member) => !expected.includes(member));
  return combine(dropped ? 'narrower' : 'same', added ? 'wider' : 'same');
};

const compareType = (attribute: Attribute, column: LiveColumn): Width => {
  if (attribute.type !== column.kind) {
    const from = INTEGER_RANK[attribute.type];
    const to = INTEGER_RANK[column.kind];
    if (from === undefined || to === undefined) return 'incompatible';
    return to > from ? 'wider' : 'narrower';
  }
  switch (attribute.type) {
    case 'Text':
    case 'BinaryData':
      return compareBound(attribute.length, column.length);
    case 'Decimal': {
      // Digits before the point and after it are two bounds: losing either narrows the type.
      const integerDigits = (precision?: number, scale?: number) =>
        precision === undefined ? undefined : precision - (scale ?? 0);
      return combine(
        compareBound(
          integerDigits(attribute.precision, attribute.scale),
          integerDigits(column.precision, column.scale),
        ),
        compareBound(attribute.scale ?? 0, column.scale ?? 0),
      );
    }
    case 'Enum':
    case 'Set': {
      const expected = membersOf(attribute.nativeType);
      const actual = column.enumValues ?? membersOf(column.nativeType);
      return expected === undefined || actual === undefined ? 'same' : compareMembers(expected, actual);
    }
    case 'Integer':
    case 'LongInteger': {
      const from = integerWidth(attribute.nativeType);
      const to = integerWidth(column.nativeType);
      return from === undefined || to === undefined || from === to
        ? 'same'
        : to > from
          ? 'wider'
          : 'narrower';
    }
    default:
      return 'same';
  }
};

const describeType = (type: string, length?: number, precision?: number, scale?: number): string =>
  type.includes('(')
    ? type
    : length !== undefined
      ? `${type}(${length})`
      : precision !== undefined
        ? `${type}(${precision},${scale ?? 0})`
        : type;

/**
 * The `generated` and `unsupported` marks are not compared: a version published before they were
 * recorded carries none, so every computed column of it would read as changed. A column that became
 * computed is refused by the database when written (a 400), and re-adding its table records the mark.
 */
const columnDifferences = (entity: Entity, attribute: Attribute, column: LiveColumn): SchemaDifference[] => {
  const at = { table: entity.table, entity: entity.name, column: attribute.name };
  const found: SchemaDifference[] = [];
  const width = compareType(attribute, column);
  if (width !== 'same') {
    const kind = width === 'wider' ? 'TYPE_WIDENED' : width === 'narrower' ? 'TYPE_NARROWED' : 'TYPE_CHANGED';
    const expected = describeType(
      attribute.nativeType,
      attribute.length,
      attribute.precision,
      attribute.scale,
    );
    const actual = describeType(column.nativeType, column.length, column.precision, column.scale);
    const verb = { TYPE_WIDENED: 'widened', TYPE_NARROWED: 'narrowed', TYPE_CHANGED: 'changed' }[kind];
    found.push(
      difference(kind, {
        ...at,
        expected,
        actual,
        message: `Column ${entity.table}.${attribute.name} ${verb} from ${expected} (${attribute.type}) to ${actual} (${column.kind})`,
      }),
    );
  }
  if (attribute.nullable !== column.nullable) {
    const tightened = attribute.nullable && !column.nullable;
    found.push(
      difference(tightened ? 'NULLABILITY_TIGHTENED' : 'NULLABILITY_RELAXED', {
        ...at,
        expected: attribute.nullable ? 'NULL' : 'NOT NULL',
        actual: column.nullable ? 'NULL' : 'NOT NULL',
        message: tightened
          ? `Column ${entity.table}.${attribute.name} no longer accepts NULL`
          : `Column ${entity.table}.${attribute.name} now accepts NULL`,
      }),
    );
  }
  return found;
};

/** A column the database fills itself, or that may be left out, does not break an app's inserts. */
const mayBeOmitted = (column: LiveColumn): boolean =>
  column.nullable || column.autoIncrement || column.generated === true || column.defaultValue !== undefined;

const sameKey = (expected: readonly string[], actual: readonly string[]): boolean =>
  expected.length === actual.length && expected.every((name, index) => actual[index] === name);

const entityDifferences = (entity: Entity, table: LiveTable | undefined): SchemaDifference[] => {
  if (table === undefined)
    return [
      difference('TABLE_DROPPED', {
        table: entity.table,
        entity: entity.name,
        message: `Table ${entity.table} of entity ${entity.name} does not exist`,
      }),
    ];
  const found: SchemaDifference[] = [];
  if (entity.kind !== table.kind)
    found.push(
      difference('TABLE_KIND_CHANGED', {
        table: entity.table,
        entity: entity.name,
        expected: entity.kind,
        actual: table.kind,
        message: `${entity.table} is now a ${table.kind}, the entity was published from a ${entity.kind}`,
      }),
    );
  if (!sameKey(entity.primaryKey, table.primaryKey))
    found.push(
      difference('KEY_CHANGED', {
        table: entity.table,
        entity: entity.name,
        expected: entity.primaryKey.join(', '),
        actual: table.primaryKey.join(', '),
        message: `The primary key of ${entity.table} changed from (${entity.primaryKey.join(', ')}) to (${table.primaryKey.join(', ')})`,
      }),
    );
  for (const attribute of entity.attributes) {
    const column = table.columns.find(({ name }) => name === attribute.name);
    if (column === undefined)
      found.push(
        difference('COLUMN_DROPPED', {
          table: entity.table,
          entity: entity.name,
          column: attribute.name,
          expected: attribute.nativeType,
          message: `Column ${entity.table}.${attribute.name} does not exist`,
        }),
      );
    else found.push(...columnDifferences(entity, attribute, column));
  }
  for (const column of table.columns) {
    if (entity.attributes.some(({ name }) => name === column.name)) continue;
    const omittable = mayBeOmitted(column);
    found.push(
      difference(omittable ? 'COLUMN_ADDED' : 'REQUIRED_COLUMN_ADDED', {
        table: entity.table,
        entity: entity.name,
        column: column.name,
        actual: column.nativeType,
        message: omittable
          ? `Column ${entity.table}.${column.name} was added`
          : `Column ${entity.table}.${column.name} was added as NOT NULL without a default: inserts through the data API will fail`,
      }),
    );
  }
  return found;
};

/**
 * Compares a version's entities with the tables a database has now. `tables` need only hold the
 * entities' tables; `newTables` names tables to report as added (the caller knows which are new).
 */
export const compareSchema = (
  entities: readonly Entity[],
  tables: readonly LiveTable[],
  newTables: readonly string[] = [],
): SchemaDifference[] => [
  ...entities.flatMap((entity) =>
    entityDifferences(
      entity,
      tables.find(({ name }) => name === entity.table),
    ),
  ),
  ...newTables
    .filter((name) => !entities.some(({ table }) => table === name))
    .map((name) => difference('TABLE_ADDED', { table: name, message: `Table ${name} was added` })),
];

export const breakingDifferences = (differences: readonly SchemaDifference[]): SchemaDifference[] =>
  differences.filter(({ breaking }) => breaking);
