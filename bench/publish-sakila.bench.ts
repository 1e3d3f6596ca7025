import {
  createMysqlConnection,
  createMysqlIntegration,
  publishAndWait,
  startBenchApp,
} from './lib/bench-app';
import { loadFixture, median, sakilaSchemaFile, withDatabase } from './lib/mariadb';
import { report } from './lib/report';

const RUNS = Number(process.env.BENCH_PUBLISH_RUNS ?? 7);
const POLL_MS = 2;
const SAKILA_TABLES = [
  'actor',
  'address',
  'category',
  'city',
  'country',
  'customer',
  'film',
  'film_actor',
  'film_category',
  'film_text',
  'inventory',
  'language',
  'payment',
  'rental',
  'staff',
  'store',
] as const;

/**
 * Publishing a 16-table Sakila integration on the private MariaDB: from sending POST publish to the
 * GET /api/publications/:id that says published (polled every 2 ms). Each run publishes a fresh
 * integration (version 1), after one warm-up run.
 */
export async function runPublishSakilaBench(): Promise<void> {
  await withDatabase('ib_bench_sakila', async (database) => {
    await loadFixture(database, sakilaSchemaFile());
    const api = await startBenchApp('publish');
    try {
      const connectionId = await createMysqlConnection(api, 'Sakila');
      const publishFresh = async () => {
        const { integrationId, entities } = await createMysqlIntegration(
          api,
          connectionId,
          database,
          SAKILA_TABLES,
        );
        if (entities.length !== SAKILA_TABLES.length)
          throw new Error(`${entities.length} entities instead of ${SAKILA_TABLES.length}`);
        return (await publishAndWait(api, integrationId, POLL_MS)).ms;
      };
      await publishFresh(); // warm-up: first connector pool, first package
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) times.push(await publishFresh());
      const runs = times.map((ms) => Math.round(ms)).join(' / ');
      report(
        'publish.sakila16.median',
        median(times),
        'ms',
        `POST publish -> published, 16 tables, ${RUNS} fresh integrations: ${runs}`,
      );
      report('publish.sakila16.max', Math.max(...times), 'ms', `polled every ${POLL_MS} ms`);
    } finally {
      await api.close();
    }
  });
}

if (require.main === module) {
  runPublishSakilaBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
