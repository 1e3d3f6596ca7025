import { type ODataFetch } from './odata-http';

/** One request the fake service received, as the connector sent it. */
export type RecordedRequest = Readonly<{
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}>;

export type FakeAnswer = Readonly<{ status?: number; headers?: Record<string, string>; body?: unknown }>;

/**
 * A recorded OData service for unit specs: answers each request from `answer` (by method and the URL
 * after the service root), keeps what was sent. Bodies that are not strings are sent as JSON.
 */
export function fakeODataService(
  serviceUrl: string,
  answer: (request: RecordedRequest & { path: string }) => FakeAnswer,
): { fetch: ODataFetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: ODataFetch = async (url, init) => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    );
    const request = { method: init.method ?? 'GET', url, headers, body: init.body as string | undefined };
    requests.push(request);
    const {
      status = 200,
      headers: answerHeaders = {},
      body,
    } = answer({
      ...request,
      path: decodeURIComponent(url.startsWith(serviceUrl) ? url.slice(serviceUrl.length) : url),
    });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: answerHeaders });
  };
  return { fetch, requests };
}
