// What every private service (MariaDB, Kafka) does with its process and files: read a small file, tell a
// live process from a gone one, find a binary, stop by pid, show the end of a log.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A file's trimmed text, or undefined when it is missing or empty. */
export function readText(file) {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process lives; a stopped one lingering as a zombie (its parent did not reap it) is gone. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  return stat === undefined || !/^\d+ \(.*\) [ZX]/s.test(stat);
}

/** The first `name` on PATH, then in `extraDirs`. */
export function which(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
}

/** SIGTERM, then SIGKILL when the process still lives after `timeoutMs`. */
export async function terminate(pid, { log, timeoutMs = 30_000 }) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (!isAlive(pid)) return;
  log(`pid ${pid} ignored SIGTERM for ${timeoutMs / 1000} s: SIGKILL`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  const killed = Date.now();
  while (isAlive(pid) && Date.now() - killed < 5_000) await sleep(50);
}

/** The last lines of a service's log, for an error message. */
export function logTail(file, lines = 30) {
  const text = readText(file);
  if (!text) return `(no log at ${file})`;
  return `--- last lines of ${file} ---\n${text.split('\n').slice(-lines).join('\n')}`;
}

/** The port a variable names (`MARIADB_PORT`, `KAFKA_PORT`), else `fallback`; anything else is refused. */
export function portFrom(variable, fallback, highest = 65535) {
  const raw = process.env[variable] ?? String(fallback);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > highest)
    throw new Error(`${variable} is not a port: ${raw}`);
  return port;
}

/**
 * Stops the process a service's pid file names (TERM, then KILL after `timeoutMs`) and forgets its pid
 * and port files; false when it was not running.
 */
export async function stopService({ status, pidFile, portFile, log, timeoutMs }) {
  if (status.running) await terminate(status.pid, { log, timeoutMs });
  rmSync(pidFile, { force: true });
  rmSync(portFile, { force: true });
  if (status.running) log(`stopped pid ${status.pid}`);
  return status.running;
}
