// A private PostgreSQL for tests and benchmarks: its own cluster (initdb), port, socket folder and pid file
// under .services/postgres, never the system service. Node built-ins only, so it runs before `npm ci` too.
// PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system user (created by
// Debian's package) and the server and initdb run as that user.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, logTail, portFrom, readText, stopService, terminate } from './service-process.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const HOME = join(REPO_ROOT, '.services', 'postgres');
const FILES = {
  data: join(HOME, 'data'),
  run: join(HOME, 'run'),
  pid: join(HOME, 'postgres.pid'),
  log: join(HOME, 'postgres.log'),
  port: join(HOME, 'port'),
  password: join(HOME, 'admin.password'),
};
const ADMIN_USER = 'ib_admin';
/** The bootstrap superuser: dumps (Sakila's) hand their objects to `postgres`, so the role exists. */
const BOOTSTRAP_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const isRoot = process.getuid?.() === 0;

const log = (message) => process.stderr.write(`[postgres] ${message}\n`);

/** The URL of the admin user; the port is the running instance's, else POSTGRES_PORT, else 5433. */
export function postgresUrl() {
  const port = (postgresStatus().running && readText(FILES.port)) || requestedPort();
  return `postgres://${ADMIN_USER}:${adminPassword()}@127.0.0.1:${port}/postgres`;
}

/** `{ running: true, pid }` when the pid file names a live postmaster of our cluster, else `{ running: false }`. */
export function postgresStatus() {
  const pid = Number(readText(FILES.pid));
  if (Number.isInteger(pid) && pid > 0 && isOurPostmaster(pid)) return { running: true, pid };
  const orphan = findOrphan();
  if (orphan === undefined) return { running: false };
  log(`pid file missing, but pid ${orphan} runs our cluster: recorded again`);
  mkdirSync(HOME, { recursive: true });
  writeFileSync(FILES.pid, `${orphan}\n`);
  return { running: true, pid: orphan };
}

// The pid file can vanish under a running server (someone removed .services/): find ours by its command
// line, so that it can still be stopped and does not hold the port forever.
function findOrphan() {
  if (!existsSync('/proc')) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (isOurPostmaster(Number(entry))) return Number(entry);
  }
  return undefined;
}

/** Installs the server when absent, starts the private cluster when stopped; returns its URL. */
export async function startPostgres() {
  const status = postgresStatus();
  if (status.running) {
    const wanted = requestedPort();
    const actual = readText(FILES.port);
    if (process.env.POSTGRES_PORT && actual && String(wanted) !== actual)
      log(`already running on port ${actual} (POSTGRES_PORT=${wanted} applies after a stop)`);
    return { url: postgresUrl(), started: false };
  }
  if (Buffer.byteLength(join(FILES.run, '.s.PGSQL.65535')) > 107)
    throw new Error(`the socket folder ${FILES.run} is too long for a Unix socket path`);
  const binaries = ensureInstalled();
  mkdirSync(HOME, { recursive: true });
  rmSync(FILES.pid, { force: true });
  rmSync(FILES.port, { force: true });
  if (!existsSync(join(FILES.data, 'PG_VERSION'))) initialise(binaries);
  mkdirSync(FILES.run, { recursive: true });
  ownedByServer(FILES.run);

  const port = requestedPort();
  const started = Date.now();
  const child = spawnServer(binaries.server, port);
  try {
    await waitUntilAccepting(binaries.client, port, child);
  } catch (error) {
    if (child.exitCode === null) await terminate(child.pid, { log, timeoutMs: STOP_TIMEOUT_MS });
    throw error;
  }
  writeFileSync(FILES.pid, `${child.pid}\n`);
  writeFileSync(FILES.port, `${port}\n`);
  ensureAdminUser(binaries.client, port);
  log(`started pid ${child.pid} on 127.0.0.1:${port} in ${Date.now() - started} ms`);
  return { url: postgresUrl(), started: true };
}

/**
 * Stops the cluster named by the pid file: SIGINT is PostgreSQL's fast shutdown (open sessions are
 * ended, where SIGTERM would wait for them), then TERM/KILL after 30 s; a no-op when stopped.
 */
export async function stopPostgres() {
  const status = postgresStatus();
  if (status.running) {
    try {
      process.kill(status.pid, 'SIGINT');
    } catch {
      // Gone already.
    }
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isAlive(status.pid) && Date.now() < deadline) await sleep(100);
  }
  return stopService({ status, pidFile: FILES.pid, portFile: FILES.port, log, timeoutMs: STOP_TIMEOUT_MS });
}

function requestedPort() {
  return portFrom('POSTGRES_PORT', 5433);
}

// Generated once per checkout rather than a fixed word: the instance listens on a TCP port every local
// user can reach, and a password kept in the repository would open it to all of them.
function adminPassword() {
  const kept = readText(FILES.password);
  if (kept) return kept;
  mkdirSync(HOME, { recursive: true });
  const password = randomBytes(18).toString('hex');
  writeFileSync(FILES.password, `${password}\n`, { mode: 0o600 });
  return password;
}

function isOurPostmaster(pid) {
  if (!isAlive(pid)) return false;
  if (!existsSync('/proc')) return true;
  // A stale pid file may name a pid reused by an unrelated process (or a kernel thread, with no command
  // line at all): ours is a postgres binary running on our data folder.
  const command = readText(`/proc/${pid}/cmdline`)?.split('\0');
  return command !== undefined && /postgres$/.test(command[0]) && command.includes(FILES.data);
}

/** The user the cluster belongs to: ourselves, or Debian's `postgres` user when we are root. */
function serverUser() {
  if (!isRoot) return undefined;
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('the postgres system user is missing');
  return { uid, gid };
}

function ownedByServer(path) {
  const user = serverUser();
  if (user) chownSync(path, user.uid, user.gid);
}

function findBinaries() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) return undefined;
  const bin = join(root, versions[0], 'bin');
  const client = ['/usr/bin/psql', join(bin, 'psql')].find((file) => existsSync(file));
  return { server: join(bin, 'postgres'), initdb: join(bin, 'initdb'), client };
}

function ensureInstalled() {
  const found = findBinaries();
  if (found?.client) return found;
  if (!isRoot) throw new Error('PostgreSQL is not installed; as root run: apt-get install -y postgresql');
  log('installing postgresql (Debian packages)');
  const started = Date.now();
  // Debian's maintainer scripts create and start a system cluster unless policy-rc.d forbids starting
  // it; ours runs on its own port, so forbid it for the install when nothing else already does.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql', 'postgresql-client'], {
        stdio: ['ignore', process.stderr, process.stderr],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status;
    if (install() !== 0) {
      spawnSync('apt-get', ['update'], { stdio: ['ignore', process.stderr, process.stderr] });
      if (install() !== 0) throw new Error('apt-get install postgresql postgresql-client failed');
    }
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  const installed = findBinaries();
  if (!installed?.client)
    throw new Error('PostgreSQL was installed but postgres, initdb or psql is still missing');
  return installed;
}

function asServerUser() {
  const user = serverUser();
  return user ? { uid: user.uid, gid: user.gid } : {};
}

function initialise({ initdb }) {
  log(`initialising ${FILES.data}`);
  const started = Date.now();
  // Into a scratch folder first, so an interrupted run never leaves a half-made cluster behind.
  const scratch = `${FILES.data}.init`;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(FILES.data, { recursive: true, force: true });
  mkdirSync(scratch, { mode: 0o700 });
  ownedByServer(scratch);
  const result = spawnSync(
    initdb,
    [
      `--pgdata=${scratch}`,
      `--username=${BOOTSTRAP_USER}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      // Local (socket) connections are the service's own; TCP clients give a password.
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--no-sync',
    ],
    { encoding: 'utf8', cwd: HOME, ...asServerUser() },
  );
  if (result.status !== 0)
    throw new Error(`initdb failed:\n${(result.stderr || result.stdout || '').trim()}`);
  renameSync(scratch, FILES.data);
  log(`initialised in ${Date.now() - started} ms`);
}

function spawnServer(server, port) {
  const args = [
    '-D',
    FILES.data,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${FILES.run}`,
    // A disposable test server: durability traded for fast fixture loads.
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ];
  const out = openSync(FILES.log, 'a');
  const child = spawn(server, args, {
    detached: true,
    stdio: ['ignore', out, out],
    cwd: HOME,
    ...asServerUser(),
  });
  closeSync(out);
  child.unref();
  child.on('error', () => undefined);
  return child;
}

function client(binary, port, sql) {
  return spawnSync(
    binary,
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      FILES.run,
      '-p',
      String(port),
      '-U',
      BOOTSTRAP_USER,
      '-d',
      'postgres',
    ],
    { input: sql, encoding: 'utf8', timeout: 10_000, cwd: HOME },
  );
}

async function waitUntilAccepting(binary, port, child) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `postgres exited (${child.exitCode ?? child.signalCode}) while starting\n${logTail(FILES.log)}`,
      );
    if (client(binary, port, 'SELECT 1').status === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s\n${logTail(FILES.log)}`,
      );
    await sleep(200);
  }
}

function ensureAdminUser(binary, port) {
  const password = adminPassword().replaceAll("'", "''");
  const sql =
    `SELECT format('CREATE ROLE %I', '${ADMIN_USER}') WHERE NOT EXISTS ` +
    `(SELECT 1 FROM pg_roles WHERE rolname = '${ADMIN_USER}') \\gexec\n` +
    `ALTER ROLE ${ADMIN_USER} WITH SUPERUSER LOGIN PASSWORD '${password}';\n`;
  const result = client(binary, port, sql);
  if (result.status !== 0) throw new Error(`could not create ${ADMIN_USER}: ${result.stderr.trim()}`);
}
