import { getSchemaPath } from '@nestjs/swagger';
import {
  DEFAULT_LIMIT,
  FILTER_OPERATORS,
  KEY_ENCODING_DESCRIPTION,
  MAX_KEY_LENGTH,
  MAX_LIMIT,
} from '../publishing';
import { DataRowSchema } from './data-row.schema';

/** The errors of every data route; the package's per-version document names them per entity. */
export const DATA_PROBLEMS = {
  400:
    'DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query) or ' +
    'REQUEST.INVALID (the path)',
  403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another)',
  404:
    'INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), ' +
    'DATA.ROW_NOT_FOUND (get, update, delete)',
  409:
    'INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, ' +
    'DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), ' +
    'or a constraint of the database: DATA.DUPLICATE_KEY, ' +
    'DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, ' +
    'DATA.CONSTRAINT_VIOLATION',
  503: 'CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After)',
} as const;

export const KEY_PARAM = {
  name: 'key',
  description: KEY_ENCODING_DESCRIPTION,
  schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH, example: '42' },
} as const;

/** The attributes to write; the published version's own document states them per entity. */
export const ROW_BODY = {
  description: "The row's attributes by name (update: at least one)",
  schema: { $ref: getSchemaPath(DataRowSchema) },
} as const;

/**
 * `filter[field][op]=value` and `field[op]=value` name the entity's attributes, which this document
 * does not know: it declares the long form as a deep object of text values (`filter[field]=value`,
 * eq) and describes the rest.
 */
export const FILTER_QUERY = {
  name: 'filter',
  required: false,
  style: 'deepObject',
  explode: true,
  description:
    '`filter[field]=value` (eq), `filter[field][op]=value` or `field[op]=value`; op one of ' +
    `${FILTER_OPERATORS.join(', ')}; \`in\` takes a comma-separated list, \`isNull\` true or false`,
  schema: { type: 'object', additionalProperties: { type: 'string' } },
} as const;

/** A comma-separated list of attribute names: no empty item, no spaces around commas. */
const NAME_LIST = '^[^,]+(,[^,]+)*$';

export const LIST_QUERY = {
  sort: {
    name: 'sort',
    required: false,
    description: 'Comma-separated attributes; a leading `-` sorts descending, e.g. `Name,-TrackId`',
    schema: { type: 'string', pattern: NAME_LIST },
  },
  fields: {
    name: 'fields',
    required: false,
    description: 'Comma-separated attributes to return: the rows then carry only those',
    schema: { type: 'string', pattern: NAME_LIST },
  },
  offset: {
    name: 'offset',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
  },
  limit: {
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  count: {
    name: 'count',
    required: false,
    description: 'With `true` the answer carries the number of matching rows',
    schema: { type: 'boolean', default: false },
  },
} as const;
