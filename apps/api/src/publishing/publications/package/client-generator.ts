import { type Attribute, isReadOnlyAttribute } from '@ib/domain';
import {
  entityModels,
  enumValues,
  isRequiredOnCreate,
  writableAttributes,
  type Direction,
  type EntityModel,
  type PackageInput,
} from './model';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propertyName = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
/** A string literal in generated code; JSON escaping is valid TypeScript and stable. */
const literal = (value: string): string => JSON.stringify(value);

/**
 * The TypeScript type of one attribute's value, without nullability, as the OpenAPI document
 * declares it (openapi.ts): what rows carry (`read`), or what bodies may send (`write`: a decimal
 * may be a number, a set a comma-separated text).
 */
export const attributeTsType = (attribute: Attribute, direction: Direction = 'read'): string => {
  switch (attribute.type) {
    case 'Integer':
      return 'number';
    case 'LongInteger':
      return 'number | string';
    case 'Decimal':
      return direction === 'read' ? 'string' : 'string | number';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return 'unknown';
    case 'Enum': {
      const values = enumValues(attribute);
      return values ? values.map(literal).join(' | ') : 'string';
    }
    case 'Set': {
      const values = enumValues(attribute);
      const member = values ? `(${values.map(literal).join(' | ')})` : 'string';
      return direction === 'read' ? `${member}[]` : `readonly ${member}[] | string`;
    }
    default:
      return 'string';
  }
};

const fieldType = (attribute: Attribute, direction: Direction = 'read'): string => {
  const base = attributeTsType(attribute, direction);
  if (!attribute.nullable || base === 'unknown') return base;
  return `${base} | null`;
};

/** Comment text cannot end its line early. */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]/g, ' ');

const comment = (text: string): string => `/** ${oneLine(text).replace(/\*\//g, '*\\/')} */`;

const readOnlyNote = (attribute: Attribute): string =>
  attribute.unsupported === true
    ? 'Read only: its type is not mapped, so it is read as the connector can and never written.'
    : 'Read only: the database computes it.';

const entityTypes = ({ entity, typeName, readOnly, actions }: EntityModel): string[] => {
  const lines = [comment(`${entity.kind === 'view' ? 'View' : 'Table'} ${entity.table}.`)];
  lines.push(`export interface ${typeName} {`);
  for (const a of entity.attributes) {
    if (isReadOnlyAttribute(a)) lines.push(`  ${comment(readOnlyNote(a))}`);
    lines.push(`  ${isReadOnlyAttribute(a) ? 'readonly ' : ''}${propertyName(a.name)}: ${fieldType(a)};`);
  }
  lines.push('}', '');
  if (entity.primaryKey.length > 0) {
    const byName = new Map(entity.attributes.map((a) => [a.name, a]));
    lines.push(`export interface ${typeName}Key {`);
    for (const name of entity.primaryKey) {
      const attribute = byName.get(name);
      lines.push(`  ${propertyName(name)}: ${attribute ? attributeTsType(attribute) : 'string | number'};`);
    }
    lines.push('}', '');
  }
  if (!readOnly) {
    lines.push(`export interface ${typeName}Create {`);
    for (const a of writableAttributes(entity)) {
      lines.push(`  ${propertyName(a.name)}${isRequiredOnCreate(a) ? '' : '?'}: ${fieldType(a, 'write')};`);
    }
    lines.push('}', '');
  }
  if (actions.includes('update')) {
    lines.push(comment('At least one attribute.'), `export interface ${typeName}Update {`);
    for (const a of writableAttributes(entity).filter((x) => !x.primaryKey)) {
      lines.push(`  ${propertyName(a.name)}?: ${fieldType(a, 'write')};`);
    }
    lines.push('}', '');
  }
  return lines;
};

const entityMethods = (input: PackageInput, { entity, typeName, actions }: EntityModel): string[] => {
  const path = `${literal(encodeURIComponent(input.integrationId))} + '/' + ${literal(encodeURIComponent(entity.name))}`;
  const key = JSON.stringify(entity.primaryKey);
  const lines = [`    ${propertyName(entity.name)}: {`];
  lines.push(
    `      list: <K extends keyof ${typeName} & string = keyof ${typeName} & string>(`,
    `        query: ListQuery<${typeName}, K> = {},`,
    `      ): Promise<ListResult<Pick<${typeName}, K>>> => request('GET', ${path} + listQueryString(query)),`,
  );
  if (actions.includes('get')) {
    lines.push(
      `      get: (key: ${typeName}Key): Promise<${typeName}> =>`,
      `        request('GET', ${path} + '/' + encodeKey(${key}, key)),`,
    );
  }
  if (actions.includes('create')) {
    lines.push(
      `      create: (body: ${typeName}Create): Promise<${typeName}> => request('POST', ${path}, body),`,
    );
  }
  if (actions.includes('update')) {
    lines.push(
      `      update: (key: ${typeName}Key, body: ${typeName}Update): Promise<${typeName}> =>`,
      `        request('PATCH', ${path} + '/' + encodeKey(${key}, key), body),`,
    );
  }
  if (actions.includes('delete')) {
    lines.push(
      `      remove: (key: ${typeName}Key): Promise<void> =>`,
      `        request('DELETE', ${path} + '/' + encodeKey(${key}, key)),`,
    );
  }
  lines.push('    },');
  return lines;
};

const RUNTIME = `export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'isNull';

export type Filter<T> = { [K in keyof T]?: { [O in FilterOperator]?: O extends 'isNull' ? boolean : O extends 'in' ? readonly (string | number)[] : string | number | boolean } };

export interface ListQuery<T, K extends keyof T & string = keyof T & string> {
  filter?: Filter<T>;
  /** Attributes; a leading '-' sorts descending. */
  sort?: readonly string[];
  offset?: number;
  /** At most 1000. */
  limit?: number;
  count?: boolean;
  /** Only these attributes: the rows then carry just them. */
  fields?: readonly K[];
}

export interface ListResult<T> {
  items: T[];
  /** Present when the query asked for count. */
  count?: number;
  offset: number;
  limit: number;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field?: string; message: string }[];
}

export class DataApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? 'HTTP ' + status);
    this.name = 'DataApiError';
    this.status = status;
    this.problem = problem;
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** An app API key, sent as X-API-Key. */
  apiKey?: string;
  /** A user token, sent as a bearer token. */
  token?: string;
  environment?: string;
  fetch?: typeof fetch;
}

/** Composite keys travel as k1=v1;k2=v2 with names and values percent-encoded. */
export const encodeKey = (names: readonly string[], key: object): string => {
  const values = key as Record<string, unknown>;
  if (names.length === 1) return encodeURIComponent(String(values[names[0]]));
  return names.map((name) => encodeURIComponent(name) + '=' + encodeURIComponent(String(values[name]))).join(';');
};

const listQueryString = <T, K extends keyof T & string>(query: ListQuery<T, K>): string => {
  const parts: string[] = [];
  const filter = (query.filter ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const field of Object.keys(filter)) {
    const ops = filter[field] ?? {};
    for (const op of Object.keys(ops)) {
      const value = ops[op];
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(',') : String(value);
      parts.push(encodeURIComponent(field) + '[' + op + ']=' + encodeURIComponent(text));
    }
  }
  if (query.sort && query.sort.length > 0) parts.push('sort=' + encodeURIComponent(query.sort.join(',')));
  if (query.offset !== undefined) parts.push('offset=' + query.offset);
  if (query.limit !== undefined) parts.push('limit=' + query.limit);
  if (query.count) parts.push('count=true');
  if (query.fields && query.fields.length > 0) parts.push('fields=' + encodeURIComponent(query.fields.join(',')));
  return parts.length > 0 ? '?' + parts.join('&') : '';
};
`;

/** The generated TypeScript client; the same input always yields the same text. */
export const generateClient = (input: PackageInput, hash: string): string => {
  const models = entityModels(input.entities);
  const environment = input.environment === undefined ? 'undefined' : literal(input.environment);
  const lines: string[] = [
    '// Generated by the Integration Builder package generator. Do not edit.',
    oneLine(
      `// Integration ${input.integrationId} (${input.applicationName} / ${input.moduleName}), version ${input.version}, provider ${input.provider}.`,
    ),
    oneLine(`// Generator ${input.generatorVersion}, package ${hash}.`),
    '',
    `export const INTEGRATION_ID = ${literal(input.integrationId)};`,
    `export const INTEGRATION_VERSION = ${input.version};`,
    `export const PACKAGE_HASH = ${literal(hash)};`,
    '',
    RUNTIME,
  ];
  for (const model of models) lines.push(...entityTypes(model));
  lines.push(
    'export const createClient = (options: ClientOptions) => {',
    '  const doFetch = options.fetch ?? fetch;',
    `  const environment = options.environment ?? ${environment};`,
    "  if (environment === undefined) throw new Error('environment is required');",
    "  const base = options.baseUrl.replace(/\\/+$/, '') + '/api/data/' + encodeURIComponent(environment) + '/';",
    '  const request = async <R>(method: string, path: string, body?: unknown): Promise<R> => {',
    "    const headers: Record<string, string> = { accept: 'application/json' };",
    "    if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;",
    "    if (options.token !== undefined) headers.authorization = 'Bearer ' + options.token;",
    "    if (body !== undefined) headers['content-type'] = 'application/json';",
    '    const response = await doFetch(base + path, {',
    '      method,',
    '      headers,',
    '      body: body === undefined ? undefined : JSON.stringify(body),',
    '    });',
    '    if (!response.ok) {',
    '      const problem = (await response.json().catch(() => undefined)) as Problem | undefined;',
    '      throw new DataApiError(response.status, problem);',
    '    }',
    '    if (response.status === 204) return undefined as R;',
    '    return (await response.json()) as R;',
    '  };',
    '  return {',
  );
  for (const model of models) lines.push(...entityMethods(input, model));
  lines.push('  };', '};', '', 'export type Client = ReturnType<typeof createClient>;', '');
  return lines.join('\n');
};
