import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/app-config';
import { createApp } from './create-app';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Main').log(
    `Integration Builder on http://localhost:${config.port} (console /, API /api, docs /api/docs); data in ${config.dataDir}`,
  );
}

main().catch((error: unknown) => {
  new Logger('Main').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
