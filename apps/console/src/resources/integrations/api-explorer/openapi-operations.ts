/** The little of OpenAPI 3.1 the explorer reads: what the package generator writes (openapi.ts). */
type Schema = Readonly<{
  $ref?: string;
  type?: string | readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  readOnly?: boolean;
  enum?: readonly unknown[];
  default?: unknown;
  format?: string;
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
}>;

export type Parameter = Readonly<{
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  style?: string;
  schema?: Schema;
}>;

/** A parameter, or a reference to one of the components' (the environment). */
type ParameterItem = Parameter | Readonly<{ $ref: string }>;

type Operation = Readonly<{
  operationId?: string;
  summary?: string;
  parameters?: readonly ParameterItem[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}>;

export type OpenApiDocument = Readonly<{
  info?: { title?: string; version?: string; description?: string };
  paths?: Readonly<Record<string, Readonly<Record<string, Operation | readonly ParameterItem[]>>>>;
  components?: {
    schemas?: Readonly<Record<string, Schema>>;
    parameters?: Readonly<Record<string, Parameter>>;
  };
}>;

export type ExplorerOperation = Readonly<{
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Every parameter but the environment, which the explorer fills itself. */
  parameters: readonly Parameter[];
  /** A filter parameter's operators (`name[op]=value`), by parameter name. */
  filterOperators: Readonly<Record<string, readonly string[]>>;
  body?: Schema;
}>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ENVIRONMENT = 'env';

const component = (doc: OpenApiDocument, ref: string): unknown => {
  const [, , section, name] = ref.split('/');
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return ref.startsWith('#/components/') ? components[section!]?.[name!] : undefined;
};

const resolved = (doc: OpenApiDocument, schema: Schema): Schema =>
  schema.$ref ? ((component(doc, schema.$ref) as Schema | undefined) ?? schema) : schema;

/** A referenced parameter the document does not hold is left out. */
const parameterOf = (doc: OpenApiDocument, item: ParameterItem): Parameter[] => {
  if (!('$ref' in item)) return [item];
  const target = component(doc, item.$ref) as Parameter | undefined;
  return target ? [target] : [];
};

/** The document's operations in its order, with their parameters and body schema resolved. */
export const operationsOf = (doc: OpenApiDocument): ExplorerOperation[] =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) => {
    const shared = ((item.parameters ?? []) as readonly ParameterItem[]).flatMap((p) => parameterOf(doc, p));
    return METHODS.flatMap((method) => {
      const operation = item[method] as Operation | undefined;
      if (!operation) return [];
      const parameters = [
        ...shared,
        ...(operation.parameters ?? []).flatMap((p) => parameterOf(doc, p)),
      ].filter(({ name, in: where }) => !(name === ENVIRONMENT && where === 'path'));
      const filterOperators = Object.fromEntries(
        parameters
          .filter(({ style }) => style === 'deepObject')
          .map(({ name, schema }) => [name, Object.keys(schema?.properties ?? {})]),
      );
      const body = operation.requestBody?.content?.['application/json']?.schema;
      return [
        {
          id: operation.operationId ?? `${method} ${path}`,
          method,
          path,
          summary: operation.summary ?? '',
          parameters,
          filterOperators,
          ...(body ? { body: resolved(doc, body) } : {}),
        },
      ];
    });
  });

const sample = (schema: Schema | undefined, doc: OpenApiDocument): unknown => {
  const shape = schema ? resolved(doc, schema) : undefined;
  if (!shape) return null;
  if (shape.default !== undefined) return shape.default;
  if (shape.enum?.length) return shape.enum[0];
  const variant = shape.oneOf?.[0] ?? shape.anyOf?.[0];
  if (variant) return sample(variant, doc);
  const type = Array.isArray(shape.type) ? shape.type.find((t) => t !== 'null') : shape.type;
  switch (type) {
    case 'object':
      return bodySkeleton(shape, doc);
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return shape.format === 'date'
        ? '2025-01-31'
        : shape.format === 'date-time'
          ? '2025-01-31T12:00:00Z'
          : '';
  }
};

/** A request body to start from: every writable property of the schema, with a value of its type. */
export const bodySkeleton = (schema: Schema, doc: OpenApiDocument): Record<string, unknown> => {
  const shape = resolved(doc, schema);
  return Object.fromEntries(
    Object.entries(shape.properties ?? {})
      .filter(([, property]) => !resolved(doc, property).readOnly)
      .map(([name, property]) => [name, sample(property, doc)]),
  );
};

export type OperationInput = Readonly<{
  /** Path and plain query parameters by name. */
  values: Readonly<Record<string, string>>;
  /** Filter parameters: the operator and value, by parameter name. */
  filters: Readonly<Record<string, { op: string; value: string }>>;
}>;

/** The URL the operation is called at in `environment`: path filled, empty parameters left out. */
export const requestUrl = (
  operation: ExplorerOperation,
  environment: string,
  { values, filters }: OperationInput,
): string => {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(name === ENVIRONMENT ? environment : (values[name] ?? '')),
  );
  const query = new URLSearchParams();
  for (const { name, in: where, style } of operation.parameters) {
    if (where !== 'query') continue;
    if (style === 'deepObject') {
      const filter = filters[name];
      if (filter?.op && filter.value !== '') query.append(`${name}[${filter.op}]`, filter.value);
    } else if (values[name]) query.append(name, values[name]);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
};
