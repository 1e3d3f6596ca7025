import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { announceStart } from './start-up-notice';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  announceStart(app, config);
}

main().catch((error: unknown) => {
  new Logger('Main').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
