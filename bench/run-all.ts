import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runAuditChainBench } from './audit-chain.bench';
import { runAuditQueryBench } from './audit-query.bench';
import { runBootBench } from './boot.bench';
import { runConsoleBundleBench } from './console-bundle.bench';
import { runDataApiListBench } from './data-api-list.bench';
import { runEventFeedBench } from './event-feed.bench';
import { runEventStoreAppendBench } from './event-store-append.bench';
import { runHistoryBench } from './history.bench';
import { runHttpApiBench } from './http-api.bench';
import { runMailBench } from './mail.bench';
import { runMysqlEventStoreBench } from './mysql-event-store.bench';
import { runMysqlFindBench } from './mysql-find.bench';
import { runMysqlIntrospectionBench } from './mysql-introspection.bench';
import { runODataListBench } from './odata-list.bench';
import { runProjectionCatchUpBench } from './projection-catch-up.bench';
import { runPostgresBench } from './postgres.bench';
import { runPublishSakilaBench } from './publish-sakila.bench';
import { runSseFanoutBench } from './sse-fanout.bench';

/** `npm run bench`: every benchmark in one run, so figures and ratios come from the same machine state. */
async function main() {
  await runEventStoreAppendBench();
  await runProjectionCatchUpBench();
  await runBootBench();
  await runHttpApiBench();
  await runHistoryBench();
  await runMysqlEventStoreBench();
  await runMysqlIntrospectionBench();
  await runMysqlFindBench();
  await runDataApiListBench();
  await runPostgresBench();
  await runODataListBench();
  await runPublishSakilaBench();
  await runEventFeedBench();
  await runAuditChainBench();
  await runAuditQueryBench();
  await runMailBench();
  await runSseFanoutBench();
  // The console's build, when there is one (npm run build:console): what its first pages load.
  if (existsSync(join(process.cwd(), 'dist/console/.vite/manifest.json'))) runConsoleBundleBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
