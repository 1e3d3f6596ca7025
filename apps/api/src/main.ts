import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { describeEventStore } from './infrastructure/event-store/open-event-store';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Main').log(
    `Integration Builder ${config.instanceId} on http://localhost:${config.port} (console /, API /api, docs /api/docs); ` +
      `events in ${describeEventStore(config.eventStore, config.dataDir)}; data in ${config.dataDir}`,
  );
}

main().catch((error: unknown) => {
  new Logger('Main').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
