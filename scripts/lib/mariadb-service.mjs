// A private MariaDB for tests and benchmarks: its own data folder, port, socket and pid file under
// .services/mariadb, never the system service. Node built-ins only, so it runs before `npm ci` too.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, logTail, portFrom, readText, stopService, terminate, which } from './service-process.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const HOME = join(REPO_ROOT, '.services', 'mariadb');
const FILES = {
  data: join(HOME, 'data'),
  pid: join(HOME, 'mariadb.pid'),
  socket: join(HOME, 'mariadb.sock'),
  log: join(HOME, 'mariadb.log'),
  port: join(HOME, 'port'),
  password: join(HOME, 'admin.password'),
};
const ADMIN_USER = 'ib_admin';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const SBIN = ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
const isRoot = process.getuid?.() === 0;

const log = (message) => process.stderr.write(`[mariadb] ${message}\n`);

/** The URL of the admin user; the port is the running instance's, else MARIADB_PORT, else 3307. */
export function mariadbUrl() {
  const port = (mariadbStatus().running && readText(FILES.port)) || requestedPort();
  return `mysql://${ADMIN_USER}:${adminPassword()}@127.0.0.1:${port}`;
}

/** `{ running: true, pid }` when the pid file names a live mariadbd, else `{ running: false }`. */
export function mariadbStatus() {
  const pid = Number(readText(FILES.pid));
  if (Number.isInteger(pid) && pid > 0 && isMariadbd(pid)) return { running: true, pid };
  const orphan = findOrphan();
  if (orphan === undefined) return { running: false };
  log(`pid file missing, but pid ${orphan} runs with it: recorded again`);
  mkdirSync(HOME, { recursive: true });
  writeFileSync(FILES.pid, `${orphan}\n`);
  return { running: true, pid: orphan };
}

// The pid file can vanish under a running server (someone removed .services/): find ours by its
// command line, so that it can still be stopped and does not hold the port forever.
function findOrphan() {
  if (!existsSync('/proc')) return undefined;
  const entries = readdirSync('/proc');
  const ours = `--pid-file=${FILES.pid}`;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const command = readText(`/proc/${entry}/cmdline`)?.split('\0') ?? [];
    if (command.includes(ours) && isMariadbd(Number(entry))) return Number(entry);
  }
  return undefined;
}

/** Installs the server when absent, starts the private instance when stopped; returns its URL. */
export async function startMariadb() {
  const status = mariadbStatus();
  if (status.running) {
    const wanted = requestedPort();
    const actual = readText(FILES.port);
    if (process.env.MARIADB_PORT && actual && String(wanted) !== actual)
      log(`already running on port ${actual} (MARIADB_PORT=${wanted} applies after a stop)`);
    return { url: mariadbUrl(), started: false };
  }
  if (socketPathTooLong()) throw new Error(`the socket path ${FILES.socket} is longer than 107 bytes`);
  const binaries = ensureInstalled();
  mkdirSync(HOME, { recursive: true });
  rmSync(FILES.pid, { force: true });
  rmSync(FILES.port, { force: true });
  if (!existsSync(join(FILES.data, 'mysql'))) initialise(binaries);

  const port = requestedPort();
  const started = Date.now();
  const child = spawnServer(binaries.server, port);
  try {
    await waitUntilAccepting(binaries.client, child);
  } catch (error) {
    if (child.exitCode === null) await terminate(child.pid, { log, timeoutMs: STOP_TIMEOUT_MS });
    throw error;
  }
  writeFileSync(FILES.port, `${port}\n`);
  ensureAdminUser(binaries.client);
  log(`started pid ${child.pid} on 127.0.0.1:${port} in ${Date.now() - started} ms`);
  return { url: mariadbUrl(), started: true };
}

/** Stops the instance named by the pid file (TERM, then KILL after 30 s); a no-op when stopped. */
export async function stopMariadb() {
  const status = mariadbStatus();
  return stopService({ status, pidFile: FILES.pid, portFile: FILES.port, log, timeoutMs: STOP_TIMEOUT_MS });
}

function requestedPort() {
  return portFrom('MARIADB_PORT', 3307);
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

function isMariadbd(pid) {
  if (!isAlive(pid)) return false;
  // A stale pid file may name a pid reused by an unrelated process.
  const command = readText(`/proc/${pid}/cmdline`);
  return command === undefined ? true : /mariadbd|mysqld/.test(command.split('\0')[0]);
}

function socketPathTooLong() {
  return Buffer.byteLength(FILES.socket) > 107;
}

const whichServerBinary = (name) => which(name, SBIN);

function findBinaries() {
  return {
    server: whichServerBinary('mariadbd') ?? whichServerBinary('mysqld'),
    installDb: whichServerBinary('mariadb-install-db') ?? whichServerBinary('mysql_install_db'),
    client: whichServerBinary('mariadb') ?? whichServerBinary('mysql'),
  };
}

function ensureInstalled() {
  const found = findBinaries();
  if (found.server && found.installDb && found.client) return found;
  if (!isRoot)
    throw new Error(
      'MariaDB is not installed; as root run: apt-get install -y mariadb-server mariadb-client',
    );
  log('installing mariadb-server and mariadb-client (Debian packages)');
  const started = Date.now();
  // Debian's maintainer scripts start the system service unless policy-rc.d forbids it; ours runs on
  // its own port, so forbid it for the install when nothing else already does.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'mariadb-server', 'mariadb-client'], {
        stdio: ['ignore', process.stderr, process.stderr],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status;
    if (install() !== 0) {
      spawnSync('apt-get', ['update'], { stdio: ['ignore', process.stderr, process.stderr] });
      if (install() !== 0) throw new Error('apt-get install mariadb-server mariadb-client failed');
    }
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  if (existsSync('/run/mysqld/mysqld.pid'))
    log('note: a system MariaDB is running (not ours, left alone); this instance uses its own port');
  const installed = findBinaries();
  if (!installed.server || !installed.installDb || !installed.client)
    throw new Error('MariaDB was installed but mariadbd, mariadb-install-db or mariadb is still missing');
  return installed;
}

function initialise({ installDb }) {
  log(`initialising ${FILES.data}`);
  const started = Date.now();
  // Into a scratch folder first, so an interrupted run never leaves a half-made data folder behind.
  const scratch = `${FILES.data}.init`;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(FILES.data, { recursive: true, force: true });
  const result = spawnSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${scratch}`,
      `--user=${userInfo().username}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`mariadb-install-db failed:\n${(result.stderr || result.stdout || '').trim()}`);
  renameSync(scratch, FILES.data);
  log(`initialised in ${Date.now() - started} ms`);
}

function spawnServer(server, port) {
  const args = [
    '--no-defaults',
    `--datadir=${FILES.data}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${FILES.socket}`,
    `--pid-file=${FILES.pid}`,
    `--log-error=${FILES.log}`,
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    // A disposable test server: durability traded for fast fixture loads.
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-doublewrite=0',
    '--skip-name-resolve',
    ...(isRoot ? ['--user=root'] : []),
  ];
  const out = openSync(FILES.log, 'a');
  const child = spawn(server, args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  child.on('error', () => undefined);
  return child;
}

function client(binary, sql, database) {
  return spawnSync(
    binary,
    [
      '--no-defaults',
      `--socket=${FILES.socket}`,
      `--user=${userInfo().username}`,
      '--batch',
      '--skip-column-names',
      ...(database ? [database] : []),
    ],
    { input: sql, encoding: 'utf8', timeout: 10_000 },
  );
}

async function waitUntilAccepting(binary, child) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `mariadbd exited (${child.exitCode ?? child.signalCode}) while starting\n${logTail(FILES.log)}`,
      );
    if (existsSync(FILES.socket) && client(binary, 'SELECT 1').status === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `mariadbd did not accept connections within ${START_TIMEOUT_MS / 1000} s\n${logTail(FILES.log)}`,
      );
    await sleep(200);
  }
}

function ensureAdminUser(binary) {
  const password = adminPassword();
  const sql = ['127.0.0.1', 'localhost']
    .map(
      (host) =>
        `CREATE USER IF NOT EXISTS '${ADMIN_USER}'@'${host}' IDENTIFIED BY '${password}';\n` +
        `ALTER USER '${ADMIN_USER}'@'${host}' IDENTIFIED BY '${password}';\n` +
        `GRANT ALL PRIVILEGES ON *.* TO '${ADMIN_USER}'@'${host}' WITH GRANT OPTION;\n`,
    )
    .join('');
  const result = client(binary, sql);
  if (result.status !== 0) throw new Error(`could not create ${ADMIN_USER}: ${result.stderr.trim()}`);
}
