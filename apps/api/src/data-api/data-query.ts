import {
  DataValidationError,
  type Filter,
  type FilterOperator,
  type FindQuery,
  type Key,
  type Sort,
  type TableInfo,
} from '@ib/connectors';
import { FILTER_OPERATORS, MAX_KEY_LENGTH, MAX_LIMIT, decodeKey } from '../publishing';

/**
 * The data API's list query, read from the raw query string:
 * - `field[op]=value`, as the generated package's OpenAPI document describes it (op: eq, ne, gt,
 *   gte, lt, lte, in, contains, startsWith, endsWith, isNull); `field=value` means eq; the long
 *   form `filter[field][op]=value` is accepted too (for attributes named like a reserved
 *   parameter). `in` takes a comma-separated list; `isNull` takes true or false.
 * - `sort=a,-b` (a `-` prefix sorts descending), `offset`, `limit` (1 to 1000), `count=true`,
 *   `fields=a,b`.
 * Values are converted to the attribute's type (numbers, true/false) and then checked by the
 * connector against the published metadata: an unknown field or a wrong value is a 400. Lists are
 * read exactly as the OpenAPI document's patterns describe them: items are split on `,` and never
 * trimmed, and an empty item is refused. An empty filter value is the empty text, a 400 for any
 * other type.
 */
export const DATA_QUERY_DESCRIPTION =
  'field[op]=value or filter[field][op]=value (eq if [op] is omitted; in: comma-separated; ' +
  'isNull: true|false), ' +
  'sort=a,-b, offset, limit (1..1000), count=true, fields=a,b (no spaces, no empty items)';

const LONG_FILTER = /^filter\[([^\]]+)\](?:\[([^\]]+)\])?$/;
const SHORT_FILTER = /^([^[\]]+)(?:\[([^\]]+)\])?$/;
const RESERVED = ['sort', 'fields', 'offset', 'limit', 'count'];

/** `filter[field][op]`, `field[op]` or a bare `field` (not a reserved name) as [field, op]. */
const filterOf = (name: string): [string, string] | undefined => {
  const match = LONG_FILTER.exec(name) ?? (RESERVED.includes(name) ? null : SHORT_FILTER.exec(name));
  return match ? [match[1], match[2] ?? 'eq'] : undefined;
};
const WHOLE = /^-?\d+$/;

const invalid = (field: string, message: string) =>
  new DataValidationError(`${field} ${message}`, [{ field, message }]);

/** A text value from the URL as the attribute's type wants it; anything else is left for the check. */
export const valueFor = (table: TableInfo, field: string, text: string): unknown => {
  const column = table.columns.find(({ name }) => name === field);
  switch (column?.kind) {
    case 'Integer':
      return WHOLE.test(text) ? Number(text) : text;
    case 'LongInteger':
      return WHOLE.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
    case 'Boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
};

const whole = (name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const value = Number(text);
  if (!WHOLE.test(text) || value < min || value > max)
    throw invalid(
      name,
      max === Number.MAX_SAFE_INTEGER
        ? `must be a whole number, ${min} or more`
        : `must be a whole number from ${min} to ${max}`,
    );
  return value;
};

/**
 * `sort` and `fields` as their items, each exactly as written: an empty item (`a,,b`, or an empty
 * list) is refused. (An `in` list keeps its empty items: the empty text is a value to compare with.)
 */
const list = (name: string, text: string): string[] => {
  const items = text.split(',');
  if (items.some((item) => item === ''))
    throw invalid(name, 'must be a comma-separated list without empty items or spaces around commas');
  return items;
};

export function parseFindQuery(table: TableInfo, url: string): FindQuery {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const filters: Filter[] = [];
  let sort: Sort[] | undefined;
  let fields: string[] | undefined;
  let offset: number | undefined;
  let limit: number | undefined;
  let count: boolean | undefined;
  for (const [name, text] of params) {
    const filter = filterOf(name);
    if (filter) {
      const [field, op] = filter;
      if (!(FILTER_OPERATORS as readonly string[]).includes(op))
        throw invalid(name, `uses an unknown operator; use one of ${FILTER_OPERATORS.join(', ')}`);
      const value =
        op === 'isNull'
          ? text === 'true'
            ? true
            : text === 'false'
              ? false
              : text
          : op === 'in'
            ? text.split(',').map((item) => valueFor(table, field, item))
            : valueFor(table, field, text);
      filters.push({ field, op: op as FilterOperator, value });
      continue;
    }
    switch (name) {
      case 'sort':
        sort = list('sort', text).map((item) =>
          item.startsWith('-')
            ? { field: item.slice(1), direction: 'desc' }
            : { field: item, direction: 'asc' },
        );
        break;
      case 'fields':
        fields = list('fields', text);
        break;
      case 'offset':
        offset = whole('offset', text, 0);
        break;
      case 'limit':
        limit = whole('limit', text, 1, MAX_LIMIT);
        break;
      case 'count':
        if (text !== 'true' && text !== 'false') throw invalid('count', 'must be true or false');
        count = text === 'true';
        break;
      default:
        throw invalid(name, `is not a query parameter; use ${DATA_QUERY_DESCRIPTION}`);
    }
  }
  return {
    ...(filters.length > 0 ? { filters } : {}),
    ...(sort ? { sort } : {}),
    ...(fields ? { fields } : {}),
    ...(offset !== undefined ? { offset } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

/** A key path segment (`42`, or `k1=v1;k2=v2` percent-encoded) as typed key values. */
export function parseKey(table: TableInfo, segment: string): Key {
  let values: Record<string, string>;
  let parameter: string;
  try {
    parameter = decodeURIComponent(segment);
  } catch {
    parameter = segment;
  }
  if ([...parameter].length > MAX_KEY_LENGTH)
    throw invalid('key', `must be at most ${MAX_KEY_LENGTH} characters`);
  try {
    values = decodeKey(table.primaryKey, segment);
  } catch (error) {
    throw invalid('key', error instanceof Error ? error.message : String(error));
  }
  return Object.fromEntries(
    Object.entries(values).map(([name, text]) => [name, valueFor(table, name, text)]),
  );
}
