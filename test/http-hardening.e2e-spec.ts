import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** `{"a":{"a":...{"a":1}...}}` nested `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"a":1}${'}'.repeat(depth - 1)}`;

/** A JSON body for POST /api/integrations whose description holds an array `depth - 1` levels deep. */
const deepIntegration = (depth: number) =>
  `{"provider":"sqlite","applicationName":"Deep","description":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

/** What the console's build copies as it is next to its pages (Vite's public folder). */
const CONSOLE_PUBLIC = join(__dirname, '..', 'apps', 'console', 'public');

const CONSOLE_INDEX = '<!doctype html><html><head><title>Console shell</title></head><body></body></html>';

/** The console's policy: same-origin scripts only, inline styles for antd's CSS-in-JS, no framing. */
const CONSOLE_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join(';');

const consoleHeaders = {
  'content-security-policy': expect.stringContaining("default-src 'self'"),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

describe.each(['fastify', 'express'] as const)('HTTP hardening under %s', (adapter) => {
  let t: TestApp;
  let admin: string;
  let consoleDir: string;
  let listPath: string;

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'ib-console-'));
    writeFileSync(join(consoleDir, 'index.html'), CONSOLE_INDEX);
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'assets', 'app.js'), 'export {};\n');
    cpSync(CONSOLE_PUBLIC, consoleDir, { recursive: true });
    t = await startTestApp({ HTTP_ADAPTER: adapter, CONSOLE_DIR: consoleDir });
    admin = await t.login(ADMIN.username, ADMIN.password);
    const id = await createIntegration(t, admin, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, admin, id);
    listPath = `/api/data/development/${id}/customers`;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const head = () => t.store.headPosition();
  const postIntegration = (body: string, contentType?: string) => {
    const request = t.http().post('/api/integrations').set(bearer(admin));
    if (contentType !== undefined) request.set('Content-Type', contentType);
    return request.send(body);
  };

  describe('JSON depth', () => {
    it('given a body nested 5,000 levels deep, when it is posted, then it is 400 problem details and nothing is stored', async () => {
      const before = await head();

      const response = await postIntegration(deepIntegration(5000), 'application/json');

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.JSON_TOO_DEEP' });
      expect(response.body.detail).toMatch(/64/);
      expect(await head()).toBe(before);
    });

    it('refuses 65 levels, and lets 64 levels and brackets inside strings through', async () => {
      const tooDeep = await postIntegration(deepIntegration(65), 'application/json');
      const deepest = await postIntegration(deepIntegration(64), 'application/json');
      const bracketsInText = await postIntegration(
        JSON.stringify({ provider: 'sqlite', applicationName: 'Brackets', description: '[{'.repeat(500) }),
        'application/json',
      );

      expect(tooDeep.body.code).toBe('REQUEST.JSON_TOO_DEEP');
      // 64 levels reach validation, which refuses a description that is not a text
      expect(deepest.status).toBe(400);
      expect(deepest.body.code).toBe('REQUEST.INVALID');
      expect(new Set(deepest.body.errors.map(({ field }: { field: string }) => field))).toEqual(
        new Set(['description']),
      );
      expect(bracketsInText.status).toBe(201);
    });
  });

  describe('media types', () => {
    const valid = JSON.stringify({ provider: 'sqlite', applicationName: 'Typed' });

    it('refuses every body that is not UTF-8 JSON with 415 problem details, and stores nothing', async () => {
      const before = await head();

      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=latin1',
      ]) {
        const response = await postIntegration(valid, contentType);
        expect({ contentType, status: response.status, code: response.body.code }).toEqual({
          contentType,
          status: 415,
          code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        });
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await head()).toBe(before);
      // While JSON with its charset spelled out is read
      await postIntegration(valid, 'application/json; charset=UTF-8').expect(201);
    });

    it('refuses a body without a content type with 415', async () => {
      const response = await t
        .http()
        .post('/api/integrations')
        .set(bearer(admin))
        .serialize((body: string) => body)
        .unset('Content-Type')
        .send(valid);

      expect(response.status).toBe(415);
      expect(response.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it('accepts a body-less POST that says application/json', async () => {
      const response = await t
        .http()
        .post(`/api/connections/${SAMPLE_CONNECTION_ID}/test`)
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .set('Content-Length', '0');

      expect(response.status).toBe(200);
    });

    // What clients send for "no body": a zero length, no length at all (curl, fetch), an empty chunked body.
    it.each([
      ['Content-Length: 0', { 'Content-Length': '0' }],
      ['no Content-Length', {}],
      ['an empty chunked body', { 'Transfer-Encoding': 'chunked' }],
    ])(
      'accepts a body-less DELETE that says application/json, with %s',
      async (_case, headers: Record<string, string>) => {
        const created = await t
          .http()
          .post('/api/environments/development/api-keys')
          .set(bearer(admin))
          .send({ appName: 'Deleted app' })
          .expect(201);

        const response = await t
          .http()
          .delete(`/api/environments/development/api-keys/${created.body.id}`)
          .set(bearer(admin))
          .set('Content-Type', 'application/json')
          .set(headers);

        expect(response.status).toBe(204);
      },
    );

    it('reads a body-less DELETE of the data API, without Content-Length, as no body', async () => {
      const response = await t
        .http()
        .delete(`${listPath}/999999`)
        .set(bearer(admin))
        .set('Content-Type', 'application/json');

      expect([response.status, response.body.code]).toEqual([404, 'DATA.ROW_NOT_FOUND']);
    });
  });

  describe('methods', () => {
    const allowed = (response: { headers: Record<string, string> }) =>
      response.headers.allow?.split(',').map((method) => method.trim());

    it.each([
      ['PUT', '/api/integrations', ['GET', 'HEAD', 'POST']],
      ['DELETE', '/api/integrations/0190a000-0000-7000-8000-000000000000', ['GET', 'HEAD']],
      ['PUT', '/api/data/development/some-id/customers', ['GET', 'HEAD', 'POST']],
      ['POST', '/api/data/development/some-id/customers/7', ['DELETE', 'GET', 'HEAD', 'PATCH']],
      ['POST', '/health', ['GET', 'HEAD']],
    ])('answers %s %s with 405 problem details and Allow: %j', async (method, path, methods) => {
      const http = t.http();
      const response = await http[method.toLowerCase() as 'put' | 'post' | 'delete'](path).set(bearer(admin));

      expect(response.status).toBe(405);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 405, code: 'ROUTE.METHOD_NOT_ALLOWED' });
      expect(allowed(response)).toEqual(methods);
    });

    it('keeps an unknown path 404, whatever the method, beside a known one that answers 405', async () => {
      const known = await t.http().put('/api/integrations').set(bearer(admin));

      expect(known.status).toBe(405);
      for (const request of [
        t.http().get('/api/nothing-here'),
        t.http().put('/api/nothing-here'),
        t.http().put('/api/integrations/'),
        t.http().post('/api/integrations/0190a000-0000-7000-8000-000000000000/nothing'),
      ]) {
        const response = await request.set(bearer(admin));
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('ROUTE.NOT_FOUND');
      }
    });
  });

  describe('console routes and headers', () => {
    it.each(['/api-keys', '/integrations/create', '/connections', '/apiary', '/'])(
      'serves the console for GET %s with its security headers',
      async (path) => {
        const response = await t.http().get(path);

        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toContain('text/html');
        expect(response.text).toContain('Console shell');
        expect(response.headers).toMatchObject(consoleHeaders);
      },
    );

    it('sends one policy, and no framework banner, on console pages and API answers alike', async () => {
      for (const response of [await t.http().get('/api-keys'), await t.http().get('/api/integrations')]) {
        expect(response.headers).toMatchObject({
          'content-security-policy': CONSOLE_POLICY,
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    });

    it("given the console served by the API, when a browser asks for /favicon.ico, then it gets the console's icon", async () => {
      const response = await t.http().get('/favicon.ico').buffer(true);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\//);
      expect(Buffer.compare(response.body as Buffer, readFileSync(join(CONSOLE_PUBLIC, 'favicon.ico')))).toBe(
        0,
      );
    });

    it('sends the security headers with the console assets', async () => {
      const response = await t.http().get('/assets/app.js').expect(200);

      expect(response.headers).toMatchObject(consoleHeaders);
    });

    it.each(['/api', '/api/', '/api/nothing-here', '/assets/missing.js'])(
      'answers GET %s with 404 problem details, not the console',
      async (path) => {
        const response = await t.http().get(path);

        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      },
    );

    it('keeps /health and /ready API answers', async () => {
      for (const path of ['/health', '/ready']) {
        const response = await t.http().get(path);
        expect(response.headers['content-type']).toContain('application/json');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('sends nosniff with API answers, the data API list included', async () => {
      const list = await t.http().get(listPath).set(bearer(admin)).expect(200);
      const refused = await t.http().get('/api/integrations').expect(401);
      const created = await postIntegration(
        JSON.stringify({ provider: 'sqlite', applicationName: 'Sniffed' }),
        'application/json',
      ).expect(201);

      for (const response of [list, refused, created])
        expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});

describe('a configured JSON depth limit', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ JSON_MAX_DEPTH: '3' });
    admin = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t?.close());

  it('given JSON_MAX_DEPTH=3, when a body is 4 levels deep, then it is 400 naming the limit', async () => {
    const response = await t
      .http()
      .post('/api/integrations')
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send(nested(4));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST.JSON_TOO_DEEP');
    expect(response.body.detail).toMatch(/3/);
  });
});
