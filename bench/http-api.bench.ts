import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mysqlUrl, withDatabase } from './lib/mariadb';
import { report } from './lib/report';

const MAIN = resolve(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });

async function waitUntilReady(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not become ready');
}

const run = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((done, fail) =>
    autocannon(options, (error, result) => (error ? fail(error) : done(result))),
  );

/** The API runs in its own process (as in production); autocannon loads it from this one. */
async function measureAdapter(
  adapter: 'fastify' | 'express',
  label: string = adapter,
  env: Record<string, string> = {},
) {
  const api = await startApi({ HTTP_ADAPTER: adapter, ...env });
  const { url } = api;
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ environment: 'development', username: 'admin', password: 'bench-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await run({ url: `${url}/health`, connections: CONNECTIONS, duration: 2 }); // warm-up
    const hello = await run({ url: `${url}/health`, connections: CONNECTIONS, duration: DURATION_S });
    const create = await run({
      url: `${url}/api/integrations`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ provider: 'sqlite', applicationName: 'Bench' }),
    });
    const ratio = create.requests.average / hello.requests.average;
    report(
      `http.${label}.hello (GET /health)`,
      hello.requests.average,
      'req/s',
      `p99 ${hello.latency.p99} ms`,
    );
    report(
      `http.${label}.POST /api/integrations`,
      create.requests.average,
      'req/s',
      `p99 ${create.latency.p99} ms, non-2xx ${create.non2xx}, ${(ratio * 100).toFixed(0)}% of hello`,
    );
    return create.requests.average;
  } finally {
    await api.stop();
  }
}

/** One API process on its own port and data folder; stopped (and its folder removed) by `stop`. */
async function startApi(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-bench-instance-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'bench-password',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntilReady(url, child);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * POST /api/integrations against `instances` API processes sharing both stores on one MariaDB
 * database, the connections split between them; answers the requests per second of all together.
 */
async function measureOnMariadb(instances: number): Promise<number> {
  return withDatabase('ib_http_instances', async (database) => {
    const url = new URL(mysqlUrl());
    url.pathname = `/${database}`;
    const shared = {
      EVENT_STORE_URL: url.toString(),
      DATABASE_URL: url.toString(),
      TOKEN_SECRET: 'bench-token-secret-0123456789abcdef0123',
      SECRETS_KEY: Buffer.alloc(32, 3).toString('base64'),
    };
    const apis: Awaited<ReturnType<typeof startApi>>[] = [];
    try {
      // One after the other: the first start creates the tables and seeds the first user.
      for (let index = 0; index < instances; index++)
        apis.push(await startApi({ ...shared, INSTANCE_ID: `bench-${index}` }));
      const login = await fetch(`${apis[0].url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ environment: 'development', username: 'admin', password: 'bench-password' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const load = (duration: number) =>
        Promise.all(
          apis.map(({ url: base }) =>
            run({
              url: `${base}/api/integrations`,
              method: 'POST',
              connections: Math.max(1, Math.round(CONNECTIONS / instances)),
              duration,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
              body: JSON.stringify({ provider: 'sqlite', applicationName: 'Bench' }),
            }),
          ),
        );
      await load(2); // warm-up
      const results = await load(DURATION_S);
      const perSecond = results.reduce((sum, result) => sum + result.requests.average, 0);
      const non2xx = results.reduce((sum, result) => sum + result.non2xx, 0);
      const p99 = Math.max(...results.map((result) => result.latency.p99));
      report(
        `http.mariadb.${instances}-instance${instances > 1 ? 's' : ''}.POST /api/integrations`,
        perSecond,
        'req/s',
        `both stores on MariaDB, ${CONNECTIONS} connections in all, p99 ${p99} ms, non-2xx ${non2xx}`,
      );
      return perSecond;
    } finally {
      for (const api of apis) await api.stop();
    }
  });
}

export async function runHttpApiBench(): Promise<void> {
  const fastify = await measureAdapter('fastify');
  const express = await measureAdapter('express');
  report('http.POST fastify/express', fastify / express, 'x');
  if (!process.env.MYSQL_URL) return;
  // The same instance with its log on MariaDB (the read model and state stay in DATA_DIR).
  const onServer = await withDatabase('ib_http_bench', (database) => {
    const url = new URL(mysqlUrl());
    url.pathname = `/${database}`;
    return measureAdapter('fastify', 'fastify.mariadb-log', {
      EVENT_STORE_URL: url.toString(),
      TOKEN_SECRET: 'bench-token-secret-0123456789abcdef0123',
    });
  });
  report('http.POST mariadb-log/embedded', onServer / fastify, 'x');
  const one = await measureOnMariadb(1);
  const two = await measureOnMariadb(2);
  report('http.POST mariadb 1 instance/embedded', one / fastify, 'x');
  report('http.POST mariadb 2 instances/1 instance', two / one, 'x');
}

if (require.main === module) {
  runHttpApiBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
