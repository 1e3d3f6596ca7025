import {
  applyNullPolicyOnRead,
  applyNullPolicyOnWrite,
  decimalText,
  decodeValue,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
} from '../data';
import {
  ConnectorError,
  type ColumnInfo,
  type DataOptions,
  type EntityDataAccess,
  type FindQuery,
  type FindResult,
  type Key,
  type Row,
  type TableInfo,
} from '../spi';
import { type ODataHttp } from './odata-http';
import { base64OfUrl, base64Url, durationOf, keyPredicate, timeOfDuration } from './odata-literal';
import { findQueryString } from './odata-query';
import { type ODataVersion } from './read-edmx';

/** What one page of a collection answers, v4 and v2 alike. */
type Page = Readonly<{ rows: Row[]; total?: number; next?: string }>;

/** Follow at most this many server pages for one find: a service that pages by 1 cannot loop us. */
const MAX_PAGES = 1000;

/**
 * Rows of an OData service's entity sets. Each request is validated against the published metadata
 * first; a find becomes `$filter`/`$orderby`/`$top`/`$skip`/`$count`/`$select` (odata-query.ts) and
 * follows the service's paging (`@odata.nextLink`, v2 `__next`) until the page asked for is full.
 * Writes: POST, PATCH (v2: MERGE) and DELETE by key predicate, and SAP's CSRF handshake (odata-http.ts).
 * An update or delete first reads the row's current ETag (a GET by key selecting only the key: services
 * still answer the ETag, v4 `@odata.etag`, v2 `__metadata.etag` or the `ETag` header) and sends it as
 * `If-Match`, so a change another client made in between is refused by the service with 412, answered
 * as DATA.ROW_CHANGED (409) rather than overwritten; `If-Match: *` only for a row without an ETag.
 */
export class ODataDataAccess implements EntityDataAccess {
  constructor(
    private readonly http: ODataHttp,
    private readonly version: () => Promise<ODataVersion>,
  ) {}

  async find(table: TableInfo, query: FindQuery, options?: DataOptions): Promise<FindResult> {
    validateFindQuery(table, query);
    const version = await this.version();
    const wanted = query.limit ?? Number.POSITIVE_INFINITY;
    const rows: Row[] = [];
    let page = await this.page(
      table,
      `${encodeURIComponent(table.name)}?${findQueryString(table, query, version)}`,
      version,
    );
    const total = page.total;
    rows.push(...page.rows);
    for (let pages = 1; page.next !== undefined && rows.length < wanted && pages < MAX_PAGES; pages++) {
      page = await this.page(table, page.next, version);
      rows.push(...page.rows);
    }
    const fields = query.fields !== undefined && query.fields.length > 0 ? new Set(query.fields) : undefined;
    const decoded = rows
      .slice(0, wanted)
      .map((row) => applyNullPolicyOnRead(table, readRow(table, row, fields), options?.nullPolicy));
    return query.count ? { rows: decoded, total: total ?? decoded.length } : { rows: decoded };
  }

  async get(table: TableInfo, key: Key, options?: DataOptions): Promise<Row | undefined> {
    validateKey(table, key);
    const version = await this.version();
    const { status, body } = await this.http.json<Row>({
      path: this.entityPath(table, key, version),
      kind: 'entity',
      entitySet: table.name,
      accept: [404],
    });
    if (status === 404 || body === undefined) return undefined;
    return applyNullPolicyOnRead(table, readRow(table, entityOf(body, version)), options?.nullPolicy);
  }

  /** The key of the created row as the service answers it (a key it computes included). */
  async insert(table: TableInfo, values: Row, options?: DataOptions): Promise<Key> {
    validateInsert(table, values, 'odata');
    const version = await this.version();
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const response = await this.http.request({
      method: 'POST',
      path: encodeURIComponent(table.name) + (version === 'v2' ? '?$format=json' : ''),
      kind: 'create',
      entitySet: table.name,
      headers: writeHeaders(version, { Prefer: 'return=representation' }),
      body: writeRow(table, written, version),
    });
    const created = response.text === '' ? undefined : entityOf(JSON.parse(response.text) as Row, version);
    const row = created === undefined ? written : readRow(table, created);
    const key: Record<string, unknown> = {};
    for (const name of table.primaryKey) key[name] = row[name] ?? written[name];
    if (table.primaryKey.some((name) => key[name] === undefined)) {
      const entityId = response.headers.get('OData-EntityId') ?? response.headers.get('Location');
      const single = entityId === null ? undefined : /\(([^()=]*)\)$/.exec(entityId)?.[1];
      if (single !== undefined && table.primaryKey.length === 1) key[table.primaryKey[0]] = unquote(single);
    }
    return key;
  }

  async update(table: TableInfo, key: Key, values: Row, options?: DataOptions): Promise<number> {
    validateUpdate(table, key, values, 'odata');
    const version = await this.version();
    const written = applyNullPolicyOnWrite(table, values, options?.nullPolicy);
    const current = await this.currentETag(table, key, version);
    if (current === undefined) return 0;
    const { status } = await this.http.request({
      method: version === 'v2' ? 'MERGE' : 'PATCH',
      path: this.entityPath(table, key, version),
      kind: 'change',
      entitySet: table.name,
      headers: writeHeaders(version, { 'If-Match': current.etag ?? '*' }),
      body: writeRow(table, written, version),
      accept: [404],
    });
    return status === 404 ? 0 : 1;
  }

  async delete(table: TableInfo, key: Key): Promise<number> {
    validateDelete(table, key);
    const version = await this.version();
    const current = await this.currentETag(table, key, version);
    if (current === undefined) return 0;
    const { status } = await this.http.request({
      method: 'DELETE',
      path: this.entityPath(table, key, version),
      kind: 'change',
      entitySet: table.name,
      headers: { 'If-Match': current.etag ?? '*' },
      accept: [404],
    });
    return status === 404 ? 0 : 1;
  }

  /**
   * The row's ETag as the service gives it now (`etag` undefined when the row has none), or undefined
   * when no row has this key. Only the key is selected; a service that refuses `$select` on an entity
   * (400, 501) is asked for the whole row.
   */
  private async currentETag(
    table: TableInfo,
    key: Key,
    version: ODataVersion,
  ): Promise<{ etag?: string } | undefined> {
    const select = `$select=${table.primaryKey.map(encodeURIComponent).join(',')}`;
    let answer = await this.http.json<Row>({
      path: this.entityPath(table, key, version, select),
      kind: 'entity',
      entitySet: table.name,
      accept: [400, 404, 501],
    });
    if (answer.status === 400 || answer.status === 501) {
      answer = await this.http.json<Row>({
        path: this.entityPath(table, key, version),
        kind: 'entity',
        entitySet: table.name,
        accept: [404],
      });
    }
    if (answer.status === 404) return undefined;
    const header = answer.headers.get('ETag');
    const etag = (answer.body === undefined ? undefined : etagOf(answer.body, version)) ?? header;
    return etag === null || etag === '' ? {} : { etag };
  }

  /** The entity's URL after the service root, with the query options given (v2 asks for JSON). */
  private entityPath(table: TableInfo, key: Key, version: ODataVersion, ...options: string[]): string {
    const columns = table.primaryKey.map((name) => table.columns.find((column) => column.name === name)!);
    const query = version === 'v2' ? [...options, '$format=json'] : options;
    return `${encodeURIComponent(table.name)}${keyPredicate(key, columns, version)}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  }

  private async page(table: TableInfo, path: string, version: ODataVersion): Promise<Page> {
    const { body } = await this.http.json<Record<string, unknown>>({
      path,
      kind: 'collection',
      entitySet: table.name,
    });
    if (body === undefined) {
      throw new ConnectorError(
        'CONNECTOR.UNREACHABLE',
        `The OData service ${this.http.label} did not answer ${table.name} with JSON`,
      );
    }
    return version === 'v4' ? v4Page(body) : v2Page(body);
  }
}

function v4Page(body: Record<string, unknown>): Page {
  const rows = Array.isArray(body.value) ? (body.value as Row[]) : [];
  const count = body['@odata.count'] ?? body['@count'];
  const next = body['@odata.nextLink'] ?? body['@nextLink'];
  return {
    rows,
    ...(count === undefined ? {} : { total: Number(count) }),
    ...(typeof next === 'string' ? { next } : {}),
  };
}

function v2Page(body: Record<string, unknown>): Page {
  const d = body.d as Record<string, unknown> | Row[] | undefined;
  if (Array.isArray(d)) return { rows: d };
  const rows = Array.isArray(d?.results) ? (d.results as Row[]) : [];
  return {
    rows,
    ...(d?.__count === undefined ? {} : { total: Number(d.__count) }),
    ...(typeof d?.__next === 'string' ? { next: d.__next } : {}),
  };
}

const entityOf = (body: Row, version: ODataVersion): Row =>
  version === 'v2' && typeof body.d === 'object' && body.d !== null ? (body.d as Row) : body;

/** The ETag an entity's JSON carries: v4 `@odata.etag` (4.01 `@etag`), v2 `__metadata.etag`. */
function etagOf(body: Row, version: ODataVersion): string | undefined {
  const entity = entityOf(body, version);
  const etag =
    version === 'v4'
      ? (entity['@odata.etag'] ?? entity['@etag'])
      : (entity.__metadata as { etag?: unknown } | undefined)?.etag;
  return typeof etag === 'string' && etag !== '' ? etag : undefined;
}

/** A row as the data API answers it: only the table's columns (annotations and navigations dropped). */
export function readRow(table: TableInfo, row: Row, fields?: ReadonlySet<string>): Row {
  const result: Row = {};
  for (const column of table.columns) {
    if (fields !== undefined && !fields.has(column.name)) continue;
    if (!Object.hasOwn(row, column.name)) continue;
    result[column.name] = readValue(column, row[column.name]);
  }
  return result;
}

/**
 * A value of the service's JSON in our wire format (wire-format.ts). The forms of both versions are
 * told apart by their shape (`/Date(..)/` and `PT..` are v2's), so reading needs no version.
 */
export function readValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'LongInteger': {
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return value;
      const number = Number(value);
      return Number.isSafeInteger(number) ? number : value;
    }
    case 'BinaryData':
      // v2 JSON is base64, but CAP's v2 adapter passes v4's base64url through: standard base64 has
      // no `-` nor `_`, so reading both as base64url is exact for either.
      return typeof value === 'string' ? base64OfUrl(value) : value;
    case 'Date':
    case 'DateTime':
      return decodeValue(column, typeof value === 'string' ? fromV2Date(value) : value);
    case 'Time':
      return decodeValue(column, typeof value === 'string' ? timeOfDuration(value) : value);
    default:
      return decodeValue(column, value);
  }
}

/** v2's `/Date(1700000000000)/` or `/Date(1700000000000+0060)/` as an RFC 3339 instant. */
function fromV2Date(value: string): string {
  const match = /^\/Date\((-?\d+)(?:[+-]\d+)?\)\/$/.exec(value);
  return match ? new Date(Number(match[1])).toISOString() : value;
}

/** Values as the service's JSON takes them: exact numbers as text, v2's date and time forms, base64url on v4. */
export function writeRow(table: TableInfo, values: Row, version: ODataVersion): Row {
  const columns = new Map(table.columns.map((column) => [column.name, column]));
  const body: Row = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = columns.get(name);
    body[name] = column === undefined ? value : writeValue(column, value, version);
  }
  return body;
}

export function writeValue(column: ColumnInfo, value: unknown, version: ODataVersion): unknown {
  if (value === null) return null;
  switch (column.kind) {
    case 'LongInteger':
      return String(value);
    case 'Decimal':
      return column.nativeType === 'Edm.Decimal' || version === 'v2'
        ? decimalText(value, column.scale)
        : value;
    case 'BinaryData':
      return version === 'v4' ? base64Url(String(value)) : value;
    case 'Date':
      return version === 'v2' ? `/Date(${Date.parse(`${String(value)}T00:00:00Z`)})/` : value;
    case 'Time':
      return version === 'v2' ? durationOf(String(value)) : value;
    case 'DateTime':
      if (version === 'v4') return value;
      return column.nativeType === 'Edm.DateTime' ? `/Date(${Date.parse(String(value))})/` : value;
    default:
      return value;
  }
}

/** v4 takes 64-bit integers and decimals as JSON strings when told so (IEEE754Compatible). */
function writeHeaders(version: ODataVersion, extra: Record<string, string>): Record<string, string> {
  return version === 'v4'
    ? { 'Content-Type': 'application/json;IEEE754Compatible=true', ...extra }
    : { 'Content-Type': 'application/json', ...extra };
}

/** A key literal of `OData-EntityId` (`'A-1'`, `guid'..'` or a bare Guid/number). */
function unquote(literal: string): unknown {
  const decoded = decodeURIComponent(literal);
  const quoted = /^(?:\w+)?'(.*)'$/.exec(decoded);
  if (quoted) return quoted[1].replaceAll("''", "'");
  return /^-?\d+$/.test(decoded) && Number.isSafeInteger(Number(decoded)) ? Number(decoded) : decoded;
}
