// `node scripts/with-mariadb.mjs <command...>`: runs the command with MYSQL_URL pointing at the private
// MariaDB, starting it first when needed and always stopping what it started; exits with the command's code.
// A MYSQL_URL already in the environment is used as is (an external server), and nothing is started.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startMariadb, stopMariadb } from './lib/mariadb-service.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node scripts/with-mariadb.mjs <command> [args...]\n');
  process.exit(2);
}

let started = false;
let url = process.env.MYSQL_URL;
try {
  if (url) process.stderr.write('[mariadb] using MYSQL_URL from the environment\n');
  else ({ url, started } = await startMariadb());
} catch (error) {
  process.stderr.write(`with-mariadb: ${error.message}\n`);
  if (started) await stopMariadb();
  process.exit(1);
}

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, MYSQL_URL: url } });
// The child gets terminal signals itself; forward the rest, and stay alive to clean up after it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });

const code = await new Promise((resolve) => {
  child.on('error', (error) => {
    process.stderr.write(`with-mariadb: ${command}: ${error.message}\n`);
    resolve(127);
  });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (constants.signals[signal] ?? 0)));
});
if (started) {
  try {
    await stopMariadb();
  } catch (error) {
    process.stderr.write(`with-mariadb: could not stop MariaDB: ${error.message}\n`);
  }
}
process.exit(code);
