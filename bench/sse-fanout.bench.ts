import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { report } from './lib/report';

const MAIN = resolve(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const STREAMS = Number(process.env.BENCH_SSE_STREAMS ?? 1_000);
const ROUNDS = Number(process.env.BENCH_SSE_ROUNDS ?? 7);
const P99_TARGET_MS = 500;
const PASSWORD = 'bench-password';

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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await pause(100);
  }
  throw new Error('API did not become ready');
}

/** The resident memory of a process, from Linux's /proc (kB there). */
const rssBytesOf = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
};

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * One open stream read as a plain HTTP client reads it (not EventSource): it counts the
 * `IntegrationCreated` changes and notes when each arrived.
 */
class CountingStream {
  readonly arrivals: number[] = [];
  private tail = '';

  constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const at = performance.now();
      const text = this.tail + chunk;
      const frames = text.split('\n\n');
      this.tail = frames.pop() ?? '';
      for (const frame of frames)
        if (frame.startsWith('event: change') && frame.includes('"type":"IntegrationCreated"'))
          this.arrivals.push(at);
    });
  }
}

async function post(url: string, token: string, path: string, body?: object) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * SSE fan-out: STREAMS streams open on one API process (its own process, as in production); one
 * event appended (an integration created over HTTP); the delay until each stream has it, from the
 * moment the POST was sent, over ROUNDS rounds. Plus the API's resident memory per open stream.
 */
export async function runSseFanoutBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-bench-sse-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const streams: CountingStream[] = [];
  try {
    await waitUntilReady(url, child);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ environment: 'development', username: 'admin', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // Warm-up: the paths a round takes, once, before the memory is read.
    await post(url, accessToken, '/api/integrations', { provider: 'sqlite', applicationName: 'Warm-up' });
    await pause(500);
    // Every ticket first (they last 30 s), so the memory read before and after differs by the streams only.
    const tickets: string[] = [];
    while (tickets.length < STREAMS) {
      const batch = Math.min(50, STREAMS - tickets.length);
      const issued = await Promise.all(
        Array.from({ length: batch }, () => post(url, accessToken, '/api/stream/tickets')),
      );
      tickets.push(...issued.map(({ ticket }) => String(ticket)));
    }
    await pause(500);
    const rssBefore = rssBytesOf(child.pid ?? 0);

    const openStarted = performance.now();
    for (let opened = 0; opened < STREAMS; opened += 50) {
      const responses = await Promise.all(
        tickets
          .slice(opened, opened + 50)
          .map(
            (ticket) =>
              new Promise<IncomingMessage>((done, fail) =>
                get(`${url}/api/stream?ticket=${ticket}`, { agent }, done).on('error', fail),
              ),
          ),
      );
      for (const response of responses) {
        if (response.statusCode !== 200) throw new Error(`stream answered ${response.statusCode}`);
        streams.push(new CountingStream(response));
      }
    }
    const openMs = performance.now() - openStarted;
    await pause(1_000);
    const rssAfter = rssBytesOf(child.pid ?? 0);

    const delays: number[] = [];
    const roundP99s: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const sent = performance.now();
      await post(url, accessToken, '/api/integrations', {
        provider: 'sqlite',
        applicationName: `Round ${round}`,
      });
      const deadline = sent + 10_000;
      while (streams.some((stream) => stream.arrivals.length < round) && performance.now() < deadline)
        await pause(5);
      const missing = streams.filter((stream) => stream.arrivals.length < round).length;
      if (missing > 0) throw new Error(`round ${round}: ${missing} streams did not get the change in 10 s`);
      const round_ = streams.map((stream) => stream.arrivals[round - 1] - sent).sort((a, b) => a - b);
      roundP99s.push(percentile(round_, 99));
      delays.push(...round_);
      await pause(200);
    }
    delays.sort((a, b) => a - b);
    const p99 = percentile(delays, 99);
    report('sse.open', openMs, 'ms', `${STREAMS} streams opened (tickets issued before), 50 at a time`);
    report(
      'sse.fanout.p50',
      percentile(delays, 50),
      'ms',
      `POST sent -> change received, ${ROUNDS} rounds x ${STREAMS} streams`,
    );
    report(
      'sse.fanout.p99',
      p99,
      'ms',
      `max ${delays[delays.length - 1].toFixed(1)} ms; per round ${roundP99s.map((v) => v.toFixed(0)).join('/')}; target < ${P99_TARGET_MS} ${p99 < P99_TARGET_MS ? 'met' : 'MISSED'}`,
    );
    report(
      'sse.memory per open stream',
      (rssAfter - rssBefore) / STREAMS / 1024,
      'KiB',
      `API RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB with ${STREAMS} streams`,
    );
  } finally {
    for (const stream of streams) stream.response.destroy();
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runSseFanoutBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
