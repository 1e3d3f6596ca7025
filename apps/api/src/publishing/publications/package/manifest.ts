import { type Attribute } from '@ib/domain';
import { canonicalJson } from './canonical-json';
import { KEY_ENCODING_DESCRIPTION } from './key-encoding';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  RESERVED_QUERY_NAMES,
  entityModels,
  enumValues,
  filterOperatorsFor,
  isSortable,
  type PackageInput,
} from './model';

export const MANIFEST_FORMAT = 'ib-package-manifest/1';

const attributeManifest = (attribute: Attribute) => ({
  name: attribute.name,
  type: attribute.type,
  nativeType: attribute.nativeType,
  length: attribute.length,
  precision: attribute.precision,
  scale: attribute.scale,
  nullable: attribute.nullable,
  default: attribute.defaultValue,
  primaryKey: attribute.primaryKey,
  autoIncrement: attribute.autoIncrement,
  generated: attribute.generated,
  unsupported: attribute.unsupported,
  values: attribute.type === 'Enum' || attribute.type === 'Set' ? enumValues(attribute) : undefined,
  filterOperators: (RESERVED_QUERY_NAMES as readonly string[]).includes(attribute.name)
    ? []
    : filterOperatorsFor(attribute.type),
  sortable: isSortable(attribute.type),
});

/** The manifest object (before serialisation): what the data API serves a version from. */
export const buildManifest = (input: PackageInput, hash: string) => ({
  format: MANIFEST_FORMAT,
  hash,
  generatorVersion: input.generatorVersion,
  integration: {
    id: input.integrationId,
    applicationName: input.applicationName,
    moduleName: input.moduleName,
    provider: input.provider,
    version: input.version,
    environment: input.environment,
  },
  nullPolicy: input.nullPolicy,
  paging: { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT },
  keyEncoding: KEY_ENCODING_DESCRIPTION,
  entities: entityModels(input.entities).map(({ entity, typeName, readOnly, actions }) => ({
    name: entity.name,
    table: entity.table,
    kind: entity.kind,
    typeName,
    readOnly,
    primaryKey: [...entity.primaryKey],
    actions,
    attributes: entity.attributes.map(attributeManifest),
  })),
});

export type Manifest = ReturnType<typeof buildManifest>;

export const manifestJson = (input: PackageInput, hash: string): string =>
  canonicalJson(buildManifest(input, hash), 2) + '\n';
