import { type HttpReply, type HttpRequest } from '../../../infrastructure/http/http-types';

/** The refresh token's cookie: sent back by the browser to `/api/auth/*` only, never readable by scripts. */
export const REFRESH_COOKIE = 'ib_refresh';
const COOKIE_PATH = '/api/auth';

/** The refresh token the browser sent, if any (the last one, should a stale cookie sit beside it). */
export function refreshTokenOf(request: HttpRequest): string | undefined {
  const header = request.headers.cookie;
  const cookies = Array.isArray(header) ? header.join('; ') : (header ?? '');
  let token: string | undefined;
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === REFRESH_COOKIE)
      token = pair.slice(separator + 1).trim();
  }
  return token;
}

/**
 * Secure when people reach the console over https (PUBLIC_URL) or this request came over TLS; over
 * plain http (the embedded default on localhost) a Secure cookie would never be sent back.
 */
export function cookiesSecure(publicUrl: string, request: HttpRequest): boolean {
  const { protocol } = request as HttpRequest & { protocol?: string };
  return publicUrl.startsWith('https:') || protocol === 'https';
}

/** SameSite=Strict: a page of another site cannot make the browser send it, so refresh needs no CSRF token. */
export function setRefreshCookie(
  reply: HttpReply,
  { token, maxAgeSeconds }: Readonly<{ token: string; maxAgeSeconds: number }>,
  secure: boolean,
): void {
  reply.header('Set-Cookie', cookie(`${REFRESH_COOKIE}=${token}`, Math.max(0, maxAgeSeconds), secure));
  reply.header('Cache-Control', 'no-store');
}

export function clearRefreshCookie(reply: HttpReply, secure: boolean): void {
  reply.header('Set-Cookie', cookie(`${REFRESH_COOKIE}=`, 0, secure));
}

const cookie = (value: string, maxAge: number, secure: boolean) =>
  [
    value,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
