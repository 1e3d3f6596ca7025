// Local services for tests: `npm run services -- start|stop|status [mariadb]`.
// `start` prints exactly one line, `MYSQL_URL=...`, on stdout; everything else goes to stderr.
import { mariadbStatus, mariadbUrl, startMariadb, stopMariadb } from './lib/mariadb-service.mjs';

const SERVICES = ['mariadb'];
const USAGE = 'usage: npm run services -- start|stop|status [mariadb]';

async function main([command, service = 'mariadb', ...rest]) {
  if (!['start', 'stop', 'status'].includes(command) || rest.length > 0) throw new Error(USAGE);
  if (!SERVICES.includes(service))
    throw new Error(`unknown service '${service}' (known: ${SERVICES.join(', ')})`);
  switch (command) {
    case 'start': {
      const { url } = await startMariadb();
      process.stdout.write(`MYSQL_URL=${url}\n`);
      return;
    }
    case 'stop':
      if (!(await stopMariadb())) process.stderr.write('[mariadb] not running\n');
      return;
    case 'status': {
      const status = mariadbStatus();
      const state = status.running ? `running (pid ${status.pid})` : 'stopped';
      process.stdout.write(`mariadb ${state} MYSQL_URL=${mariadbUrl()}\n`);
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`services: ${error.message}\n`);
  process.exitCode = 1;
});
