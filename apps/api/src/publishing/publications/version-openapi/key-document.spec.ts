import { type Attribute, type Entity } from '@ib/domain';
import { type PackageInput, buildOpenApi } from '../package';
import { documentForKey } from './key-document';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const attr = (name: string, type: Attribute['type'], extra: Partial<Attribute> = {}): Attribute => ({
  name,
  type,
  nativeType: type.toLowerCase(),
  nullable: false,
  primaryKey: false,
  autoIncrement: false,
  ...extra,
});

const entity = (name: string, columns: readonly string[]): Entity => ({
  name,
  table: name.toLowerCase(),
  kind: 'table',
  primaryKey: ['id'],
  attributes: [
    attr('id', 'Integer', { primaryKey: true, autoIncrement: true }),
    ...columns.map((column) => attr(column, 'Text')),
  ],
});

const input: PackageInput = {
  integrationId: '0190a000-0000-7000-8000-000000000001',
  applicationName: 'Shop',
  moduleName: 'Shop_IS',
  provider: 'sqlite',
  version: 2,
  environment: 'development',
  entities: [
    entity('Customers', ['email']),
    entity('Products', ['secret_margin']),
    entity('Orders', ['note']),
  ],
  nullPolicy: 'overwrite',
  generatorVersion: '1.0.0',
};
const published = buildOpenApi(input, 'hash') as Json;
const base = (name: string) => `/api/data/{env}/${input.integrationId}/${name}`;

describe('documentForKey', () => {
  it('given some entities, then only their paths, tags and schemas are described, and the rest of the document as published', () => {
    const trimmed = documentForKey(published, input.integrationId, {
      entities: ['Customers', 'Orders'],
    }) as Json;

    expect(Object.keys(trimmed.paths).sort()).toEqual(
      [base('Customers'), `${base('Customers')}/{key}`, base('Orders'), `${base('Orders')}/{key}`].sort(),
    );
    expect(trimmed.tags).toEqual([{ name: 'Customers' }, { name: 'Orders' }]);
    const schemas = Object.keys(trimmed.components.schemas);
    expect(schemas).toContain('Problem');
    expect(schemas.filter((name) => name.startsWith('Customers'))).toEqual(
      Object.keys(published.components.schemas).filter((name) => name.startsWith('Customers')),
    );
    expect(schemas.some((name) => name.startsWith('Products'))).toBe(false);
    expect(JSON.stringify(trimmed)).not.toContain('secret_margin');
    for (const kept of ['openapi', 'info', 'security', 'servers'])
      expect(trimmed[kept]).toEqual(published[kept]);
    expect({ ...trimmed.components, schemas: undefined }).toEqual({
      ...published.components,
      schemas: undefined,
    });
  });

  it('given every entity, then the document is the one published', () =>
    expect(
      documentForKey(published, input.integrationId, { entities: ['Customers', 'Products', 'Orders'] }),
    ).toEqual(published));

  it('given an entity the version does not have, then nothing of it is described, and nothing else', () => {
    const trimmed = documentForKey(published, input.integrationId, { entities: ['Invoices'] }) as Json;

    expect(trimmed.paths).toEqual({});
    expect(trimmed.tags).toEqual([]);
    expect(Object.keys(trimmed.components.schemas)).toEqual(['Problem']);
  });

  it('given a read-only key, then only the operations that read are described, and the schemas only writes used are left out', () => {
    const reads = documentForKey(published, input.integrationId, { readOnly: true }) as Json;

    const methods = Object.values(reads.paths as Record<string, Json>).flatMap((item) => Object.keys(item));
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))).toEqual([]);
    expect(Object.keys(reads.paths).sort()).toEqual(Object.keys(published.paths).sort());
    expect(reads.tags).toEqual(published.tags);
    const written = Object.keys(published.components.schemas).filter(
      (name) => !Object.keys(reads.components.schemas).includes(name),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(JSON.stringify(reads.paths)).not.toMatch(
      new RegExp(written.map((name) => `schemas/${name}"`).join('|')),
    );
  });

  it('given a read-only key limited to one entity, then the reads of that entity only', () => {
    const reads = documentForKey(published, input.integrationId, {
      entities: ['Orders'],
      readOnly: true,
    }) as Json;

    expect(Object.keys(reads.paths).sort()).toEqual([base('Orders'), `${base('Orders')}/{key}`].sort());
    expect(
      Object.values(reads.paths as Record<string, Json>).flatMap((item) => Object.keys(item)),
    ).not.toContain('post');
    expect(reads.tags).toEqual([{ name: 'Orders' }]);
  });
});
