import type { HttpError } from '@refinedev/core';
import { rememberProblemTitle } from './problem-notice';
import { readSession } from './session';
import { refreshIfStale, refreshSession } from './session-refresh';

export const API_PREFIX = '/api';

/** RFC 9457 problem details, as every API error answers. */
export type ProblemDetails = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
};

export type HttpRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
};

export type HttpResponse<T> = { data: T; headers: Headers };

export const ifMatch = (version: number): Record<string, string> => ({ 'If-Match': `"${version}"` });

/** `"7"` or `W/"7"` -> 7 */
export const versionFromEtag = (headers: Headers): number | undefined => {
  const match = /"(\d+)"/.exec(headers.get('ETag') ?? '');
  return match ? Number(match[1]) : undefined;
};

export const apiUrl = (path: string, query: HttpRequest['query']): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return `${API_PREFIX}${path.startsWith('/') ? path : `/${path}`}${search}`;
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
};

const fieldErrors = (problem: ProblemDetails): Record<string, string[]> | undefined => {
  if (!problem.errors?.length) return undefined;
  const errors: Record<string, string[]> = {};
  for (const { field, message } of problem.errors) (errors[field] ??= []).push(message);
  return errors;
};

export const toHttpError = async (response: Response): Promise<HttpError> => {
  let problem: ProblemDetails = {};
  try {
    problem = ((await readJson(response)) ?? {}) as ProblemDetails;
  } catch {
    // a proxy or gateway error page: keep the status line
  }
  const message = problem.detail ?? problem.title ?? (response.statusText || 'Request failed');
  rememberProblemTitle(message, problem.title);
  return {
    message,
    statusCode: response.status,
    errors: fieldErrors(problem),
    code: problem.code,
    type: problem.type,
    title: problem.title,
    // The whole answer, for the members some problems add (the promotion gate's `differences`).
    problem,
  };
};

/** Calls that are the session's own: a 401 there is the answer, not an expired token. */
const SESSION_CALLS = ['/auth/login', '/auth/refresh'];

const problemCode = async (response: Response): Promise<string | undefined> => {
  try {
    return ((await response.clone().json()) as ProblemDetails).code;
  } catch {
    return undefined;
  }
};

/**
 * Sends with the session's bearer token; when the API says the token is invalid or expired (401
 * AUTH.INVALID_TOKEN: 15 minutes passed, or the server restarted with a new key), refreshes the session
 * once and sends again. When it says the token's roles are out of date (X-Session-Stale), refreshes the
 * session meanwhile. Resolves to the answer, whatever its status.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(url, { ...init, headers });
  };
  const token = readSession()?.accessToken;
  const response = await send(token);
  refreshIfStale(response, token);
  if (response.status !== 401 || token === undefined) return response;
  if (SESSION_CALLS.some((path) => url.startsWith(`${API_PREFIX}${path}`))) return response;
  if ((await problemCode(response)) !== 'AUTH.INVALID_TOKEN') return response;
  const session = await refreshSession(token);
  if (session === undefined) return response;
  const again = await send(session.accessToken);
  refreshIfStale(again, session.accessToken);
  return again;
}

/** The one way the console talks to the API: same origin, bearer token, JSON, problem details. */
export async function http<T>(path: string, request: HttpRequest = {}): Promise<HttpResponse<T>> {
  const headers = new Headers({ Accept: 'application/json', ...request.headers });
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await authorizedFetch(apiUrl(path, request.query), {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch {
    throw { message: 'The API cannot be reached', statusCode: 503 } satisfies HttpError;
  }
  if (!response.ok) throw await toHttpError(response);
  return { data: (await readJson(response)) as T, headers: response.headers };
}
