import { Logger, type LoggerService } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { announceStart } from '../apps/api/src/start-up-notice';
import { bearer, startTestApp, type TestApp } from './support/test-app';

/** What the Nest logger was given, line by line, while the start was announced. */
class CapturedLog implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown) => this.lines.push(String(message));
  warn = (message: unknown) => this.lines.push(String(message));
  error = (message: unknown) => this.lines.push(String(message));
  get text(): string {
    return this.lines.join('\n');
  }
}

/** Starts the application with no ADMIN_PASSWORD on `dataDir` and captures the end of the start. */
async function startWithoutAdminPassword(dataDir: string): Promise<{ app: TestApp; log: CapturedLog }> {
  const app = await startTestApp({ DATA_DIR: dataDir, ADMIN_PASSWORD: '', LOG_LEVEL: 'error' });
  const log = new CapturedLog();
  Logger.overrideLogger(log);
  announceStart(app.app, app.config);
  return { app, log };
}

const passwordIn = (text: string): string => {
  const match = /Administrator 'admin' created[^\n]*\n[^\n]*\n│\s+(\S+)\s+│/.exec(text);
  if (!match) throw new Error(`No password in the notice:\n${text}`);
  return match[1];
};

describe('the start-up notice of a first start without ADMIN_PASSWORD', () => {
  let dataDir: string;
  let running: TestApp | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-e2e-notice-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a first start, when it completes, then the generated password ends the log in a box that says how to change it', async () => {
    const { app, log } = await startWithoutAdminPassword(dataDir);
    running = app;

    const notice = log.lines.at(-1) ?? '';
    expect(log.lines[0]).toContain('Integration Builder');
    expect(notice.split('\n')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^┌─+┐$/), expect.stringMatching(/^└─+┘$/)]),
    );
    const widths = new Set(
      notice
        .trim()
        .split('\n')
        .map((line) => line.length),
    );
    expect(widths.size).toBe(1);
    expect(notice).toContain('POST /api/auth/password');
    expect(notice).toContain('Change password');

    const password = passwordIn(notice);
    const token = await app.login('admin', password);
    await app
      .http()
      .post('/api/auth/password')
      .set(bearer(token))
      .send({ currentPassword: password, newPassword: 'chosen-by-the-admin' })
      .expect(204);
    await app.login('admin', 'chosen-by-the-admin');
  });

  it('given an installation whose administrator exists, when it starts again, then no password is shown', async () => {
    const first = await startWithoutAdminPassword(dataDir);
    await first.app.close();

    const { app, log } = await startWithoutAdminPassword(dataDir);
    running = app;

    expect(log.lines).toHaveLength(1);
    expect(log.text).not.toContain('one-time password');
  });
});
