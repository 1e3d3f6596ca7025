import type {
  BaseRecord,
  CreateParams,
  CreateResponse,
  CustomParams,
  CustomResponse,
  DataProvider,
  DeleteOneParams,
  DeleteOneResponse,
  GetListParams,
  GetListResponse,
  GetManyParams,
  GetManyResponse,
  GetOneParams,
  GetOneResponse,
  MetaQuery,
  UpdateParams,
  UpdateResponse,
} from '@refinedev/core';
import type { CursorPage, Items } from '../types';
import { API_PREFIX, http, ifMatch, versionFromEtag, type HttpRequest } from './http';
import { type ListQuery, MAX_PAGE_SIZE, filterQuery, pageQuery, sortQuery } from './list-query';

/** Resources live at `/api/<resource>`; `custom` URLs are API paths such as `/integrations/1/review`. */
const path = (resource: string, id?: string | number): string =>
  id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;

/** Writes guarded by optimistic concurrency pass `meta: { version }`. */
const concurrencyHeaders = (meta: MetaQuery | undefined) => {
  const version: unknown = meta?.version;
  return typeof version === 'number' ? ifMatch(version) : undefined;
};

/**
 * Pagination `server` reads the page asked for; `off` and `client` (Refine then pages) need every row.
 * A list paged by a cursor (the audit log) says so in `meta.cursor`.
 */
async function getList<T extends BaseRecord>({
  resource,
  filters,
  sorters,
  pagination,
  meta,
}: GetListParams): Promise<GetListResponse<T>> {
  const query = { ...filterQuery(filters), ...sortQuery(sorters) };
  const { mode = 'server', currentPage = 1, pageSize = 10 } = pagination ?? {};
  if (meta?.cursor === true) return readCursorPage<T>(resource, query, currentPage, pageSize);
  if (mode !== 'server') return readWholeList<T>(resource, query);
  const { data } = await http<Items<T>>(path(resource), {
    query: { ...query, ...pageQuery(currentPage, pageSize) },
  });
  return { data: data.items, total: data.total ?? data.items.length };
}

/**
 * Every row of a list, page after page while `total` says there are more. The first read names no
 * page: short lists (providers, projections, dependencies) take no paging parameters and answer whole.
 */
async function readWholeList<T extends BaseRecord>(resource: string, query: ListQuery) {
  const { data: first } = await http<Items<T>>(path(resource), { query });
  const items = [...first.items];
  const total = first.total ?? items.length;
  while (items.length < total) {
    const { data: next } = await http<Items<T>>(path(resource), {
      query: { ...query, offset: items.length, limit: MAX_PAGE_SIZE },
    });
    if (next.items.length === 0) break; // rows removed meanwhile: what was read is all there is
    items.push(...next.items);
  }
  return { data: items, total: items.length };
}

/**
 * One page of a list that answers `{ items, next }` and takes `next` back as `after`. Refine's
 * useInfiniteList hands the cursor of the page before as `currentPage` (the first page: a number).
 */
async function readCursorPage<T extends BaseRecord>(
  resource: string,
  query: ListQuery,
  currentPage: number | string,
  pageSize: number,
): Promise<GetListResponse<T>> {
  const after = typeof currentPage === 'string' ? currentPage : undefined;
  const { data } = await http<CursorPage<T>>(path(resource), { query: { ...query, after, limit: pageSize } });
  // What a page tells beside its rows (the notifications' `unread` count) stays on the answer.
  const { items, next, ...about } = data;
  return { ...about, data: items, total: items.length, cursor: { next: next ?? undefined } };
}

/** No list takes a set of ids: each record is read on its own, as getOne reads it. */
async function getMany<T extends BaseRecord>({
  resource,
  ids,
  meta,
}: GetManyParams): Promise<GetManyResponse<T>> {
  const records = await Promise.all(ids.map((id) => getOne<T>({ resource, id, meta })));
  return { data: records.map(({ data }) => data) };
}

async function getOne<T extends BaseRecord>({ resource, id }: GetOneParams): Promise<GetOneResponse<T>> {
  const { data, headers } = await http<T>(path(resource, id));
  const version = versionFromEtag(headers);
  return { data: data.version === undefined && version !== undefined ? { ...data, version } : data };
}

async function create<T extends BaseRecord, V>({
  resource,
  variables,
}: CreateParams<V>): Promise<CreateResponse<T>> {
  const { data } = await http<T>(path(resource), { method: 'POST', body: variables });
  return { data };
}

async function update<T extends BaseRecord, V>({
  resource,
  id,
  variables,
  meta,
}: UpdateParams<V>): Promise<UpdateResponse<T>> {
  const headers = concurrencyHeaders(meta);
  const { data } = await http<T>(path(resource, id), { method: 'PUT', body: variables, headers });
  return { data };
}

async function deleteOne<T extends BaseRecord, V>({
  resource,
  id,
  meta,
}: DeleteOneParams<V>): Promise<DeleteOneResponse<T>> {
  const { data } = await http<T>(path(resource, id), { method: 'DELETE', headers: concurrencyHeaders(meta) });
  return { data };
}

async function custom<T extends BaseRecord, Q, P>({
  url,
  method,
  payload,
  query,
  headers,
}: CustomParams<Q, P>): Promise<CustomResponse<T>> {
  const request: HttpRequest = {
    method: method.toUpperCase() as HttpRequest['method'],
    body: method === 'get' || method === 'delete' ? undefined : (payload ?? {}),
    headers: headers as Record<string, string> | undefined,
    query: query as HttpRequest['query'],
  };
  const { data } = await http<T>(url, request);
  return { data };
}

export const dataProvider: DataProvider = {
  getApiUrl: () => API_PREFIX,
  getList,
  getMany,
  getOne,
  create,
  update,
  deleteOne,
  custom,
};
