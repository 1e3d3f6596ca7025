// `node scripts/with-services.mjs mariadb,postgres,kafka <command...>`: runs the command with each service's
// address in its environment (MYSQL_URL, POSTGRES_URL, KAFKA_BROKERS), starting the private service first when needed and always
// stopping what it started; exits with the command's code. An address already in the environment is used
// as is (an external server), and nothing is started for it.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startKafka, stopKafka } from './lib/kafka-service.mjs';
import { startMariadb, stopMariadb } from './lib/mariadb-service.mjs';
import { startPostgres, stopPostgres } from './lib/postgres-service.mjs';

const SERVICES = {
  mariadb: { variable: 'MYSQL_URL', start: async () => startMariadb(), stop: stopMariadb, address: 'url' },
  postgres: {
    variable: 'POSTGRES_URL',
    start: async () => startPostgres(),
    stop: stopPostgres,
    address: 'url',
  },
  kafka: { variable: 'KAFKA_BROKERS', start: async () => startKafka(), stop: stopKafka, address: 'brokers' },
};

const [names, command, ...args] = process.argv.slice(2);
const wanted = (names ?? '').split(',').filter(Boolean);
if (!command || wanted.length === 0 || wanted.some((name) => !(name in SERVICES))) {
  process.stderr.write(
    `usage: node scripts/with-services.mjs ${Object.keys(SERVICES).join(',')} <command> [args...]\n`,
  );
  process.exit(2);
}

const env = { ...process.env };
const started = [];
async function stopStarted() {
  for (const name of started.reverse()) {
    try {
      await SERVICES[name].stop();
    } catch (error) {
      process.stderr.write(`with-services: could not stop ${name}: ${error.message}\n`);
    }
  }
}

try {
  for (const name of wanted) {
    const service = SERVICES[name];
    if (env[service.variable]) {
      process.stderr.write(`[${name}] using ${service.variable} from the environment\n`);
      continue;
    }
    const result = await service.start();
    if (result.started) started.push(name);
    env[service.variable] = result[service.address];
  }
} catch (error) {
  process.stderr.write(`with-services: ${error.message}\n`);
  await stopStarted();
  process.exit(1);
}

const child = spawn(command, args, { stdio: 'inherit', env });
// The child gets terminal signals itself; forward the rest, and stay alive to clean up after it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });

const code = await new Promise((resolve) => {
  child.on('error', (error) => {
    process.stderr.write(`with-services: ${command}: ${error.message}\n`);
    resolve(127);
  });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (constants.signals[signal] ?? 0)));
});
await stopStarted();
process.exit(code);
