import { type HttpReply, type HttpRequest } from '../../../infrastructure/http/http-types';
import { clearRefreshCookie, cookiesSecure, refreshTokenOf, setRefreshCookie } from './refresh-cookie';

const request = (headers: HttpRequest['headers'], protocol?: string): HttpRequest =>
  ({ method: 'POST', url: '/api/auth/refresh', headers, protocol }) as HttpRequest;

const replyRecording = () => {
  const headers: [string, string][] = [];
  const reply: HttpReply = {
    header: (name, value) => headers.push([name, value]),
    status: () => reply,
    send: () => undefined,
  };
  return { reply, headers };
};

describe('the refresh cookie', () => {
  it('is read among other cookies, the last one winning', () => {
    expect(refreshTokenOf(request({ cookie: 'theme=dark; ib_refresh=ibr_one;other=1' }))).toBe('ibr_one');
    expect(refreshTokenOf(request({ cookie: 'ib_refresh=ibr_old; ib_refresh=ibr_new' }))).toBe('ibr_new');
    expect(refreshTokenOf(request({ cookie: 'xib_refresh=ibr_no' }))).toBeUndefined();
    expect(refreshTokenOf(request({}))).toBeUndefined();
  });

  it('is Secure when the console is reached over https or the request came over TLS, not on plain http', () => {
    expect(cookiesSecure('https://ib.example.com', request({}))).toBe(true);
    expect(cookiesSecure('http://localhost:3000', request({}, 'https'))).toBe(true);
    expect(cookiesSecure('http://localhost:3000', request({}, 'http'))).toBe(false);
  });

  it('is set HttpOnly, SameSite=Strict, for /api/auth, until the token expires', () => {
    const { reply, headers } = replyRecording();
    setRefreshCookie(reply, { token: 'ibr_t', maxAgeSeconds: 43200 }, true);

    expect(headers).toContainEqual([
      'Set-Cookie',
      'ib_refresh=ibr_t; Path=/api/auth; Max-Age=43200; HttpOnly; SameSite=Strict; Secure',
    ]);
    expect(headers).toContainEqual(['Cache-Control', 'no-store']);
  });

  it('is cleared with an empty value that expires at once', () => {
    const { reply, headers } = replyRecording();

    clearRefreshCookie(reply, false);

    expect(headers).toEqual([
      ['Set-Cookie', 'ib_refresh=; Path=/api/auth; Max-Age=0; HttpOnly; SameSite=Strict'],
    ]);
  });
});
