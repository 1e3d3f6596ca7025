import { type Attribute } from '@ib/domain';
import { canonicalJson } from './canonical-json';
import { KEY_ENCODING_DESCRIPTION } from './key-encoding';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  RESERVED_QUERY_NAMES,
  collectionPath,
  entityModels,
  enumValues,
  filterOperatorsFor,
  isRequiredOnCreate,
  type EntityModel,
  type PackageInput,
} from './model';

type Schema = Record<string, unknown>;

const decimalPattern = (attribute: Attribute): string => {
  const precision = attribute.precision;
  const scale = attribute.scale ?? 0;
  if (precision === undefined || precision <= 0) return '^-?[0-9]+(\\.[0-9]+)?$';
  const integerDigits = Math.max(precision - scale, 1);
  return scale > 0 ? `^-?[0-9]{1,${integerDigits}}(\\.[0-9]{1,${scale}})?$` : `^-?[0-9]{1,${integerDigits}}$`;
};

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of one attribute's value, without nullability. */
export const attributeValueSchema = (attribute: Attribute): Schema => {
  switch (attribute.type) {
    case 'Text':
      return attribute.length !== undefined
        ? { type: 'string', maxLength: attribute.length }
        : { type: 'string' };
    case 'Integer':
      return { type: 'integer', format: 'int32' };
    case 'LongInteger':
      return {
        type: ['integer', 'string'],
        format: 'int64',
        pattern: '^-?[0-9]+$',
        description: 'A 64-bit integer; values beyond ±(2^53-1) are sent as decimal text.',
      };
    case 'Decimal':
      return {
        type: 'string',
        pattern: decimalPattern(attribute),
        description: 'An exact decimal number as text.',
      };
    case 'Boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string', format: 'date' };
    case 'Time':
      return { type: 'string', format: 'time' };
    case 'DateTime':
      return { type: 'string', format: 'date-time' };
    case 'BinaryData':
      return attribute.length !== undefined
        ? { type: 'string', contentEncoding: 'base64', 'x-max-bytes': attribute.length }
        : { type: 'string', contentEncoding: 'base64' };
    case 'Json':
      return {};
    case 'Enum': {
      const values = enumValues(attribute);
      return values ? { type: 'string', enum: values } : { type: 'string' };
    }
    case 'Set': {
      const values = enumValues(attribute);
      return values
        ? { type: 'string', description: `Comma-separated subset of: ${values.join(', ')}.` }
        : { type: 'string' };
    }
  }
};

export const attributeSchema = (attribute: Attribute): Schema => {
  const schema: Schema = { ...attributeValueSchema(attribute) };
  if (attribute.nullable && schema.type !== undefined) {
    schema.type = Array.isArray(schema.type) ? [...schema.type, 'null'] : [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  }
  if (attribute.autoIncrement) schema['x-auto-increment'] = true;
  if (attribute.defaultValue !== undefined) schema['x-db-default'] = attribute.defaultValue;
  return schema;
};

const problem = { $ref: '#/components/responses/Problem' };
const errorResponses = (...codes: string[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((code) => [code, problem]));

const filterParameter = (attribute: Attribute): Schema => {
  const ops = filterOperatorsFor(attribute.type);
  const value = attributeValueSchema(attribute);
  const properties: Schema = {};
  for (const op of ops) {
    if (op === 'isNull') properties[op] = { type: 'boolean' };
    else if (op === 'in') properties[op] = { type: 'string', description: 'Comma-separated values.' };
    else if (op === 'contains' || op === 'startsWith' || op === 'endsWith')
      properties[op] = { type: 'string' };
    else properties[op] = value.type === undefined ? { type: 'string' } : { ...value, type: 'string' };
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

const listParameters = ({ entity }: EntityModel): Schema[] => [
  ...entity.attributes
    .filter((attribute) => !(RESERVED_QUERY_NAMES as readonly string[]).includes(attribute.name))
    .map(filterParameter),
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: 'Comma-separated attributes; a leading `-` sorts descending, e.g. `Name,-TrackId`.',
    schema: { type: 'string' },
  },
  { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
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
    description: 'Comma-separated attributes to return, e.g. `Name,Composer`.',
    schema: { type: 'string' },
  },
];

const entitySchemas = ({ entity, typeName, readOnly }: EntityModel): Record<string, Schema> => {
  const properties = Object.fromEntries(entity.attributes.map((a) => [a.name, attributeSchema(a)]));
  const schemas: Record<string, Schema> = {
    [typeName]: {
      type: 'object',
      description: `${entity.kind === 'view' ? 'View' : 'Table'} ${entity.table}.`,
      properties,
      required: entity.attributes.map((a) => a.name),
      additionalProperties: false,
    },
    [`${typeName}List`]: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: `#/components/schemas/${typeName}` } },
        count: { type: 'integer', minimum: 0, description: 'Present when `count=true`.' },
        offset: { type: 'integer', minimum: 0 },
        limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
      },
      required: ['items'],
    },
  };
  if (!readOnly) {
    schemas[`${typeName}Create`] = {
      type: 'object',
      properties,
      required: entity.attributes.filter(isRequiredOnCreate).map((a) => a.name),
      additionalProperties: false,
    };
    schemas[`${typeName}Update`] = {
      type: 'object',
      properties: Object.fromEntries(
        entity.attributes.filter((a) => !a.primaryKey).map((a) => [a.name, attributeSchema(a)]),
      ),
      additionalProperties: false,
    };
  }
  return schemas;
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

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
      parameters: listParameters(model),
      responses: {
        '200': { description: 'A page of rows.', content: json(`${typeName}List`) },
        ...errorResponses('400', '401', '403', '404', '409'),
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
          description: 'Created.',
          headers: { Location: { schema: { type: 'string' }, description: 'Path of the new row.' } },
          content: json(typeName),
        },
        ...errorResponses('400', '401', '403', '404', '409'),
      },
    };
  }
  const paths: Record<string, Schema> = { [base]: collection };
  if (!actions.includes('get')) return paths;
  const item: Schema = {
    parameters: [{ $ref: '#/components/parameters/env' }, { $ref: '#/components/parameters/key' }],
    get: {
      operationId: `get${typeName}`,
      tags: tag,
      summary: `Get a ${entity.name} by key`,
      responses: {
        '200': { description: 'The row.', content: json(typeName) },
        ...errorResponses('400', '401', '403', '404', '409'),
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
        ...errorResponses('400', '401', '403', '404', '409'),
      },
    };
  }
  if (actions.includes('delete')) {
    item.delete = {
      operationId: `delete${typeName}`,
      tags: tag,
      summary: `Delete a ${entity.name}`,
      responses: { '204': { description: 'Deleted.' }, ...errorResponses('400', '401', '403', '404', '409') },
    };
  }
  paths[`${base}/{key}`] = item;
  return paths;
};

/** The OpenAPI 3.1 document of one integration version's data API. */
export const buildOpenApi = (input: PackageInput, hash: string): Schema => {
  const models = entityModels(input.entities);
  const paths: Record<string, Schema> = {};
  const schemas: Record<string, Schema> = {
    Problem: {
      type: 'object',
      description: 'Problem details (RFC 9457).',
      properties: {
        type: { type: 'string', format: 'uri-reference' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        code: { type: 'string', description: 'Stable error code, e.g. `INTEGRATION.NO_CONNECTION`.' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, message: { type: 'string' } },
            required: ['message'],
          },
        },
      },
      required: ['title', 'status'],
    },
  };
  for (const model of models) {
    Object.assign(paths, entityPaths(input, model));
    Object.assign(schemas, entitySchemas(model));
  }
  const env: Schema = { type: 'string' };
  if (input.environment !== undefined) env.default = input.environment;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: `${input.applicationName} ${input.moduleName} data API`,
      version: String(input.version),
      description:
        `Data API of integration ${input.integrationId} version ${input.version} (${input.provider}). ` +
        `Null policy: ${input.nullPolicy}. Package ${hash}.`,
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
        key: {
          name: 'key',
          in: 'path',
          required: true,
          description: KEY_ENCODING_DESCRIPTION,
          schema: { type: 'string' },
        },
      },
      responses: {
        Problem: {
          description: 'An error, as problem details.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
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
