import {
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponsesObject,
  getSchemaPath,
} from '@nestjs/swagger';
import { API_KEY_HEADER } from '../identity';
import { PROBLEM_CONTENT } from '../infrastructure/http/openapi/api-responses';
import { ProblemDetailsSchema } from '../infrastructure/http/openapi/problem-details.schema';
import {
  DEFAULT_LIMIT,
  FILTER_OPERATORS,
  KEY_ENCODING_DESCRIPTION,
  MAX_KEY_LENGTH,
  MAX_LIMIT,
} from '../publishing';
import { DATA_QUERY_DESCRIPTION } from './data-query';
import { DataRowListSchema, DataRowSchema } from './data-row.schema';

/** The errors of every data route; the package's per-version document names them per entity. */
const DATA_PROBLEMS = {
  400:
    'DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), ' +
    'DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, ' +
    'which are only read) or REQUEST.INVALID (the path)',
  403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another)',
  404:
    'INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), ' +
    'DATA.ROW_NOT_FOUND (get, update, delete)',
  409:
    'INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, ' +
    'DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), ' +
    'or a constraint of the database: DATA.DUPLICATE_KEY, ' +
    'DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, ' +
    'DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another ' +
    'client between the read of its ETag and the write; read it again and retry)',
  503: 'CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After)',
} as const;

const KEY_PARAM = {
  name: 'key',
  description: KEY_ENCODING_DESCRIPTION,
  schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH, example: '42' },
} as const;

/** The attributes to write; the published version's own document states them per entity. */
const ROW_BODY = {
  description: "The row's attributes by name (update: at least one)",
  schema: { $ref: getSchemaPath(DataRowSchema) },
} as const;

/**
 * `filter[field][op]=value` and `field[op]=value` name the entity's attributes, which this document
 * does not know: it declares the long form as a deep object of text values (`filter[field]=value`,
 * eq) and describes the rest.
 */
const FILTER_QUERY = {
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

const LIST_QUERY = {
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

/** The path parameters of every data route, as the route check (DataRoute) reads them. */
const ENTITY_PARAMS: ParameterObject[] = [
  {
    name: 'env',
    in: 'path',
    required: true,
    description: 'The environment whose deployed version answers',
    schema: { type: 'string', minLength: 1, maxLength: 40, example: 'development' },
  },
  {
    name: 'integrationId',
    in: 'path',
    required: true,
    description: 'The integration',
    schema: { type: 'string', format: 'uuid' },
  },
  {
    name: 'entity',
    in: 'path',
    required: true,
    description: 'An entity of the version deployed in the environment, by the name the builder gave it',
    schema: { type: 'string', minLength: 1, maxLength: 128, example: 'Album' },
  },
];

const ROW_PARAMS: ParameterObject[] = [...ENTITY_PARAMS, { ...KEY_PARAM, in: 'path', required: true }];

const LIST_PARAMS: ParameterObject[] = [FILTER_QUERY, ...Object.values(LIST_QUERY)].map((query) => ({
  ...query,
  in: 'query',
}));

const json = (schema: string) => ({ 'application/json': { schema: { $ref: schema } } });

const ROW_CONTENT = json(ROW_BODY.schema.$ref);

/** An operation of the data API: its errors (DATA_PROBLEMS), tag and credentials are those of all of them. */
const operation = (
  name: string,
  summary: string,
  parameters: ParameterObject[],
  responses: ResponsesObject,
  withBody = false,
): OperationObject => ({
  // The names clients were generated with while these routes were a Nest controller's.
  operationId: `DataApiController_${name}`,
  summary,
  tags: ['data'],
  security: [{ [API_KEY_HEADER]: [] }, { bearer: [] }],
  parameters,
  ...(withBody
    ? { requestBody: { required: true, description: ROW_BODY.description, content: ROW_CONTENT } }
    : {}),
  responses: {
    ...responses,
    ...Object.fromEntries(
      Object.entries(DATA_PROBLEMS).map(([status, description]) => [
        status,
        {
          description,
          content: { [PROBLEM_CONTENT]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
        },
      ]),
    ),
  },
});

const answering = (status: number, schema: string): ResponsesObject => ({
  [status]: { description: '', content: json(schema) },
});

/**
 * The data routes (data-api.http.ts) in the API document: they are registered with the HTTP adapter,
 * where Nest's document builder does not look. Their schemas (DataRow, DataRowList) are the
 * document's extra models. A new object each time: completeApiDocument adds to it.
 */
export const dataApiPaths = (): OpenAPIObject['paths'] => ({
  '/api/data/{env}/{integrationId}/{entity}': {
    get: operation(
      'list',
      `List rows of an entity: ${DATA_QUERY_DESCRIPTION}`,
      [...ENTITY_PARAMS, ...LIST_PARAMS],
      answering(200, getSchemaPath(DataRowListSchema)),
    ),
    post: operation(
      'create',
      'Create a row: answers the new row, its key in the Location',
      ENTITY_PARAMS,
      {
        201: {
          description: '',
          headers: {
            Location: {
              required: true,
              description: 'The new row: /api/data/{env}/{integrationId}/{entity}/{key}',
              schema: { type: 'string' },
            },
          },
          content: json(getSchemaPath(DataRowSchema)),
        },
      },
      true,
    ),
  },
  '/api/data/{env}/{integrationId}/{entity}/{key}': {
    get: operation(
      'get',
      `Get a row by key. ${KEY_ENCODING_DESCRIPTION}`,
      ROW_PARAMS,
      answering(200, getSchemaPath(DataRowSchema)),
    ),
    patch: operation(
      'update',
      'Update some attributes of a row: answers the updated row',
      ROW_PARAMS,
      answering(200, getSchemaPath(DataRowSchema)),
      true,
    ),
    delete: operation('remove', 'Delete a row', ROW_PARAMS, { 204: { description: 'Deleted' } }),
  },
});
