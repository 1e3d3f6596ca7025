import { type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { mysqlTarget } from './mariadb';

const ADMIN_USERNAME = 'admin';
const ADMIN_PASSWORD = 'bench-password';

/** The real application (Fastify) in this process, listening on a free port, logged in as the admin. */
export type BenchApp = Readonly<{
  app: INestApplication;
  url: string;
  token: string;
  /** One JSON call as the admin; throws on an unexpected status. */
  call: <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    expected?: readonly number[],
  ) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}>;

export async function startBenchApp(prefix: string): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `ib-bench-${prefix}-`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_USERNAME,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    HTTP_ADAPTER: 'fastify',
    CONSOLE_DIR: join(dataDir, 'no-console'),
    TOKEN_TTL_SECONDS: '3600',
  });
  const app = await createApp(config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let token = '';
  const call: BenchApp['call'] = async (method, path, body, expected = [200, 201, 202, 204]) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!expected.includes(response.status))
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const login = await call<{ accessToken: string }>('POST', '/api/auth/login', {
      environment: 'development',
      username: ADMIN_USERNAME,
      password: ADMIN_PASSWORD,
    });
    token = login.body.accessToken;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    app,
    url,
    get token() {
      return token;
    },
    call,
    close,
  };
}

/** A MySQL connection to the private MariaDB (the server of MYSQL_URL), created through the API. */
export async function createMysqlConnection(api: BenchApp, name: string, poolSize?: number): Promise<string> {
  const { host, port, user, password } = mysqlTarget();
  const { body } = await api.call<{ id: string }>('POST', '/api/connections', {
    name,
    provider: 'mysql',
    details: { host, port, username: user, ...(poolSize ? { options: { poolSize } } : {}) },
    password,
  });
  return body.id;
}

export type BenchEntity = Readonly<{ name: string; table: string; attributes: readonly { name: string }[] }>;

/** A MySQL integration of `tables` of `database`, through the wizard's calls; answers its id and entities. */
export async function createMysqlIntegration(
  api: BenchApp,
  connectionId: string,
  database: string,
  tables: readonly string[],
): Promise<{ integrationId: string; entities: readonly BenchEntity[] }> {
  const { body: created } = await api.call<{ id: string }>('POST', '/api/integrations', {
    provider: 'mysql',
    applicationName: `Bench ${database}`,
  });
  const path = `/api/integrations/${created.id}`;
  await api.call('PUT', `${path}/connection`, { connectionId });
  await api.call('PUT', `${path}/database`, { database });
  await api.call('POST', `${path}/entities`, { tables });
  const { body } = await api.call<{ entities: BenchEntity[] }>('GET', path);
  return { integrationId: created.id, entities: body.entities };
}

/**
 * POST publish, then GET the publication every `pollMs` until it is published; answers the time from
 * sending the POST to the answer that said "published" (throws if it failed).
 */
export async function publishAndWait(
  api: BenchApp,
  integrationId: string,
  pollMs = 5,
  timeoutMs = 120_000,
): Promise<{ publicationId: string; version: number; ms: number }> {
  const started = performance.now();
  const { body } = await api.call<{ publicationId: string }>(
    'POST',
    `/api/integrations/${integrationId}/publish`,
    undefined,
    [202],
  );
  for (;;) {
    const { body: publication } = await api.call<{ status: string; version: number; reason?: string }>(
      'GET',
      `/api/publications/${body.publicationId}`,
    );
    if (publication.status === 'published')
      return {
        publicationId: body.publicationId,
        version: publication.version,
        ms: performance.now() - started,
      };
    if (publication.status === 'failed')
      throw new Error(`publication ${body.publicationId} failed: ${JSON.stringify(publication)}`);
    if (performance.now() - started > timeoutMs)
      throw new Error(`publication ${body.publicationId} not published after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
