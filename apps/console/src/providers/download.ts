import type { HttpError } from '@refinedev/core';
import { type HttpRequest, apiUrl, authorizedFetch, toHttpError } from './http';

/** `attachment; filename="Shop_IS-1.tar"` -> Shop_IS-1.tar */
const fileNameOf = (disposition: string | null): string | undefined => {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : undefined;
};

/**
 * Downloads a file of the API (e.g. a version's package). It needs the bearer token, which a plain link
 * cannot send: fetch it, then hand the bytes to the browser as a blob. Resolves to the file name.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  query?: HttpRequest['query'],
): Promise<string> {
  let response: Response;
  try {
    response = await authorizedFetch(apiUrl(path, query));
  } catch {
    throw { message: 'The API cannot be reached', statusCode: 503 } satisfies HttpError;
  }
  if (!response.ok) throw await toHttpError(response);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob asynchronously: release it once the download surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
