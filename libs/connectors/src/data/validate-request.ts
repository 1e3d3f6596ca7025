import {
  DataValidationError,
  type ColumnInfo,
  type Filter,
  type FindQuery,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { checkValue, checkValues, readOnlyValues, type FieldError } from './check-values';
import { type DataProvider } from './wire-format';

export const MAX_LIMIT = 1000;
export const MAX_IN_VALUES = 1000;
/** Kinds whose text LIKE can search (a MySQL SET is its members' comma list). */
const SEARCHABLE_KINDS = new Set<ColumnInfo['kind']>(['Text', 'Enum', 'Set']);
/** Kinds that can only be tested for NULL (their stored form is not what the API shows). */
const NULL_ONLY_KINDS = new Set<ColumnInfo['kind']>(['BinaryData', 'Json']);

/**
 * Every check below runs against the metadata before any SQL is built, and throws one
 * DataValidationError naming every field at fault.
 */
export function validateFindQuery(table: TableInfo, query: FindQuery): void {
  const columns = columnsOf(table);
  const errors: FieldError[] = [];
  for (const filter of query.filters ?? []) errors.push(...checkFilter(table, columns, filter));
  for (const sort of query.sort ?? []) {
    const column = columns.get(sort.field);
    if (!column) errors.push(unknownField(table, sort.field));
    else if (sort.direction !== 'asc' && sort.direction !== 'desc') {
      errors.push({ field: sort.field, message: 'sort direction must be asc or desc' });
    } else if (NULL_ONLY_KINDS.has(column.kind)) {
      errors.push({ field: sort.field, message: 'cannot be sorted on' });
    }
  }
  for (const field of query.fields ?? []) if (!columns.has(field)) errors.push(unknownField(table, field));
  if (query.fields !== undefined && query.fields.length === 0) {
    errors.push({ field: 'fields', message: 'must name at least one attribute' });
  }
  if (
    query.limit !== undefined &&
    !(Number.isInteger(query.limit) && query.limit >= 1 && query.limit <= MAX_LIMIT)
  ) {
    errors.push({ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  if (query.offset !== undefined && !(Number.isSafeInteger(query.offset) && query.offset >= 0)) {
    errors.push({ field: 'offset', message: 'must be a whole number, 0 or more' });
  }
  throwIfAny(table, errors);
}

/** A key names every primary key column, nothing else, each with a value of its type. */
export function validateKey(table: TableInfo, key: Key): void {
  throwIfAny(table, checkKey(table, key));
}

/**
 * `provider` bounds integers by the column's native type (see integerRange). Values for read-only
 * attributes are refused with the others; when they are the only fault the code says so
 * (DATA.READ_ONLY_ATTRIBUTE), as a client can then only leave them out.
 */
export function validateInsert(table: TableInfo, values: Row, provider?: DataProvider): void {
  assertWritable(table);
  if (!isRecord(values)) throwIfAny(table, [notAnObject]);
  const readOnly = readOnlyValues(table, values);
  const errors = [
    ...unknownFields(table, values),
    ...readOnly,
    ...checkValues(table, values, 'insert', provider),
  ];
  throwIfAny(table, errors, readOnly);
}

/** A partial update: at least one known, writable, non-key attribute, each value fitting its attribute. */
export function validateUpdate(table: TableInfo, key: Key, values: Row, provider?: DataProvider): void {
  assertWritable(table);
  if (!isRecord(values)) throwIfAny(table, [notAnObject]);
  const readOnly = readOnlyValues(table, values);
  const errors = [...checkKey(table, key), ...unknownFields(table, values), ...readOnly];
  for (const field of Object.keys(values)) {
    if (table.primaryKey.includes(field))
      errors.push({ field, message: 'is part of the key and cannot be changed' });
  }
  if (Object.values(values).every((value) => value === undefined)) {
    errors.push({ field: 'values', message: 'must change at least one attribute' });
  }
  errors.push(...checkValues(table, values, 'update', provider));
  throwIfAny(table, errors, readOnly);
}

export function validateDelete(table: TableInfo, key: Key): void {
  assertWritable(table);
  validateKey(table, key);
}

/** Views and tables without a primary key are read-only entities: rows cannot be addressed. */
export function assertWritable(table: TableInfo): void {
  if (table.kind === 'view' || table.primaryKey.length === 0) {
    const why = table.kind === 'view' ? 'is a view' : 'has no primary key';
    throw new DataValidationError(
      `${table.name} ${why}: its rows are read-only`,
      [{ field: table.name, message: `${why}; rows are read-only` }],
      'DATA.READ_ONLY',
    );
  }
}

function checkKey(table: TableInfo, key: Key): FieldError[] {
  if (!isRecord(key)) {
    return [{ field: 'key', message: 'must be an object of key attributes' }];
  }
  if (table.primaryKey.length === 0) {
    return [{ field: 'key', message: `${table.name} has no primary key: rows cannot be read by key` }];
  }
  const columns = columnsOf(table);
  const errors: FieldError[] = [];
  for (const name of table.primaryKey) {
    const value = Object.hasOwn(key, name) ? key[name] : undefined;
    if (value === undefined || value === null) {
      errors.push({ field: name, message: 'is required (part of the key)' });
      continue;
    }
    const column = columns.get(name);
    const message = column && checkValue(column, value, { checkLength: false });
    if (message) errors.push({ field: name, message });
  }
  for (const field of Object.keys(key)) {
    if (table.primaryKey.includes(field)) continue;
    errors.push(
      columns.has(field) ? { field, message: 'is not part of the key' } : unknownField(table, field),
    );
  }
  return errors;
}

function checkFilter(
  table: TableInfo,
  columns: ReadonlyMap<string, ColumnInfo>,
  filter: Filter,
): FieldError[] {
  const { field, op, value } = filter;
  const column = columns.get(field);
  if (!column) return [unknownField(table, field)];
  const fail = (message: string) => [{ field, message }];
  switch (op) {
    case 'isNull':
      return typeof value === 'boolean' ? [] : fail('isNull needs true or false');
    case 'in': {
      if (NULL_ONLY_KINDS.has(column.kind)) return fail(`can only be filtered with isNull`);
      if (!Array.isArray(value) || value.length === 0) return fail('in needs a non-empty list of values');
      if (value.length > MAX_IN_VALUES) return fail(`in takes at most ${MAX_IN_VALUES} values`);
      const messages = new Set(value.map((item) => comparable(column, item)).filter((m) => m !== undefined));
      return [...messages].map((message) => ({ field, message: `in: each value ${message}` }));
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      if (!SEARCHABLE_KINDS.has(column.kind)) return fail(`${op} only applies to text attributes`);
      return typeof value === 'string' ? [] : fail(`${op} needs a string`);
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (NULL_ONLY_KINDS.has(column.kind)) return fail(`can only be filtered with isNull`);
      const message = comparable(column, value);
      return message ? fail(message) : [];
    }
    default:
      return fail(`unknown filter operator "${String(op)}"`);
  }
}

/** A comparison value: of the attribute's type, never null (use isNull), any length. */
function comparable(column: ColumnInfo, value: unknown): string | undefined {
  if (value === null || value === undefined) return 'needs a value (use isNull for NULL)';
  return checkValue(column, value, { checkLength: false });
}

const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const notAnObject: FieldError = { field: 'values', message: 'must be an object of attributes' };

function unknownFields(table: TableInfo, values: Row): FieldError[] {
  const columns = columnsOf(table);
  return Object.keys(values)
    .filter((field) => !columns.has(field))
    .map((field) => unknownField(table, field));
}

const columnMaps = new WeakMap<TableInfo, ReadonlyMap<string, ColumnInfo>>();
/** A table's columns by name, kept per table object (metadata that never changes once built). */
const columnsOf = (table: TableInfo): ReadonlyMap<string, ColumnInfo> => {
  let columns = columnMaps.get(table);
  if (columns === undefined) {
    columns = new Map(table.columns.map((column) => [column.name, column]));
    columnMaps.set(table, columns);
  }
  return columns;
};

const unknownField = (table: TableInfo, field: string): FieldError => ({
  field,
  message: `is not an attribute of ${table.name}`,
});

/** `readOnly`: those of `errors` that set read-only attributes (see validateInsert). */
function throwIfAny(
  table: TableInfo,
  errors: readonly FieldError[],
  readOnly: readonly FieldError[] = [],
): void {
  if (errors.length === 0) return;
  const fields = [...new Set(errors.map((error) => error.field))].join(', ');
  if (readOnly.length === errors.length)
    throw new DataValidationError(
      `Invalid request for ${table.name}: ${fields} cannot be written`,
      errors,
      'DATA.READ_ONLY_ATTRIBUTE',
    );
  throw new DataValidationError(`Invalid request for ${table.name}: ${fields}`, errors);
}
