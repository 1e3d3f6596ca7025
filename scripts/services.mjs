// Local services for tests: `npm run services -- start|stop|status [mariadb|postgres|kafka]`.
// `start` prints exactly one line on stdout (`MYSQL_URL=...`, `POSTGRES_URL=...` or `KAFKA_BROKERS=...`); the rest goes to stderr.
import { kafkaBrokers, kafkaStatus, startKafka, stopKafka } from './lib/kafka-service.mjs';
import { mariadbStatus, mariadbUrl, startMariadb, stopMariadb } from './lib/mariadb-service.mjs';
import { postgresStatus, postgresUrl, startPostgres, stopPostgres } from './lib/postgres-service.mjs';

const SERVICES = {
  mariadb: {
    start: async () => `MYSQL_URL=${(await startMariadb()).url}`,
    stop: stopMariadb,
    status: mariadbStatus,
    address: () => `MYSQL_URL=${mariadbUrl()}`,
  },
  postgres: {
    start: async () => `POSTGRES_URL=${(await startPostgres()).url}`,
    stop: stopPostgres,
    status: postgresStatus,
    address: () => `POSTGRES_URL=${postgresUrl()}`,
  },
  kafka: {
    start: async () => `KAFKA_BROKERS=${(await startKafka()).brokers}`,
    stop: stopKafka,
    status: kafkaStatus,
    address: () => `KAFKA_BROKERS=${kafkaBrokers()}`,
  },
};
const USAGE = `usage: npm run services -- start|stop|status [${Object.keys(SERVICES).join('|')}]`;

async function main([command, name = 'mariadb', ...rest]) {
  if (!['start', 'stop', 'status'].includes(command) || rest.length > 0) throw new Error(USAGE);
  const service = SERVICES[name];
  if (service === undefined)
    throw new Error(`unknown service '${name}' (known: ${Object.keys(SERVICES).join(', ')})`);
  switch (command) {
    case 'start':
      process.stdout.write(`${await service.start()}\n`);
      return;
    case 'stop':
      if (!(await service.stop())) process.stderr.write(`[${name}] not running\n`);
      return;
    case 'status': {
      const status = service.status();
      const state = status.running ? `running (pid ${status.pid})` : 'stopped';
      process.stdout.write(`${name} ${state} ${service.address()}\n`);
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`services: ${error.message}\n`);
  process.exitCode = 1;
});
