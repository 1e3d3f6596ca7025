import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
export const PROCESS_ADMIN_PASSWORD = 'processes-admin-password';

/** API processes run the built application: build it once before starting any. */
export function buildApi(): void {
  execFileSync('npm', ['run', 'build:api'], { cwd: ROOT, stdio: 'ignore' });
}

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

export type ApiProcess = Readonly<{
  name: string;
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** What it wrote to stdout (its log lines). */
  logs: string[];
}>;

/** The environment a spec runs in, without the servers it names: a process gets only what it is given. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { KAFKA_BROKERS: _kafka, MYSQL_URL: _mysql, ...env } = process.env;
  return env;
}

/**
 * An API process of the built application (see buildApi) on its own port, named by INSTANCE_ID, with
 * `env` on top; in a fresh data folder unless `dataDir` is given (a restart on the same data).
 */
export async function startApiProcess(
  name: string,
  env: Readonly<Record<string, string>>,
  dataDir = mkdtempSync(join(tmpdir(), `ib-${name}-`)),
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(NODE, [MAIN], {
    env: {
      ...inheritedEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      INSTANCE_ID: name,
      ADMIN_PASSWORD: PROCESS_ADMIN_PASSWORD,
      LOG_LEVEL: 'log',
      NO_COLOR: '1',
      CONSOLE_DIR: join(dataDir, 'no-console'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => logs.push(chunk));
  const api = { name, url: `http://127.0.0.1:${port}`, child, dataDir, logs };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (
      await fetch(`${api.url}/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return api;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/** Ends the process (SIGKILL: as a crash would); its data folder is removed unless `keepData`. */
export async function stopApiProcess(
  api: ApiProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  { keepData = false }: { keepData?: boolean } = {},
): Promise<void> {
  if (api.child.exitCode === null && api.child.signalCode === null) {
    const exited = new Promise((resolve) => api.child.once('exit', resolve));
    api.child.kill(signal);
    await exited;
  }
  if (!keepData) rmSync(api.dataDir, { recursive: true, force: true });
}

export type Answer = Readonly<{ status: number; body: Record<string, unknown>; headers: Headers }>;

export async function call(
  api: ApiProcess,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

export async function login(api: ApiProcess, username: string, password: string): Promise<string> {
  const answer = await call(api, 'POST', '/api/auth/login', undefined, {
    environment: 'development',
    username,
    password,
  });
  if (answer.status !== 200) throw new Error(`login ${username} on ${api.name}: ${answer.status}`);
  return answer.body.accessToken as string;
}

/** Asks `probe` every 100 ms (its failures count as "not yet") until it answers, or fails after `timeoutMs`. */
export async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
