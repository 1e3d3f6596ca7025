import {
  type Attribute,
  type AttributeType,
  type Entity,
  type NullPolicy,
  type Provider,
  isReadOnlyAttribute,
} from '@ib/domain';

export { type NullPolicy } from '@ib/domain';

export type PackageInput = Readonly<{
  integrationId: string;
  applicationName: string;
  moduleName: string;
  provider: Provider;
  version: number;
  environment?: string;
  entities: readonly Entity[];
  nullPolicy: NullPolicy;
  generatorVersion: string;
}>;

export type EntityAction = 'list' | 'get' | 'create' | 'update' | 'delete';

/**
 * Which side of the wire a schema or type describes: what the server answers (`read`), or what a
 * request may send (`write`: a decimal may also be a JSON number, a set also a comma-separated text).
 */
export type Direction = 'read' | 'write';

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'startsWith',
  'endsWith',
  'isNull',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Query parameter names of a list call; an attribute with one of these names cannot be filtered. */
export const RESERVED_QUERY_NAMES = ['sort', 'offset', 'limit', 'count', 'fields'] as const;
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

/** Which filter operators make sense for an attribute type. */
export const filterOperatorsFor = (type: AttributeType): FilterOperator[] => {
  switch (type) {
    case 'Text':
    case 'Enum':
    case 'Set':
      return [...FILTER_OPERATORS];
    case 'Integer':
    case 'LongInteger':
    case 'Decimal':
    case 'Date':
    case 'Time':
    case 'DateTime':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'isNull'];
    case 'Boolean':
      return ['eq', 'ne', 'isNull'];
    case 'BinaryData':
    case 'Json':
      return ['isNull'];
  }
};

export const isSortable = (type: AttributeType): boolean => type !== 'BinaryData' && type !== 'Json';

/** Views and tables without a primary key are read-only. */
export const isReadOnly = (entity: Entity): boolean =>
  entity.kind === 'view' || entity.primaryKey.length === 0;

/** What a create or update body may set: every attribute but those generated or unsupported. */
export const writableAttributes = (entity: Entity): Attribute[] =>
  entity.attributes.filter((attribute) => !isReadOnlyAttribute(attribute));

/**
 * Read-only entities get list (and get when they have a key); the others get every action, but for
 * update when every writable attribute is part of the key (a key cannot change, so nothing could be
 * updated).
 */
export const actionsFor = (entity: Entity): EntityAction[] => {
  if (!isReadOnly(entity)) {
    const updatable = writableAttributes(entity).some(
      (attribute) => !entity.primaryKey.includes(attribute.name),
    );
    return updatable ? ['list', 'get', 'create', 'update', 'delete'] : ['list', 'get', 'create', 'delete'];
  }
  return entity.primaryKey.length > 0 ? ['list', 'get'] : ['list'];
};

/** Values of an `enum('a','b')` / `set('a','b')` native type, in declaration order. */
export const enumValues = (attribute: Attribute): string[] | undefined => {
  const match = /^\s*(?:enum|set)\s*\((.*)\)\s*$/is.exec(attribute.nativeType);
  if (!match) return undefined;
  const values: string[] = [];
  const literal = /'((?:[^']|'')*)'/g;
  let found: RegExpExecArray | null;
  while ((found = literal.exec(match[1])) !== null) values.push(found[1].replace(/''/g, "'"));
  return values.length > 0 ? values : undefined;
};

const pascalCase = (name: string): string => {
  const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const joined = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  if (joined.length === 0) return 'Entity';
  return /^[0-9]/.test(joined) ? `E${joined}` : joined;
};

/** Names the generated client and OpenAPI document use themselves; entity types avoid them. */
const RESERVED_TYPE_NAMES = [
  'Client',
  'ClientOptions',
  'DataApiError',
  'Filter',
  'FilterOperator',
  'ListQuery',
  'ListResult',
  'Problem',
  'Array',
  'Date',
  'Error',
  'Object',
  'Promise',
  'Record',
  'Response',
  'String',
  'Number',
  'Boolean',
  'Partial',
  'Pick',
];
const TYPE_SUFFIXES = ['', 'Key', 'Create', 'Update', 'List', 'Partial'];

/** A TypeScript/OpenAPI-safe type name per entity, in entity order; it and its derived names are unique. */
export const typeNames = (entities: readonly Entity[]): string[] => {
  const used = new Set<string>(RESERVED_TYPE_NAMES);
  const free = (name: string) => TYPE_SUFFIXES.every((suffix) => !used.has(name + suffix));
  return entities.map((entity) => {
    const base = pascalCase(entity.name);
    let name = base;
    for (let n = 2; !free(name); n += 1) name = `${base}${n}`;
    for (const suffix of TYPE_SUFFIXES) used.add(name + suffix);
    return name;
  });
};

export type EntityModel = Readonly<{
  entity: Entity;
  typeName: string;
  readOnly: boolean;
  actions: EntityAction[];
}>;

export const entityModels = (entities: readonly Entity[]): EntityModel[] => {
  const names = typeNames(entities);
  return entities.map((entity, index) => ({
    entity,
    typeName: names[index],
    readOnly: isReadOnly(entity),
    actions: actionsFor(entity),
  }));
};

/** The data API path of an entity; `{env}` stays a template parameter. */
export const collectionPath = (integrationId: string, entityName: string): string =>
  `/api/data/{env}/${encodeURIComponent(integrationId)}/${encodeURIComponent(entityName)}`;

/** Attributes a create body must carry: not nullable, no default, not generated, writable. */
export const isRequiredOnCreate = (attribute: Attribute): boolean =>
  !attribute.nullable &&
  attribute.defaultValue === undefined &&
  !attribute.autoIncrement &&
  !isReadOnlyAttribute(attribute);
