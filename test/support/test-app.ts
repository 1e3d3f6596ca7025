import { type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type AppOverrides } from '../../apps/api/src/app.module';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { EVENT_STORE, type EventStore } from '../../apps/api/src/infrastructure/event-store/event-store.port';

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };

export type TestApp = Readonly<{
  app: INestApplication;
  config: AppConfig;
  store: EventStore;
  http: () => ReturnType<typeof request>;
  login: (username: string, password: string, environment?: string) => Promise<string>;
  close: () => Promise<void>;
}>;

/**
 * The real application on a fresh temporary data folder (embedded SQLite everywhere). Pass
 * `DATA_DIR` in `env` to start it again on the data of an earlier run (a restart): `close` then
 * leaves that folder for the caller to remove.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): Promise<TestApp> {
  const ownDataDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ib-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    HTTP_ADAPTER: 'fastify',
    CONSOLE_DIR: join(dataDir, 'no-console'),
    ...env,
  });
  const app = await createApp(config, overrides);
  const adapter = app.getHttpAdapter().getInstance() as { ready?: () => Promise<unknown> };
  await adapter.ready?.();
  const http = () => request(app.getHttpServer());
  const login = async (username: string, password: string, environment = 'development') => {
    const response = await http()
      .post('/api/auth/login')
      .send({ environment, username, password })
      .expect(200);
    return response.body.accessToken as string;
  };
  return {
    app,
    config,
    store: app.get<EventStore>(EVENT_STORE),
    http,
    login,
    close: async () => {
      await app.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
