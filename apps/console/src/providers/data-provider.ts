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
import type { Items } from '../types';
import { API_PREFIX, http, ifMatch, versionFromEtag, type HttpRequest } from './http';
import { applyListParams } from './list-params';

/** Resources live at `/api/<resource>`; `custom` URLs are API paths such as `/integrations/1/review`. */
const path = (resource: string, id?: string | number): string =>
  id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;

/** Writes guarded by optimistic concurrency pass `meta: { version }`. */
const concurrencyHeaders = (meta: MetaQuery | undefined) => {
  const version: unknown = meta?.version;
  return typeof version === 'number' ? ifMatch(version) : undefined;
};

async function getList<T extends BaseRecord>({ resource, filters, sorters, pagination }: GetListParams) {
  const { data } = await http<Items<T>>(path(resource));
  return applyListParams(data.items, { filters, sorters, pagination }) satisfies GetListResponse<T>;
}

async function getMany<T extends BaseRecord>({ resource, ids }: GetManyParams): Promise<GetManyResponse<T>> {
  const { data } = await http<Items<T>>(path(resource));
  const wanted = new Set(ids.map(String));
  return { data: data.items.filter((item) => wanted.has(String(item.id))) };
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
