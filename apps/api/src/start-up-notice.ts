import { type INestApplication, Logger } from '@nestjs/common';
import { type AppConfig } from './config/app-config';
import { FirstStart, type GeneratedAdministrator } from './identity';
import { describeEventStore } from './infrastructure/event-store/open-event-store';

/** Draws lines in a box, so a notice stands out of the lines of the start around it. */
export function boxed(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join('\n');
}

/** The one notice with a secret in it: printed once, by the start that generated the password. */
export function administratorNotice({ username, password }: GeneratedAdministrator, url: string): string {
  return boxed([
    `Administrator '${username}' created with a one-time password (shown this once):`,
    '',
    `    ${password}`,
    '',
    `Log in at ${url} (environment 'development') and change it:`,
    '  - in the console: user menu (top right) > Change password, or',
    '  - POST /api/auth/password {"currentPassword": ..., "newPassword": ...}',
    'Set ADMIN_PASSWORD before the first start to choose it instead.',
  ]);
}

/**
 * The last lines of a start, once the server listens: where it answers and, on the start that
 * created the administrator with a generated password, that password in a box with how to change it.
 */
export function announceStart(app: INestApplication, config: AppConfig): void {
  const logger = new Logger('Main');
  const url = `http://localhost:${config.port}`;
  logger.log(
    `Integration Builder ${config.instanceId} on ${url} (console /, API /api, docs /api/docs); ` +
      `events in ${describeEventStore(config.eventStore, config.dataDir)}; data in ${config.dataDir}`,
  );
  const generated = app.get(FirstStart).takeGeneratedAdministrator();
  // On a line of its own: the logger's prefix would otherwise shift the box's first line.
  if (generated) logger.warn(`\n${administratorNotice(generated, url)}`);
}
