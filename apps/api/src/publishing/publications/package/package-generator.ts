import { createHash } from 'node:crypto';
import { type Attribute, type Entity } from '@ib/domain';
import { canonicalJson } from './canonical-json';
import { generateClient } from './client-generator';
import { manifestJson } from './manifest';
import { type PackageInput } from './model';
import { openApiJson } from './openapi';
import { writeTar } from './tar';

/** Bumped when the hash input itself changes shape (not when the generated files change). */
export const PACKAGE_HASH_FORMAT = 'ib-package/1';

export type PackageFile = Readonly<{ path: string; content: string }>;
export type GeneratedPackage = Readonly<{ hash: string; files: PackageFile[]; bytes: Buffer }>;

const attributeSnapshot = (attribute: Attribute) => ({
  name: attribute.name,
  type: attribute.type,
  nativeType: attribute.nativeType,
  length: attribute.length,
  precision: attribute.precision,
  scale: attribute.scale,
  nullable: attribute.nullable,
  defaultValue: attribute.defaultValue,
  primaryKey: attribute.primaryKey,
  autoIncrement: attribute.autoIncrement,
  generated: attribute.generated,
  unsupported: attribute.unsupported,
});

const entitySnapshot = (entity: Entity) => ({
  name: entity.name,
  table: entity.table,
  kind: entity.kind,
  primaryKey: [...entity.primaryKey],
  attributes: entity.attributes.map(attributeSnapshot),
});

/**
 * The canonical hash input: the schema snapshot (entities in the given order, each with its
 * known fields only, attributes in the given order), the options (integration id, application
 * and module names, provider, version, environment, null policy) and the generator version,
 * under a format tag. Canonical JSON (sorted keys, no whitespace, absent optionals dropped).
 * Everything the generated files depend on is in here, so equal hashes mean equal bytes.
 */
export const packageHashInput = (input: PackageInput): string =>
  canonicalJson({
    format: PACKAGE_HASH_FORMAT,
    generatorVersion: input.generatorVersion,
    options: {
      integrationId: input.integrationId,
      applicationName: input.applicationName,
      moduleName: input.moduleName,
      provider: input.provider,
      version: input.version,
      environment: input.environment,
      nullPolicy: input.nullPolicy,
    },
    schema: input.entities.map(entitySnapshot),
  });

/** `sha256:<hex>` of {@link packageHashInput}. */
export const packageHash = (input: PackageInput): string =>
  `sha256:${createHash('sha256').update(packageHashInput(input), 'utf8').digest('hex')}`;

export const PACKAGE_FILES = ['client.ts', 'manifest.json', 'openapi.json'] as const;

/**
 * Generates a published version's package: manifest.json, openapi.json and client.ts in an
 * uncompressed ustar archive (sorted paths, mode 0644, uid/gid 0, mtime 0). Pure and
 * deterministic: the same input gives the same hash, file texts and bytes. The archive is not
 * gzipped on purpose: compressed bytes may change with the zlib build, tar bytes never do.
 */
export const generatePackage = (input: PackageInput): GeneratedPackage => {
  const hash = packageHash(input);
  const files: PackageFile[] = [
    { path: 'client.ts', content: generateClient(input, hash) },
    { path: 'manifest.json', content: manifestJson(input, hash) },
    { path: 'openapi.json', content: openApiJson(input, hash) },
  ];
  return { hash, files, bytes: writeTar(files) };
};
