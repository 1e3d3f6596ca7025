export { canonicalJson } from './canonical-json';
export { readTarFile, writeTar, type TarFile } from './tar';
export { encodeKey, decodeKey, KEY_ENCODING_DESCRIPTION, MAX_KEY_LENGTH } from './key-encoding';
export {
  actionsFor,
  collectionPath,
  enumValues,
  isReadOnly,
  filterOperatorsFor,
  FILTER_OPERATORS,
  MAX_LIMIT,
  DEFAULT_LIMIT,
  type PackageInput,
  type NullPolicy,
  type EntityAction,
  type FilterOperator,
} from './model';
export { buildManifest, type Manifest, MANIFEST_FORMAT } from './manifest';
export { buildOpenApi, attributeSchema } from './openapi';
export { generateClient } from './client-generator';
export {
  generatePackage,
  packageHash,
  packageHashInput,
  PACKAGE_FILES,
  PACKAGE_HASH_FORMAT,
  type GeneratedPackage,
  type PackageFile,
} from './package-generator';
