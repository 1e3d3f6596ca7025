import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { type Attribute, type Entity } from '@ib/domain';
import { BASE64_PATTERN, TIME_PATTERN } from '@ib/connectors';
import { canonicalJson } from './canonical-json';
import { decodeKey, encodeKey } from './key-encoding';
import { type PackageInput, typeNames } from './model';
import { readTarFile } from './tar';
import { generatePackage, packageHash, packageHashInput } from './package-generator';

/** The project's own Node (24): it runs .ts files by stripping their types. */
const NODE = resolve(__dirname, '../../../../../../node_modules/.bin/node');

const attr = (name: string, type: Attribute['type'], extra: Partial<Attribute> = {}): Attribute => ({
  name,
  type,
  nativeType: type.toLowerCase(),
  nullable: false,
  primaryKey: false,
  autoIncrement: false,
  ...extra,
});

const track: Entity = {
  name: 'Track',
  table: 'Track',
  kind: 'table',
  primaryKey: ['TrackId'],
  attributes: [
    attr('TrackId', 'Integer', { nativeType: 'int', primaryKey: true, autoIncrement: true }),
    attr('Name', 'Text', { nativeType: 'nvarchar(200)', length: 200 }),
    attr('Composer', 'Text', { nativeType: 'nvarchar(220)', length: 220, nullable: true }),
    attr('UnitPrice', 'Decimal', { nativeType: 'numeric(10,2)', precision: 10, scale: 2 }),
    attr('Bytes', 'LongInteger', { nativeType: 'bigint', nullable: true }),
    attr('Explicit', 'Boolean', { nativeType: 'tinyint(1)', defaultValue: '0' }),
    attr('Mood', 'Enum', { nativeType: "enum('happy','sad','it''s ok')", nullable: true }),
    attr('Released', 'Date', { nullable: true }),
    attr('Length', 'Time', { nullable: true }),
    attr('Added', 'DateTime', { defaultValue: 'CURRENT_TIMESTAMP' }),
    attr('Cover', 'BinaryData', { nativeType: 'blob', nullable: true }),
    attr('Extra', 'Json', { nativeType: 'json', nullable: true }),
  ],
};

const playlistTrack: Entity = {
  name: 'playlist_track',
  table: 'playlist_track',
  kind: 'table',
  primaryKey: ['PlaylistId', 'TrackId'],
  attributes: [
    attr('PlaylistId', 'Integer', { primaryKey: true }),
    attr('TrackId', 'Integer', { primaryKey: true }),
    attr('Position', 'Integer', { nullable: true }),
  ],
};

const summaryView: Entity = {
  name: 'InvoiceSummary',
  table: 'v_invoice_summary',
  kind: 'view',
  primaryKey: ['InvoiceId'],
  attributes: [attr('InvoiceId', 'Integer', { primaryKey: true }), attr('Total', 'Decimal')],
};

const auditLog: Entity = {
  name: 'AuditLog',
  table: 'audit_log',
  kind: 'table',
  primaryKey: [],
  attributes: [attr('Message', 'Text', { length: 500 }), attr('sort', 'Text', { nullable: true })],
};

const baseInput: PackageInput = {
  integrationId: 'int-chinook',
  applicationName: 'Chinook',
  moduleName: 'Chinook_IS',
  provider: 'mysql',
  version: 3,
  environment: 'development',
  entities: [track, playlistTrack, summaryView, auditLog],
  nullPolicy: 'overwrite',
  generatorVersion: '1.0.0',
};

type TarEntry = { path: string; content: Buffer; mode: number; uid: number; gid: number; mtime: number };

/** A tiny ustar reader: checks each header's checksum and reads regular files. */
const readTar = (bytes: Buffer): TarEntry[] => {
  const text = (start: number, length: number) =>
    bytes
      .subarray(start, start + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  const octal = (start: number, length: number) => parseInt(text(start, length).trim() || '0', 8);
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    let sum = 0;
    header.forEach((byte, index) => (sum += index >= 148 && index < 156 ? 0x20 : byte));
    expect(octal(offset + 148, 8)).toBe(sum);
    expect(text(offset + 257, 6)).toBe('ustar');
    expect(text(offset + 156, 1)).toBe('0');
    const size = octal(offset + 124, 12);
    entries.push({
      path: text(offset, 100),
      mode: octal(offset + 100, 8),
      uid: octal(offset + 108, 8),
      gid: octal(offset + 116, 8),
      mtime: octal(offset + 136, 12),
      content: Buffer.from(bytes.subarray(offset + 512, offset + 512 + size)),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
};

const fileOf = (input: PackageInput, path: string): string => {
  const file = generatePackage(input).files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  return file.content;
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const openApiOf = (input: PackageInput): Json => JSON.parse(fileOf(input, 'openapi.json')) as Json;
const manifestOf = (input: PackageInput): Json => JSON.parse(fileOf(input, 'manifest.json')) as Json;

const withAttribute = (change: Partial<Attribute>): PackageInput => ({
  ...baseInput,
  entities: [
    { ...track, attributes: track.attributes.map((a) => (a.name === 'Composer' ? { ...a, ...change } : a)) },
    playlistTrack,
    summaryView,
    auditLog,
  ],
});

describe('package generator', () => {
  describe('given the same input twice', () => {
    it('when generated, then the hash, the files and the bytes are identical', () => {
      const first = generatePackage(baseInput);
      const second = generatePackage(JSON.parse(JSON.stringify(baseInput)) as PackageInput);
      expect(second.hash).toBe(first.hash);
      expect(second.files).toEqual(first.files);
      expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
    });

    it('when object keys come in another order, then nothing changes', () => {
      const reordered = Object.fromEntries(Object.entries(baseInput).reverse()) as PackageInput;
      expect(Buffer.compare(generatePackage(reordered).bytes, generatePackage(baseInput).bytes)).toBe(0);
    });

    it('then the hash is the sha256 of the canonical hash input', () => {
      const expected = createHash('sha256').update(packageHashInput(baseInput)).digest('hex');
      expect(packageHash(baseInput)).toBe(`sha256:${expected}`);
      const parsed = JSON.parse(packageHashInput(baseInput)) as Json;
      expect(Object.keys(parsed)).toEqual(['format', 'generatorVersion', 'options', 'schema']);
      expect(parsed.options.nullPolicy).toBe('overwrite');
      expect(parsed.schema.map((e: Json) => e.name)).toEqual([
        'Track',
        'playlist_track',
        'InvoiceSummary',
        'AuditLog',
      ]);
    });
  });

  describe('given a changed input', () => {
    const changes: [string, PackageInput][] = [
      ['attribute length', withAttribute({ length: 221 })],
      ['attribute nullability', withAttribute({ nullable: false })],
      ['attribute default', withAttribute({ defaultValue: "'n/a'" })],
      ['attribute native type', withAttribute({ nativeType: 'varchar(220)' })],
      ['attribute name', withAttribute({ name: 'Author' })],
      ['attribute generated mark', withAttribute({ generated: true })],
      ['attribute unsupported mark', withAttribute({ unsupported: true })],
      ['null policy', { ...baseInput, nullPolicy: 'preserve' }],
      ['generator version', { ...baseInput, generatorVersion: '1.0.1' }],
      ['version', { ...baseInput, version: 4 }],
      ['entity order', { ...baseInput, entities: [playlistTrack, track, summaryView, auditLog] }],
    ];
    it.each(changes)('when the %s changes, then the hash and the bytes change', (_, changed) => {
      const before = generatePackage(baseInput);
      const after = generatePackage(changed);
      expect(after.hash).not.toBe(before.hash);
      expect(Buffer.compare(after.bytes, before.bytes)).not.toBe(0);
    });
  });

  describe('the archive', () => {
    it('reads back as sorted files with fixed metadata and the generated contents', () => {
      const pkg = generatePackage(baseInput);
      expect(pkg.bytes.length % 512).toBe(0);
      const entries = readTar(pkg.bytes);
      expect(entries.map((e) => e.path)).toEqual(['client.ts', 'manifest.json', 'openapi.json']);
      for (const entry of entries) {
        expect(entry).toMatchObject({ mode: 0o644, uid: 0, gid: 0, mtime: 0 });
        expect(entry.content.toString('utf8')).toBe(pkg.files.find((f) => f.path === entry.path)?.content);
      }
      expect(pkg.bytes.subarray(pkg.bytes.length - 1024).every((byte) => byte === 0)).toBe(true);
    });

    it('gives back one file of it by path, and nothing for a path it does not hold', () => {
      const pkg = generatePackage(baseInput);
      for (const file of pkg.files)
        expect(readTarFile(pkg.bytes, file.path)?.toString('utf8')).toBe(file.content);
      expect(readTarFile(pkg.bytes, 'nosuch.json')).toBeUndefined();
    });
  });

  describe('the manifest', () => {
    it('lists entities, attributes, keys, null policy and actions in the given order', () => {
      const manifest = manifestOf(baseInput);
      expect(manifest.nullPolicy).toBe('overwrite');
      expect(manifest.hash).toBe(packageHash(baseInput));
      expect(manifest.integration).toEqual({
        id: 'int-chinook',
        applicationName: 'Chinook',
        moduleName: 'Chinook_IS',
        provider: 'mysql',
        version: 3,
        environment: 'development',
      });
      const [trackEntry, playlist, view, audit] = manifest.entities as Json[];
      expect(trackEntry).toMatchObject({ name: 'Track', table: 'Track', kind: 'table', readOnly: false });
      expect(trackEntry.actions).toEqual(['list', 'get', 'create', 'update', 'delete']);
      expect(trackEntry.attributes.map((a: Json) => a.name)).toEqual(track.attributes.map((a) => a.name));
      expect(trackEntry.attributes[0]).toMatchObject({
        primaryKey: true,
        autoIncrement: true,
        nativeType: 'int',
      });
      expect(trackEntry.attributes[3]).toMatchObject({ type: 'Decimal', precision: 10, scale: 2 });
      expect(trackEntry.attributes[6].values).toEqual(['happy', 'sad', "it's ok"]);
      expect(trackEntry.attributes[9].default).toBe('CURRENT_TIMESTAMP');
      expect(playlist).toMatchObject({ typeName: 'PlaylistTrack', primaryKey: ['PlaylistId', 'TrackId'] });
      expect(view).toMatchObject({ readOnly: true, actions: ['list', 'get'] });
      expect(audit).toMatchObject({ readOnly: true, actions: ['list'], primaryKey: [] });
      expect(audit.attributes[1].filterOperators).toEqual([]);
    });

    it('is canonical JSON: sorted keys', () => {
      const text = fileOf(baseInput, 'manifest.json');
      expect(text).toBe(canonicalJson(JSON.parse(text), 2) + '\n');
      expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    });
  });

  describe('the OpenAPI document', () => {
    const doc = openApiOf(baseInput);
    const base = '/api/data/{env}/int-chinook';

    it('is OpenAPI 3.1 with paths for each entity and component schemas', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.version).toBe('3');
      expect(Object.keys(doc.paths).sort()).toEqual(
        [
          `${base}/AuditLog`,
          `${base}/InvoiceSummary`,
          `${base}/InvoiceSummary/{key}`,
          `${base}/Track`,
          `${base}/Track/{key}`,
          `${base}/playlist_track`,
          `${base}/playlist_track/{key}`,
        ].sort(),
      );
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining([
          'Problem',
          'Track',
          'TrackCreate',
          'TrackUpdate',
          'TrackList',
          'InvoiceSummary',
        ]),
      );
      expect(doc.components.securitySchemes.bearerAuth).toEqual(
        expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      );
      expect(doc.components.securitySchemes.apiKeyAuth).toEqual(
        expect.objectContaining({ type: 'apiKey', in: 'header' }),
      );
      expect(doc.components.parameters.env.schema.default).toBe('development');
      // every $ref resolves
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
      for (const ref of refs) {
        const pointer = (JSON.parse(`{${ref}}`) as { $ref: string }).$ref.replace(/^#\//, '').split('/');
        expect(pointer.reduce<Json | undefined>((node, part) => node?.[part], doc)).toBeDefined();
      }
    });

    it('maps attribute types to JSON schemas', () => {
      const p = doc.components.schemas.Track.properties;
      expect(p.TrackId).toMatchObject({ type: 'integer', 'x-auto-increment': true });
      expect(p.Name).toEqual({ type: 'string', maxLength: 200 });
      expect(p.Composer).toEqual({ type: ['string', 'null'], maxLength: 220 });
      expect(p.UnitPrice).toMatchObject({ type: 'string', pattern: '^-?0*[0-9]{1,8}(\\.[0-9]{1,2}0*)?$' });
      expect(p.Bytes).toMatchObject({ type: ['integer', 'string', 'null'], format: 'int64' });
      expect(p.Explicit).toMatchObject({ type: 'boolean' });
      expect(p.Mood).toEqual({ type: ['string', 'null'], enum: ['happy', 'sad', "it's ok", null] });
      expect(p.Released).toEqual({ type: ['string', 'null'], format: 'date' });
      expect(p.Length).toMatchObject({ type: ['string', 'null'], pattern: TIME_PATTERN });
      expect(p.Length.format).toBeUndefined();
      expect(p.Added).toMatchObject({ type: 'string', format: 'date-time' });
      expect(p.Cover).toEqual({
        type: ['string', 'null'],
        contentEncoding: 'base64',
        pattern: BASE64_PATTERN,
      });
      expect(p.Extra).toEqual({});
      expect(doc.components.schemas.TrackCreate.required).toEqual(['Name', 'UnitPrice']);
      expect(Object.keys(doc.components.schemas.TrackUpdate.properties)).not.toContain('TrackId');
    });

    it('documents list query parameters, key encoding and problem responses', () => {
      const list = doc.paths[`${base}/Track`].get;
      const names = list.parameters.map((p: Json) => p.name);
      expect(names).toEqual(expect.arrayContaining(['Name', 'sort', 'offset', 'limit', 'count', 'fields']));
      const name = list.parameters.find((p: Json) => p.name === 'Name');
      expect(name).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
      expect(Object.keys(name.schema.properties)).toEqual([
        'contains', 'endsWith', 'eq', 'gt', 'gte', 'in', 'isNull', 'lt', 'lte', 'ne', 'startsWith',
      ]); // prettier-ignore
      expect(list.parameters.find((p: Json) => p.name === 'limit').schema.maximum).toBe(1000);
      expect(list.responses['400']).toEqual({ $ref: '#/components/responses/Problem' });
      expect(Object.keys(doc.components.responses.Problem.content)).toEqual(['application/problem+json']);
      const item = doc.paths[`${base}/playlist_track/{key}`];
      expect(item.parameters[1].description).toContain('PlaylistId=1;TrackId=42');
      expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'parameters', 'patch']);
      expect(doc.paths[`${base}/Track`].post.responses['201']).toBeDefined();
      // a reserved attribute name is not offered as a filter
      expect(
        doc.paths[`${base}/AuditLog`].get.parameters.filter((p: Json) => p.name === 'sort'),
      ).toHaveLength(1);
    });

    it('gives read-only entities no write operations', () => {
      expect(doc.paths[`${base}/InvoiceSummary`].post).toBeUndefined();
      expect(Object.keys(doc.paths[`${base}/InvoiceSummary/{key}`]).sort()).toEqual(['get', 'parameters']);
      expect(doc.paths[`${base}/AuditLog`].post).toBeUndefined();
      expect(doc.paths[`${base}/AuditLog/{key}`]).toBeUndefined();
      expect(doc.components.schemas.InvoiceSummaryCreate).toBeUndefined();
      expect(doc.components.schemas.AuditLogUpdate).toBeUndefined();
    });
  });

  describe('given generated and unsupported attributes', () => {
    const counter: Entity = {
      name: 'Counter',
      table: 'Counter',
      kind: 'table',
      primaryKey: ['Id'],
      attributes: [
        attr('Id', 'Integer', { primaryKey: true }),
        attr('Twice', 'Integer', { generated: true }),
        attr('Span', 'Json', { nativeType: 'interval day to second', unsupported: true, generated: true }),
      ],
    };
    const marked: PackageInput = {
      ...withAttribute({ generated: true, nullable: false }),
      entities: [...withAttribute({ generated: true, nullable: false }).entities, counter],
    };
    const doc = openApiOf(marked);
    const schemas = doc.components.schemas;

    it('when documented, then rows mark them readOnly and no create or update body holds them', () => {
      expect(schemas.Track.properties.Composer).toEqual({
        type: 'string',
        maxLength: 220,
        readOnly: true,
        'x-generated': true,
      });
      expect(schemas.Counter.properties.Span).toEqual({
        readOnly: true,
        'x-generated': true,
        'x-unsupported': true,
      });
      expect(schemas.Track.required).toContain('Composer');
      expect(Object.keys(schemas.TrackCreate.properties)).not.toContain('Composer');
      expect(schemas.TrackCreate.required).toEqual(['Name', 'UnitPrice']);
      expect(Object.keys(schemas.TrackUpdate.properties)).not.toContain('Composer');
      expect(schemas.Track.properties.Name.readOnly).toBeUndefined();
    });

    it('when every attribute but the key is read-only, then the entity has no update', () => {
      expect(Object.keys(schemas.Counter.properties).sort()).toEqual(['Id', 'Span', 'Twice']);
      expect(schemas.CounterCreate.properties).toEqual({ Id: expect.any(Object) });
      expect(schemas.CounterUpdate).toBeUndefined();
      expect(doc.paths['/api/data/{env}/int-chinook/Counter/{key}'].patch).toBeUndefined();
      const manifest = manifestOf(marked).entities.find((e: Json) => e.name === 'Counter');
      expect(manifest.actions).toEqual(['list', 'get', 'create', 'delete']);
    });

    it('when listed in the manifest, then each carries its marks and the others none', () => {
      const attributes = manifestOf(marked).entities.find((e: Json) => e.name === 'Counter').attributes;
      expect(attributes.map((a: Json) => [a.name, a.generated, a.unsupported])).toEqual([
        ['Id', undefined, undefined],
        ['Twice', true, undefined],
        ['Span', true, true],
      ]);
    });

    it('when generated as a client, then the row type reads them and the create and update types leave them out', () => {
      const client = fileOf(marked, 'client.ts');
      const block = (name: string) =>
        client.slice(client.indexOf(`export interface ${name} {`)).split('}')[0];
      expect(block('Counter')).toContain('readonly Twice: number;');
      expect(block('CounterCreate')).not.toContain('Twice');
      expect(block('TrackUpdate')).not.toContain('Composer');
      expect(ts.transpileModule(client, { reportDiagnostics: true }).diagnostics ?? []).toEqual([]);
    });
  });

  describe('the OpenAPI document declares what the server accepts and answers', () => {
    const doc = openApiOf(baseInput);
    const base = '/api/data/{env}/int-chinook';
    const schemas = doc.components.schemas;
    const matches = (pattern: string, text: string) => new RegExp(pattern, 'u').test(text);

    it('answers decimals as exact text and accepts text or a JSON number in bodies', () => {
      expect(schemas.Track.properties.UnitPrice.type).toBe('string');
      expect(schemas.TrackCreate.properties.UnitPrice).toMatchObject({
        type: ['string', 'number'],
        exclusiveMaximum: 99999999.995,
        exclusiveMinimum: -99999999.995,
      });
      expect(schemas.TrackUpdate.properties.UnitPrice.pattern).toBe(
        schemas.Track.properties.UnitPrice.pattern,
      );
    });

    it('accepts long integers as exact JSON numbers or as digits within 64 bits', () => {
      const bytes = schemas.TrackCreate.properties.Bytes;
      expect(bytes).toMatchObject({ minimum: -9007199254740991, maximum: 9007199254740991 });
      expect(matches(bytes.pattern, '9223372036854775807')).toBe(true);
      expect(['9223372036854775808', '+1', '1e3'].some((t) => matches(bytes.pattern, t))).toBe(false);
    });

    it("bounds integers by the column's native type", () => {
      expect(schemas.Track.properties.TrackId).toMatchObject({ minimum: -2147483648, maximum: 2147483647 });
      const sqlite = openApiOf({ ...baseInput, provider: 'sqlite' }).components.schemas;
      expect(sqlite.PlaylistTrack.properties.PlaylistId).toMatchObject({ maximum: Number.MAX_SAFE_INTEGER });
      expect(sqlite.Track.properties.TrackId).toMatchObject({ maximum: Number.MAX_SAFE_INTEGER - 2 ** 32 });
    });

    it('lists rows whose attributes are all optional (fields), and says which fields and sorts exist', () => {
      expect(schemas.TrackList.properties.items.items).toEqual({ $ref: '#/components/schemas/TrackPartial' });
      expect(schemas.TrackPartial.required).toBeUndefined();
      expect(schemas.TrackList.required).toEqual(['items', 'offset', 'limit']);
      const parameter = (name: string) =>
        doc.paths[`${base}/Track`].get.parameters.find((p: Json) => p.name === name).schema;
      expect(matches(parameter('fields').pattern, 'Name,TrackId')).toBe(true);
      expect(
        ['', 'Name,', 'Name, TrackId', 'Nope'].some((t) => matches(parameter('fields').pattern, t)),
      ).toBe(false);
      expect(matches(parameter('sort').pattern, '-Name,TrackId')).toBe(true);
      expect(
        ['+Name', 'Cover', '-', 'Name,,TrackId'].some((t) => matches(parameter('sort').pattern, t)),
      ).toBe(false);
      const ids = parameter('TrackId').properties.in.pattern;
      expect(['1,-2,007', '9007199254740991'].every((t) => matches(ids, t))).toBe(true);
      expect(['1,,2', '1, 2', '+1', '9007199254740992', ''].some((t) => matches(ids, t))).toBe(false);
      expect(matches(parameter('Released').properties.in.pattern, '2024-01-01,2024-02-01')).toBe(true);
      expect(matches(parameter('UnitPrice').properties.in.pattern, '1.50,x')).toBe(false);
      expect(matches(parameter('Mood').properties.in.pattern, "happy,it's ok")).toBe(true);
      expect(matches(parameter('Mood').properties.in.pattern, 'happy,angry')).toBe(false);
      expect(parameter('UnitPrice').properties.gte).toMatchObject({ type: 'string' });
    });

    it('needs at least one attribute to update', () => {
      expect(schemas.TrackUpdate.minProperties).toBe(1);
    });

    it('declares the key syntax: the value of a single key, name=value;... in key order for a composite one', () => {
      const key = (path: string) => doc.paths[`${base}/${path}/{key}`].parameters[1].schema;
      expect(key('Track')).toMatchObject({ type: 'string', minLength: 1, maxLength: 256 });
      expect(['42', '-0', '9007199254740991'].every((t) => matches(key('Track').pattern, t))).toBe(true);
      expect(['TrackId=42', '4.2', '9007199254740992'].some((t) => matches(key('Track').pattern, t))).toBe(
        false,
      );
      const composite = key('playlist_track').pattern;
      expect(matches(composite, 'PlaylistId=1;TrackId=42')).toBe(true);
      expect(
        ['TrackId=2;PlaylistId=1', 'PlaylistId=1', 'PlaylistId=1;TrackId=x'].some((t) =>
          matches(composite, t),
        ),
      ).toBe(false);
    });

    it('declares every answer: problem details for each failure, 503 with Retry-After, 413 and 415 for bodies', () => {
      const create = doc.paths[`${base}/Track`].post.responses;
      expect(Object.keys(create).sort()).toEqual([
        '201',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '415',
        '503',
      ]);
      expect(create['201'].headers.Location.required).toBe(true);
      const remove = doc.paths[`${base}/Track/{key}`].delete.responses;
      expect(Object.keys(remove).sort()).toEqual(['204', '400', '401', '403', '404', '409', '503']);
      const { responses } = doc.components;
      expect(responses.Unavailable.headers['Retry-After']).toBeDefined();
      expect(responses.Unauthenticated.headers['WWW-Authenticate']).toBeDefined();
      for (const response of Object.values(responses) as Json[])
        expect(Object.keys(response.content)).toEqual(['application/problem+json']);
    });
  });

  describe('the generated client', () => {
    const client = fileOf(baseInput, 'client.ts');

    it('transpiles and type-checks under strict settings', () => {
      const transpiled = ts.transpileModule(client, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        reportDiagnostics: true,
      });
      expect(transpiled.diagnostics ?? []).toEqual([]);
      const dir = mkdtempSync(join(tmpdir(), 'ib-client-'));
      try {
        const file = join(dir, 'client.ts');
        const usage = join(dir, 'usage.ts');
        writeFileSync(file, client);
        writeFileSync(
          usage,
          [
            "import { createClient, type Track } from './client';",
            "const c = createClient({ baseUrl: 'http://x', apiKey: 'k' });",
            "export const run = async (): Promise<Pick<Track, 'Name'>[]> => {",
            '  await c.playlist_track.remove({ PlaylistId: 1, TrackId: 2 });',
            "  await c.Track.create({ Name: 'n', UnitPrice: '1.00' });",
            '  await c.Track.update({ TrackId: 1 }, { UnitPrice: 1.5 });',
            "  const page = await c.Track.list({ filter: { Name: { startsWith: 'A' } }, sort: ['-Name'], fields: ['Name'] });",
            '  const all: Track[] = (await c.Track.list()).items;',
            '  const price: string = all[0].UnitPrice;',
            '  // @ts-expect-error a decimal is answered as exact text, never a number',
            '  const wrong: number = all[0].UnitPrice;',
            '  // @ts-expect-error a list with fields carries only those attributes',
            '  void page.items[0].TrackId;',
            '  void price;',
            '  void wrong;',
            '  return page.items;',
            '};',
            '// @ts-expect-error read-only entities have no create',
            'void c.InvoiceSummary.create;',
            '// @ts-expect-error tables without a key have no get',
            'void c.AuditLog.get;',
          ].join('\n'),
        );
        const program = ts.createProgram([file, usage], {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.CommonJS,
          lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
          types: [],
          skipLibCheck: true,
        });
        const diagnostics = ts
          .getPreEmitDiagnostics(program)
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        expect(diagnostics).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("runs under Node's own type stripping (no enums, namespaces or parameter properties)", () => {
      const dir = mkdtempSync(join(tmpdir(), 'ib-client-strip-'));
      try {
        writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
        writeFileSync(join(dir, 'client.ts'), client);
        writeFileSync(
          join(dir, 'main.ts'),
          [
            "import { createClient, DataApiError, type Track } from './client.ts';",
            'const answers: Response[] = [',
            "  Response.json({ items: [{ TrackId: 1, UnitPrice: '0.99' }], offset: 0, limit: 1 }),",
            "  Response.json({ title: 'Not Found', status: 404 }, { status: 404 }),",
            '];',
            "const api = createClient({ baseUrl: 'http://h', apiKey: 'k', fetch: async () => answers.shift()! });",
            'const page = await api.Track.list({ limit: 1 });',
            'const first: Pick<Track, "UnitPrice"> = page.items[0];',
            'const failure = await api.Track.get({ TrackId: 2 }).catch((error: unknown) => error);',
            'console.log(JSON.stringify([first.UnitPrice, failure instanceof DataApiError && failure.status]));',
          ].join('\n'),
        );
        const run = spawnSync(NODE, ['main.ts'], { cwd: dir, encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout)).toEqual(['0.99', 404]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('calls the data API with the documented paths, key encoding and credentials', async () => {
      const js = ts.transpileModule(client, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const module = { exports: {} as Json };
      runInNewContext(js, { module, exports: module.exports });
      const calls: { url: string; init: Json }[] = [];
      const fakeFetch = async (url: string, init: Json) => {
        calls.push({ url, init });
        const status = init.method === 'DELETE' ? 204 : 200;
        return { ok: true, status, json: async () => ({ items: [] }) };
      };
      const api = module.exports.createClient({ baseUrl: 'http://h/', token: 't', fetch: fakeFetch });
      await api.Track.list({
        filter: { Name: { startsWith: 'A&B' }, TrackId: { in: [1, 2] } },
        sort: ['Name', '-TrackId'],
        limit: 10,
        count: true,
      });
      await api.playlist_track.get({ PlaylistId: 1, TrackId: 'a;b=c' });
      await api.Track.update({ TrackId: 7 }, { Name: 'x' });
      await api.playlist_track.remove({ PlaylistId: 1, TrackId: 2 });
      expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
        'GET http://h/api/data/development/int-chinook/Track?Name[startsWith]=A%26B&TrackId[in]=1%2C2&sort=Name%2C-TrackId&limit=10&count=true',
        'GET http://h/api/data/development/int-chinook/playlist_track/PlaylistId=1;TrackId=a%3Bb%3Dc',
        'PATCH http://h/api/data/development/int-chinook/Track/7',
        'DELETE http://h/api/data/development/int-chinook/playlist_track/PlaylistId=1;TrackId=2',
      ]);
      expect(calls[0].init.headers.authorization).toBe('Bearer t');
      expect(calls[2].init.body).toBe('{"Name":"x"}');
      expect(module.exports.PACKAGE_HASH).toBe(packageHash(baseInput));
    });
  });

  describe('type names', () => {
    it('are unique, identifier-safe and avoid the client runtime names', () => {
      const entity = (name: string): Entity => ({ ...auditLog, name, table: name });
      const names = typeNames(
        ['order items', 'Order_Items', 'Track', 'TrackKey', 'Problem', '1st', 'x'].map(entity),
      );
      expect(names).toEqual(['OrderItems', 'OrderItems2', 'Track', 'TrackKey2', 'Problem2', 'E1st', 'X']);
    });
  });

  describe('key encoding', () => {
    it('round-trips single and composite keys, escaping ; and =', () => {
      expect(encodeKey(['TrackId'], { TrackId: 42 })).toBe('42');
      expect(decodeKey(['TrackId'], '42')).toEqual({ TrackId: '42' });
      expect(decodeKey(['TrackId'], 'TrackId=42')).toEqual({ TrackId: '42' });
      const key = ['PlaylistId', 'TrackId'];
      const encoded = encodeKey(key, { PlaylistId: 1, TrackId: 'a;b=c d' });
      expect(encoded).toBe('PlaylistId=1;TrackId=a%3Bb%3Dc%20d');
      expect(decodeKey(key, encoded)).toEqual({ PlaylistId: '1', TrackId: 'a;b=c d' });
      expect(() => decodeKey(key, 'PlaylistId=1')).toThrow('missing key attribute');
      expect(() => decodeKey(key, 'PlaylistId=1;Other=2')).toThrow('unknown key attribute');
    });
  });
});
