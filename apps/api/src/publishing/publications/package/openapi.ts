import { type Attribute, type Provider, isReadOnlyAttribute } from '@ib/domain';
import {
  BASE64_PATTERN,
  TIME_PATTERN,
  decimalLimits,
  decimalPattern,
  integerRange,
  integerTextPattern,
  longIntegerRange,
  INT64_RANGE as INT64,
} from '@ib/connectors';
import { canonicalJson } from './canonical-json';
import { KEY_ENCODING_DESCRIPTION, MAX_KEY_LENGTH, keyPattern, listItemPattern } from './key-encoding';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  RESERVED_QUERY_NAMES,
  collectionPath,
  entityModels,
  enumValues,
  filterOperatorsFor,
  isRequiredOnCreate,
  isSortable,
  writableAttributes,
  type Direction,
  type EntityModel,
  type PackageInput,
} from './model';

type Schema = Record<string, unknown>;

const DECIMAL_DESCRIPTION =
  'An exact decimal number as text, with exactly `scale` decimal places when the attribute has a scale.';
const DECIMAL_WRITE_DESCRIPTION =
  'An exact decimal number as text (leading zeros and trailing zeros after the point do not count as digits), ' +
  'or a JSON number, which is rounded half away from zero to the scale.';
const LONG_INTEGER_DESCRIPTION =
  'A 64-bit integer: a JSON number while exact (±(2^53-1)), else its digits as text.';

/** Numbers a decimal attribute takes: below 10^(digits before the point), once rounded to the scale. */
const decimalNumberBounds = (attribute: Attribute): Schema => {
  const { integerDigits, fractionDigits } = decimalLimits(attribute);
  if (integerDigits === undefined) return {};
  const bound = 10 ** integerDigits - (fractionDigits === undefined ? 0 : 0.5 * 10 ** -fractionDigits);
  return { exclusiveMinimum: -bound, exclusiveMaximum: bound };
};

/** A long integer: exact JSON numbers and digit strings, within the column's range. */
const longIntegerSchema = (attribute: Attribute, provider: Provider): Schema => {
  const { minimum, maximum } = longIntegerRange(attribute, provider);
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return {
    type: ['integer', 'string'],
    format: 'int64',
    minimum: Number(minimum > -safe ? minimum : -safe),
    maximum: Number(maximum < safe ? maximum : safe),
    pattern: `^${integerTextPattern(minimum, maximum)}$`,
    description: LONG_INTEGER_DESCRIPTION,
  };
};
const DATE_TIME_DESCRIPTION =
  'RFC 3339 with a zone. Answers are in UTC (`Z`), with decimals of the second only when not zero; a value stored without a zone is UTC.';
const TIME_DESCRIPTION =
  'A time of day without a zone: `HH:MM:SS`, decimals of the second only when not zero.';

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of one attribute's value, without nullability. */
export const attributeValueSchema = (
  attribute: Attribute,
  provider: Provider,
  direction: Direction = 'read',
): Schema => {
  switch (attribute.type) {
    case 'Text':
      return attribute.length !== undefined
        ? { type: 'string', maxLength: attribute.length }
        : { type: 'string' };
    case 'Integer':
      return { type: 'integer', ...integerRange(attribute, provider) };
    case 'LongInteger':
      return direction === 'read'
        ? {
            type: ['integer', 'string'],
            format: 'int64',
            pattern: '^-?[0-9]+$',
            description: LONG_INTEGER_DESCRIPTION,
          }
        : longIntegerSchema(attribute, provider);
    case 'Decimal':
      return direction === 'read'
        ? { type: 'string', pattern: decimalPattern(attribute), description: DECIMAL_DESCRIPTION }
        : {
            type: ['string', 'number'],
            pattern: decimalPattern(attribute),
            ...decimalNumberBounds(attribute),
            description: DECIMAL_WRITE_DESCRIPTION,
          };
    case 'Boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string', format: 'date' };
    case 'Time':
      return { type: 'string', pattern: TIME_PATTERN, description: TIME_DESCRIPTION };
    case 'DateTime':
      return { type: 'string', format: 'date-time', description: DATE_TIME_DESCRIPTION };
    case 'BinaryData': {
      const schema: Schema = { type: 'string', contentEncoding: 'base64', pattern: BASE64_PATTERN };
      if (attribute.length === undefined) return schema;
      return direction === 'write'
        ? { ...schema, maxLength: 4 * Math.ceil(attribute.length / 3), 'x-max-bytes': attribute.length }
        : { ...schema, 'x-max-bytes': attribute.length };
    }
    case 'Json':
      return {};
    case 'Enum': {
      const values = enumValues(attribute);
      return values ? { type: 'string', enum: values } : { type: 'string' };
    }
    case 'Set': {
      const values = enumValues(attribute);
      const members: Schema = values ? { type: 'string', enum: values } : { type: 'string' };
      const list: Schema = { type: 'array', items: members, uniqueItems: true };
      return direction === 'read'
        ? list
        : { anyOf: [list, { type: 'string', description: 'The members, comma-separated.' }] };
    }
  }
};

/** An attribute's value with its nullability, as rows and bodies carry it. */
export const attributeSchema = (
  attribute: Attribute,
  provider: Provider,
  direction: Direction = 'read',
): Schema => {
  const schema: Schema = { ...attributeValueSchema(attribute, provider, direction) };
  if (attribute.nullable) {
    if (Array.isArray(schema.anyOf)) schema.anyOf = [...(schema.anyOf as Schema[]), { type: 'null' }];
    else if (schema.type !== undefined) {
      schema.type = Array.isArray(schema.type) ? [...schema.type, 'null'] : [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    }
  } else if (attribute.type === 'Json' && direction === 'write') {
    // JSON's own null would be SQL NULL, which the column refuses.
    schema.not = { type: 'null' };
  }
  if (attribute.autoIncrement) schema['x-auto-increment'] = true;
  if (attribute.defaultValue !== undefined) schema['x-db-default'] = attribute.defaultValue;
  // Only rows carry them (write schemas leave them out): a body setting one is refused.
  if (isReadOnlyAttribute(attribute)) schema.readOnly = true;
  if (attribute.generated === true) schema['x-generated'] = true;
  if (attribute.unsupported === true) schema['x-unsupported'] = true;
  return schema;
};

const problem = { $ref: '#/components/responses/Problem' };
/**
 * Every failure an operation may answer: 401 with its challenge, 409 also for constraint violations
 * (duplicate key, foreign key, referenced row), 413 and 415 for bodies, 503 when the database is down.
 */
const errorResponses = (write: boolean): Record<string, unknown> => ({
  '400': problem,
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': problem,
  '404': problem,
  '409': problem,
  ...(write ? { '413': problem, '415': problem } : {}),
  '503': { $ref: '#/components/responses/Unavailable' },
});

/**
 * A filter value as the query carries it: comparisons take the attribute's values, of any length,
 * and integers of any exact value (beyond the column's range they simply match nothing).
 */
const comparedValueSchema = (attribute: Attribute, provider: Provider): Schema => {
  switch (attribute.type) {
    case 'Text':
      return { type: 'string' };
    case 'Set': {
      const member = listItemPattern(attribute);
      return member === undefined
        ? { type: 'string' }
        : {
            type: 'string',
            pattern: `^(?:${member}(?:,${member})*)?$`,
            description: 'Members, comma-separated.',
          };
    }
    case 'Integer':
      return { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
    case 'LongInteger':
      return { type: 'string', pattern: `^${integerTextPattern(INT64.minimum, INT64.maximum)}$` };
    case 'Decimal':
      return { type: 'string', pattern: decimalPattern(attribute) };
    default:
      return attributeValueSchema(attribute, provider, 'read');
  }
};

/** `in` values: comma-separated, each a compared value (so a value cannot hold a comma). */
const inSchema = (attribute: Attribute): Schema => {
  const item = listItemPattern(attribute);
  return {
    type: 'string',
    ...(item === undefined ? {} : { pattern: `^${item}(?:,${item})*$` }),
    description: 'Comma-separated values (a value cannot hold a comma).',
  };
};

const filterParameter = (attribute: Attribute, provider: Provider): Schema => {
  const ops = filterOperatorsFor(attribute.type);
  const compared = comparedValueSchema(attribute, provider);
  const properties: Schema = {};
  for (const op of ops) {
    if (op === 'isNull') properties[op] = { type: 'boolean' };
    else if (op === 'in') properties[op] = inSchema(attribute);
    else if (op === 'contains' || op === 'startsWith' || op === 'endsWith')
      properties[op] = { type: 'string' };
    else properties[op] = compared;
  }
  return {
    name: attribute.name,
    in: 'query',
    required: false,
    style: 'deepObject',
    explode: true,
    description: `Filter on ${attribute.name}: \`${attribute.name}[op]=value\`, op one of ${ops.join(', ')}.`,
    schema: { type: 'object', properties, additionalProperties: false },
  };
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** `^(a|b)(,(a|b))*$` over names a comma-separated list can hold (a name with a comma cannot be listed). */
const listPattern = (names: readonly string[], prefix = ''): string => {
  const one = `${prefix}(?:${names
    .filter((name) => !name.includes(','))
    .map(escapeRegex)
    .join('|')})`;
  return `^${one}(?:,${one})*$`;
};

const listParameters = ({ entity }: EntityModel, provider: Provider): Schema[] => [
  ...entity.attributes
    .filter((attribute) => !(RESERVED_QUERY_NAMES as readonly string[]).includes(attribute.name))
    .map((attribute) => filterParameter(attribute, provider)),
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'Comma-separated attributes; a leading `-` sorts descending, e.g. `Name,-TrackId`.',
    schema: {
      type: 'string',
      pattern: listPattern(
        entity.attributes.filter((a) => isSortable(a.type)).map((a) => a.name),
        '-?',
      ),
    },
  },
  {
    name: 'offset',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
  },
  {
    name: 'limit',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  {
    name: 'count',
    in: 'query',
    required: false,
    description: 'With `true` the answer carries the total number of matching rows.',
    schema: { type: 'boolean', default: false },
  },
  {
    name: 'fields',
    in: 'query',
    required: false,
    description:
      'Comma-separated attributes to return, e.g. `Name,Composer`: the rows then carry only those ' +
      '(see the list schema, whose items require no attribute).',
    schema: { type: 'string', pattern: listPattern(entity.attributes.map((a) => a.name)) },
  },
];

const entitySchemas = (
  { entity, typeName, readOnly, actions }: EntityModel,
  provider: Provider,
): Record<string, Schema> => {
  const read = Object.fromEntries(entity.attributes.map((a) => [a.name, attributeSchema(a, provider)]));
  const write = (attributes: readonly Attribute[]) =>
    Object.fromEntries(attributes.map((a) => [a.name, attributeSchema(a, provider, 'write')]));
  const schemas: Record<string, Schema> = {
    [typeName]: {
      type: 'object',
      description: `${entity.kind === 'view' ? 'View' : 'Table'} ${entity.table}.`,
      properties: read,
      required: entity.attributes.map((a) => a.name),
      additionalProperties: false,
    },
    [`${typeName}Partial`]: {
      type: 'object',
      description: `A row of ${entity.table} in a list: every attribute, or only those \`fields\` names.`,
      properties: read,
      additionalProperties: false,
    },
    [`${typeName}List`]: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: `#/components/schemas/${typeName}Partial` } },
        count: { type: 'integer', minimum: 0, description: 'Present when `count=true`.' },
        offset: { type: 'integer', minimum: 0 },
        limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
      },
      required: ['items', 'offset', 'limit'],
      additionalProperties: false,
    },
  };
  if (!readOnly) {
    schemas[`${typeName}Create`] = {
      type: 'object',
      properties: write(writableAttributes(entity)),
      required: entity.attributes.filter(isRequiredOnCreate).map((a) => a.name),
      additionalProperties: false,
    };
  }
  if (actions.includes('update')) {
    schemas[`${typeName}Update`] = {
      type: 'object',
      description: 'The attributes to change: at least one, never a key attribute.',
      properties: write(writableAttributes(entity).filter((a) => !a.primaryKey)),
      minProperties: 1,
      additionalProperties: false,
    };
  }
  return schemas;
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

const keyParameter = ({ entity }: EntityModel): Schema => {
  const byName = new Map(entity.attributes.map((attribute) => [attribute.name, attribute]));
  const attributes = entity.primaryKey.map((name) => byName.get(name)).filter((a) => a !== undefined);
  return {
    name: 'key',
    in: 'path',
    required: true,
    description: KEY_ENCODING_DESCRIPTION,
    schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH, ...keyPattern(attributes) },
  };
};

const entityPaths = (input: PackageInput, model: EntityModel): Record<string, Schema> => {
  const { entity, typeName, actions } = model;
  const base = collectionPath(input.integrationId, entity.name);
  const tag = [entity.name];
  const collection: Schema = {
    parameters: [{ $ref: '#/components/parameters/env' }],
    get: {
      operationId: `list${typeName}`,
      tags: tag,
      summary: `List ${entity.name}`,
      parameters: listParameters(model, input.provider),
      responses: {
        '200': { description: 'A page of rows.', content: json(`${typeName}List`) },
        ...errorResponses(false),
      },
    },
  };
  if (actions.includes('create')) {
    collection.post = {
      operationId: `create${typeName}`,
      tags: tag,
      summary: `Create a ${entity.name}`,
      requestBody: { required: true, content: json(`${typeName}Create`) },
      responses: {
        '201': {
          description: 'Created: the new row as stored.',
          headers: {
            Location: { required: true, schema: { type: 'string' }, description: 'Path of the new row.' },
          },
          content: json(typeName),
        },
        ...errorResponses(true),
      },
    };
  }
  const paths: Record<string, Schema> = { [base]: collection };
  if (!actions.includes('get')) return paths;
  const item: Schema = {
    parameters: [{ $ref: '#/components/parameters/env' }, keyParameter(model)],
    get: {
      operationId: `get${typeName}`,
      tags: tag,
      summary: `Get a ${entity.name} by key`,
      responses: {
        '200': { description: 'The row.', content: json(typeName) },
        ...errorResponses(false),
      },
    },
  };
  if (actions.includes('update')) {
    item.patch = {
      operationId: `update${typeName}`,
      tags: tag,
      summary: `Update a ${entity.name}`,
      requestBody: { required: true, content: json(`${typeName}Update`) },
      responses: {
        '200': { description: 'The updated row.', content: json(typeName) },
        ...errorResponses(true),
      },
    };
  }
  if (actions.includes('delete')) {
    item.delete = {
      operationId: `delete${typeName}`,
      tags: tag,
      summary: `Delete a ${entity.name}`,
      responses: { '204': { description: 'Deleted.' }, ...errorResponses(false) },
    };
  }
  paths[`${base}/{key}`] = item;
  return paths;
};

const PROBLEM_SCHEMA: Schema = {
  type: 'object',
  description: 'Problem details (RFC 9457).',
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: {
      type: 'string',
      description:
        'Stable error code, e.g. `DATA.INVALID`, `DATA.ROW_NOT_FOUND`, `DATA.DUPLICATE_KEY`, `INTEGRATION.NO_CONNECTION`.',
    },
    errors: {
      type: 'array',
      description: 'The fields at fault, each with why.',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
        required: ['message'],
      },
    },
  },
  required: ['title', 'status'],
};

/** The OpenAPI 3.1 document of one integration version's data API. */
export const buildOpenApi = (input: PackageInput, hash: string): Schema => {
  const models = entityModels(input.entities);
  const paths: Record<string, Schema> = {};
  const schemas: Record<string, Schema> = { Problem: PROBLEM_SCHEMA };
  for (const model of models) {
    Object.assign(paths, entityPaths(input, model));
    Object.assign(schemas, entitySchemas(model, input.provider));
  }
  const env: Schema = { type: 'string', minLength: 1, maxLength: 40 };
  if (input.environment !== undefined) env.default = input.environment;
  const problemContent = {
    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
  };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: `${input.applicationName} ${input.moduleName} data API`,
      version: String(input.version),
      description:
        `Data API of integration ${input.integrationId} version ${input.version} (${input.provider}). ` +
        `Null policy: ${input.nullPolicy}. Package ${hash}. ` +
        'Wire formats: decimals are exact text, dates `YYYY-MM-DD`, times of day `HH:MM:SS[.fraction]`, ' +
        'date-times RFC 3339 (answered in UTC; values stored without a zone are UTC), binary data base64.',
      'x-generator-version': input.generatorVersion,
      'x-package-hash': hash,
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }],
    tags: models.map(({ entity }) => ({ name: entity.name })),
    paths,
    components: {
      schemas,
      parameters: {
        env: { name: 'env', in: 'path', required: true, description: 'Environment name.', schema: env },
      },
      responses: {
        Problem: { description: 'An error, as problem details.', content: problemContent },
        Unauthenticated: {
          description: 'No valid credentials: an API key (`X-API-Key`) or a bearer token.',
          headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'The scheme to use.' } },
          content: problemContent,
        },
        Unavailable: {
          description: 'The database cannot be reached now: try again after `Retry-After` seconds.',
          headers: {
            'Retry-After': { schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait.' },
          },
          content: problemContent,
        },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A user token.' },
        apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An app API key.' },
      },
    },
  };
};

export const openApiJson = (input: PackageInput, hash: string): string =>
  canonicalJson(buildOpenApi(input, hash), 2) + '\n';
