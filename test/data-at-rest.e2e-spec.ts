import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SAMPLE_CONNECTION_ID, createIntegration, publishedOrFail } from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** Every file and folder below `dir` (the folder itself included), with its permission bits. */
const modesBelow = (dir: string): Record<string, number> => {
  const modes: Record<string, number> = {};
  const visit = (path: string) => {
    const stat = lstatSync(path);
    modes[relative(dir, path) || '.'] = stat.mode & 0o777;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return modes;
};

const widen = (dir: string) => {
  for (const [path] of Object.entries(modesBelow(dir))) {
    const full = join(dir, path);
    chmodSync(full, lstatSync(full).isDirectory() ? 0o755 : 0o644);
  }
};

/** A connection with a password: the secret store holds something to encrypt. */
const storePassword = (t: TestApp, admin: string) =>
  t
    .http()
    .post('/api/connections')
    .set(bearer(admin))
    .send({
      name: 'Orders',
      provider: 'mysql',
      details: { host: 'db.local', username: 'orders' },
      password: 'orders-pw-1',
    })
    .expect(201);

const posix = process.platform === 'win32' ? describe.skip : describe;

posix('the data folder at rest', () => {
  let dataDir: string;
  let warnings: string[];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-at-rest-'));
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a fresh start that stores secrets and publishes, then every file is 0600 and every folder 0700', async () => {
    const t = await startTestApp({ DATA_DIR: dataDir });
    try {
      const admin = await t.login(ADMIN.username, ADMIN.password);
      await storePassword(t, admin);
      const id = await createIntegration(t, admin, {
        applicationName: 'Shop',
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
      await publishedOrFail(t, admin, id);
      await t
        .http()
        .post('/api/integrations')
        .set(bearer(admin))
        .set('Idempotency-Key', 'at-rest-1')
        .send({ provider: 'sqlite', applicationName: 'Idem' })
        .expect(201);

      const modes = modesBelow(dataDir);

      for (const name of [
        'events.sqlite',
        'events.sqlite-wal',
        'read-model.sqlite',
        'secrets.sqlite',
        'credentials.sqlite',
        'idempotency.sqlite',
        'secrets.key',
        'databases/sample.sqlite',
      ])
        expect(modes).toHaveProperty([name]);
      expect(Object.keys(modes).some((name) => name.startsWith('packages/'))).toBe(true);
      const wider = Object.entries(modes).filter(([name, mode]) =>
        lstatSync(join(dataDir, name)).isDirectory() ? mode !== 0o700 : mode !== 0o600,
      );
      expect(wider).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('given a data folder whose modes are wider, when the application starts, then it tightens them and says so once', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    await first.close();
    widen(dataDir);
    const ownDatabase = join(dataDir, 'databases', 'orders.sqlite');
    writeFileSync(ownDatabase, '', { mode: 0o644 });
    chmodSync(ownDatabase, 0o644);
    warnings.length = 0;

    const t = await startTestApp({ DATA_DIR: dataDir });
    await t.close();

    const told = warnings.filter((message) => message.includes('Restricted to the owner'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/events\.sqlite/);
    expect(told[0]).toMatch(/secrets\.key/);
    const modes = modesBelow(dataDir);
    expect(modes['.']).toBe(0o700);
    expect(modes['events.sqlite']).toBe(0o600);
    expect(modes['secrets.key']).toBe(0o600);
    expect(modes['databases']).toBe(0o700);
    expect(modes['databases/sample.sqlite']).toBe(0o600);
    // A database the user put in the databases folder is theirs.
    expect(modes['databases/orders.sqlite']).toBe(0o644);
  }, 60_000);

  it('given no SECRETS_KEY, when the application starts again, then it reminds where the key is and what a copy of the data folder reveals', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    await first.close();
    expect(warnings.some((message) => /generated a master key into the data folder/.test(message))).toBe(
      true,
    );
    warnings.length = 0;

    const t = await startTestApp({ DATA_DIR: dataDir });
    await t.close();

    const reminders = warnings.filter((message) => message.includes(join(dataDir, 'secrets.key')));
    expect(reminders).toEqual([expect.stringMatching(/a copy of the data folder alone decrypts/)]);
  }, 60_000);

  it('given SECRETS_KEY_FILE outside the data folder, then no key is written into the data folder and only that key opens the secrets', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'ib-key-'));
    const keyFile = join(keyDir, 'master.key');
    writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      const t = await startTestApp({ DATA_DIR: dataDir, SECRETS_KEY_FILE: keyFile });
      try {
        const admin = await t.login(ADMIN.username, ADMIN.password);
        await storePassword(t, admin);
      } finally {
        await t.close();
      }
      expect(existsSync(join(dataDir, 'secrets.key'))).toBe(false);

      const again = await startTestApp({ DATA_DIR: dataDir, SECRETS_KEY_FILE: keyFile });
      await again.close();
      await expect(startTestApp({ DATA_DIR: dataDir })).rejects.toThrow(/master key does not match/);
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  }, 60_000);
});
