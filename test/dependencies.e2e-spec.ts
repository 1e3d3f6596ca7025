import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type RecordedEvent, dependencyStreamId } from '@ib/domain';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import { RUNTIME_DEPENDENCIES } from '../apps/api/src/publishing';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration as createThroughWizard,
  entityNames,
  eventually,
  finishedRun as republishRunFinished,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const DEVELOPER = { username: 'dev-only', password: 'developer-password-for-tests' };
const QA_ADMIN = { username: 'qa-admin', password: 'qa-admin-password-for-tests' };
const RUNTIME = RUNTIME_DEPENDENCIES[0];
const major = (version: string) => Number(version.split('.')[0]);
/** The next minor and major versions after the shipped one. */
const MINOR = `${major(RUNTIME.version)}.${Number(RUNTIME.version.split('.')[1]) + 1}.0`;
const MAJOR = `${major(RUNTIME.version) + 1}.0.0`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Run = {
  runId: string;
  status: string;
  total: number;
  published: number;
  failed: number;
  skipped: number;
  items: {
    integrationId: string;
    status: string;
    publicationId?: string;
    version?: number;
    reason?: string;
  }[];
};

/** The steps every scenario takes: build, publish and watch integrations of one running app. */
const scenario = (t: () => TestApp, token: () => string) => {
  const createIntegration = async (applicationName: string, connectionId: string, tables: string[]) => {
    const id = await createThroughWizard(t(), token(), { applicationName, connectionId, tables });
    return { id, entity: (await entityNames(t(), token(), id))[tables[0]] };
  };

  const publish = (integrationId: string) => publishedOrFail(t(), token(), integrationId);

  /** The data API's status, polled until it is the expected one (reactors work after the answer). */
  const dataStatus = (
    integration: { id: string; entity: string },
    expected: number,
    environment = 'development',
    as = token(),
  ) =>
    eventually(async () => {
      const response = await t()
        .http()
        .get(`/api/data/${environment}/${integration.id}/${encodeURIComponent(integration.entity)}`)
        .query({ limit: '1' })
        .set(bearer(as));
      return response.status === expected ? response : undefined;
    }, `the data API of ${environment} to answer ${expected}`);

  const install = (version: string, body: Record<string, unknown> = {}, as = token()) =>
    t()
      .http()
      .post(`/api/dependencies/${RUNTIME.name}/updates`)
      .set(bearer(as))
      .send({ version, ...body });

  const republish = (as = token()) => t().http().post('/api/integrations/republish').set(bearer(as));

  const finishedRun = async (runId: string) => (await republishRunFinished(t(), token(), runId)) as Run;

  const events = async (): Promise<RecordedEvent[]> => t().store.readAll({ fromPosition: 0, limit: 100_000 });

  return { createIntegration, publish, dataStatus, install, republish, finishedRun, events };
};

describe('a breaking update of a runtime dependency and the republish of affected integrations', () => {
  let t: TestApp;
  let token: string;
  const s = scenario(
    () => t,
    () => token,
  );
  let shop: { id: string; entity: string };
  let orders: { id: string; entity: string };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    shop = await s.createIntegration('Shop', SAMPLE_CONNECTION_ID, ['customers']);
    orders = await s.createIntegration('Orders', SAMPLE_CONNECTION_ID, ['orders']);
    await s.publish(shop.id);
    await s.publish(orders.id);
    await s.dataStatus(shop, 200);
    await s.dataStatus(orders, 200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses an update or a republish by a non-administrator, and an unknown, older or malformed version', async () => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({ ...DEVELOPER, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
    const developer = await t.login(DEVELOPER.username, DEVELOPER.password);
    expect((await s.install(MAJOR, {}, developer).expect(403)).body.code).toBe('AUTH.ADMIN_REQUIRED');
    expect((await s.republish(developer).expect(403)).body.code).toBe('AUTH.ADMIN_REQUIRED');

    // An administrator of qa only installs in qa, and republishes nothing there: integrations are built in development
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({ ...QA_ADMIN, roles: [{ environment: 'qa', role: 'admin' }] })
      .expect(201);
    const qaAdmin = await t.login(QA_ADMIN.username, QA_ADMIN.password, 'qa');
    expect((await s.install(MAJOR, { environment: 'development' }, qaAdmin).expect(403)).body.code).toBe(
      'AUTH.ADMIN_REQUIRED',
    );
    expect((await s.republish(qaAdmin).expect(409)).body.code).toBe('ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY');
    const elsewhere = await t.http().get('/api/dependencies?environment=development').set(bearer(qaAdmin));
    expect(elsewhere.status).toBe(403);

    const unknown = await t
      .http()
      .post('/api/dependencies/left-pad/updates')
      .set(bearer(token))
      .send({ version: '9.0.0' })
      .expect(404);
    expect(unknown.body.code).toBe('DEPENDENCY.NOT_FOUND');
    expect((await s.install(RUNTIME.version).expect(409)).body.code).toBe('DEPENDENCY.NOT_NEWER');
    const invalid = await s.install('2.0').expect(400);
    expect(invalid.body.code).toBe('DEPENDENCY.INVALID');
    expect(JSON.stringify(invalid.body)).toContain('version');
  });

  it('keeps the data API answering after a minor, non-breaking update', async () => {
    const installed = await s.install(MINOR, { notes: 'Faster paging' }).expect(201);
    expect(installed.body).toEqual({
      name: RUNTIME.name,
      environment: 'development',
      fromVersion: RUNTIME.version,
      version: MINOR,
      breaking: false,
      notes: 'Faster paging',
      installedAt: expect.any(String),
    });
    // The reactor had the time to mark anything: a later write is handled after it
    await sleep(200);
    await s.dataStatus(shop, 200);
    await s.dataStatus(orders, 200);
    expect((await s.events()).filter((e) => e.type === 'RepublishRequired')).toEqual([]);
    expect((await s.republish().expect(409)).body.code).toBe('REPUBLISH.NOTHING_REQUIRED');
  });

  it('makes every affected integration answer 409 after a major update, until republished', async () => {
    // When a new major version is installed
    const installed = await s.install(MAJOR).expect(201);
    expect(installed.body).toMatchObject({ fromVersion: MINOR, version: MAJOR, breaking: true });

    // Then both integrations' data APIs answer 409, and the requirement is stored
    for (const integration of [shop, orders]) {
      const refused = await s.dataStatus(integration, 409);
      expect(refused.body.code).toBe('INTEGRATION.REPUBLISH_REQUIRED');
    }
    const required = (await s.events()).filter((e) => e.type === 'RepublishRequired');
    expect(required.map((e) => (e.data as { integrationId: string }).integrationId).sort()).toEqual(
      [shop.id, orders.id].sort(),
    );
    for (const event of required)
      expect(event.data).toMatchObject({
        dependency: RUNTIME.name,
        environment: 'development',
        version: MAJOR,
      });

    // When an administrator republishes
    const started = await s.republish().expect(202);
    expect(started.body).toEqual({
      runId: expect.any(String),
      integrationIds: expect.arrayContaining([shop.id, orders.id]),
      status: 'running',
    });
    expect(started.body.integrationIds).toHaveLength(2);
    expect(started.headers.location).toBe(`/api/republish-runs/${started.body.runId}`);

    // Then the run publishes both as version 2
    const run = await s.finishedRun(started.body.runId);
    expect(run).toMatchObject({ status: 'finished', total: 2, published: 2, failed: 0, skipped: 0 });
    for (const item of run.items) expect(item).toMatchObject({ status: 'published', version: 2 });
    expect(run).toMatchObject({ startedBy: expect.any(String), startedAt: expect.any(String) });

    // And the data APIs answer again
    await s.dataStatus(shop, 200);
    await s.dataStatus(orders, 200);

    // And the new publications were built against the new version
    const all = await s.events();
    for (const item of run.items) {
      const checked = all.find(
        (e) =>
          e.type === 'DependenciesChecked' &&
          (e.data as { publicationId: string }).publicationId === item.publicationId,
      );
      expect((checked?.data as { dependencies: unknown[] }).dependencies).toContainEqual({
        name: RUNTIME.name,
        version: MAJOR,
      });
    }

    // And there is nothing left to republish
    expect((await s.republish().expect(409)).body.code).toBe('REPUBLISH.NOTHING_REQUIRED');
    await t
      .http()
      .get(`/api/republish-runs/${'0190a000-0000-7000-8000-000000000000'}`)
      .set(bearer(token))
      .expect(404);
  });
});

describe('a republish run where one integration cannot be published', () => {
  let t: TestApp;
  let token: string;
  const s = scenario(
    () => t,
    () => token,
  );

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  it('fails that item, publishes the other, and republishes only the failed one later', async () => {
    // Given a scratch copy of the sample with one more table, and an integration built on it
    const { connectionId, path: file } = await sampleCopy(t, token, {
      file: 'scratch.sqlite',
      name: 'Scratch',
      sql: 'CREATE TABLE promotions (id INTEGER PRIMARY KEY, code TEXT NOT NULL)',
    });
    const promotions = await s.createIntegration('Promotions', connectionId, ['promotions']);
    const shop = await s.createIntegration('Shop', SAMPLE_CONNECTION_ID, ['customers']);
    await s.publish(promotions.id);
    await s.publish(shop.id);

    // And a breaking update, after which the promotions table vanishes
    await s.install(MAJOR).expect(201);
    await s.dataStatus(promotions, 409);
    await s.dataStatus(shop, 409);
    const dropper = new DatabaseSync(file);
    dropper.exec('DROP TABLE promotions');
    dropper.close();

    // When an administrator republishes
    const first = await s.republish().expect(202);
    const run = await s.finishedRun(first.body.runId);

    // Then that item failed with the reason, the other one was published
    expect(run).toMatchObject({ total: 2, published: 1, failed: 1, skipped: 0 });
    const failed = run.items.find((item) => item.integrationId === promotions.id);
    expect(failed).toMatchObject({ status: 'failed', publicationId: expect.any(String) });
    expect(failed?.reason).toContain("'promotions'");
    expect(run.items.find((item) => item.integrationId === shop.id)).toMatchObject({
      status: 'published',
      version: 2,
    });
    await s.dataStatus(shop, 200);
    await s.dataStatus(promotions, 409);

    // When the table is back and the administrator republishes again
    const restorer = new DatabaseSync(file);
    restorer.exec('CREATE TABLE promotions (id INTEGER PRIMARY KEY, code TEXT NOT NULL)');
    restorer.close();
    const second = await s.republish().expect(202);

    // Then only the failed one is republished
    expect(second.body.integrationIds).toEqual([promotions.id]);
    const rerun = await s.finishedRun(second.body.runId);
    expect(rerun).toMatchObject({ total: 1, published: 1, failed: 0 });
    expect(rerun.items[0]).toMatchObject({ integrationId: promotions.id, status: 'published', version: 2 });
    await s.dataStatus(promotions, 200);
  });
});

describe('a republish run interrupted by a restart', () => {
  let dataDir: string;
  let t: TestApp;
  let token: string;
  const s = scenario(
    () => t,
    () => token,
  );

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-e2e-restart-'));
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the run after the application starts again on the same data', async () => {
    // Given two published integrations that need a republish
    t = await startTestApp({ DATA_DIR: dataDir });
    token = await t.login(ADMIN.username, ADMIN.password);
    const shop = await s.createIntegration('Shop', SAMPLE_CONNECTION_ID, ['customers']);
    const orders = await s.createIntegration('Orders', SAMPLE_CONNECTION_ID, ['orders']);
    await s.publish(shop.id);
    await s.publish(orders.id);
    await s.install(MAJOR).expect(201);
    await s.dataStatus(shop, 409);
    await s.dataStatus(orders, 409);

    // When the application stops right after a republish started
    const started = await s.republish().expect(202);
    await t.close();

    // And starts again on the same data, later than a publication left running is taken over
    const later = { now: () => new Date(Date.now() + 60_000) };
    t = await startTestApp({ DATA_DIR: dataDir }, { clock: later });
    token = await t.login(ADMIN.username, ADMIN.password);

    // Then the run finishes, both published
    const run = await s.finishedRun(started.body.runId);
    expect(run).toMatchObject({ total: 2, published: 2, failed: 0 });
    await s.dataStatus(shop, 200);
    await s.dataStatus(orders, 200);
    // And no integration was published twice by the run
    const requested = (await s.events()).filter((e) => e.type === 'IntegrationPublishRequested');
    expect(requested).toHaveLength(4);

    // When it starts once more, replaying the breaking update from the log
    const required = (await s.events()).filter((e) => e.type === 'RepublishRequired').length;
    await t.close();
    t = await startTestApp({ DATA_DIR: dataDir });
    token = await t.login(ADMIN.username, ADMIN.password);
    await sleep(300);

    // Then the integrations republished since are not marked again
    expect((await s.events()).filter((e) => e.type === 'RepublishRequired')).toHaveLength(required);
    await s.dataStatus(shop, 200);
    await s.dataStatus(orders, 200);
  });
});

describe('runtime dependencies installed per environment', () => {
  let t: TestApp;
  let token: string;
  const s = scenario(
    () => t,
    () => token,
  );
  let shop: { id: string; entity: string };

  const requiredEvents = async () =>
    (await s.events())
      .filter((e) => e.type === 'RepublishRequired')
      .map((e) => e.data as { integrationId: string; environment?: string; version?: string });
  const promote = (version: number, as: string) =>
    t
      .http()
      .post(`/api/integrations/${shop.id}/deployments`)
      .set(bearer(as))
      .send({ version, environment: 'qa' })
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    shop = await s.createIntegration('Shop', SAMPLE_CONNECTION_ID, ['customers']);
    await s.publish(shop.id);
    await s.dataStatus(shop, 200);
  });

  afterAll(async () => {
    await t.close();
  });

  it("leaves the development environment's data API alone when the admin of a second development environment installs a breaking update there", async () => {
    // Given the owner creates a second development environment and a user who administers only it
    await t
      .http()
      .post('/api/environments')
      .set(bearer(token))
      .send({ name: 'dev2', kind: 'development', anotherDevelopment: true })
      .expect(201);
    const dev2Admin = { username: 'dev2-admin', password: 'dev2-admin-password-for-tests' };
    await t
      .http()
      .post('/api/users')
      .set(bearer(token))
      .send({ ...dev2Admin, roles: [{ environment: 'dev2', role: 'admin' }] })
      .expect(201);
    const other = await t.login(dev2Admin.username, dev2Admin.password, 'dev2');

    // When that user installs a breaking update (in the environment they are logged in to)
    const installed = await s.install(MAJOR, {}, other).expect(201);
    expect(installed.body).toMatchObject({ environment: 'dev2', version: MAJOR, breaking: true });

    // Then the real development environment keeps serving, and nothing was marked
    await sleep(300);
    await s.dataStatus(shop, 200);
    expect(await requiredEvents()).toEqual([]);
    expect((await s.republish(other).expect(409)).body.code).toBe('REPUBLISH.NOTHING_REQUIRED');

    // And each environment lists its own installed version
    const development = await t.http().get('/api/dependencies').set(bearer(token)).expect(200);
    expect(development.body.environment).toBe('development');
    expect(development.body.items[0]).toMatchObject({
      name: RUNTIME.name,
      version: RUNTIME.version,
      updates: [],
    });
    const dev2 = await t.http().get('/api/dependencies').set(bearer(other)).expect(200);
    expect(dev2.body).toMatchObject({ environment: 'dev2' });
    expect(dev2.body.items[0]).toMatchObject({ name: RUNTIME.name, version: MAJOR, updated: true });

    // And that user can neither install in development nor read its dependencies
    expect((await s.install(MAJOR, { environment: 'development' }, other).expect(403)).body.code).toBe(
      'AUTH.ADMIN_REQUIRED',
    );
    await t.http().get('/api/dependencies?environment=development').set(bearer(other)).expect(403);
  });

  it('marks an integration promoted to qa when a breaking update is installed in qa, until a version built against it is promoted there', async () => {
    // Given the shop's version 1 promoted to qa and served there by a qa copy of the sample
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    token = await t.login(ADMIN.username, ADMIN.password);
    const qaToken = await t.login(ADMIN.username, ADMIN.password, 'qa');
    await promote(1, token);
    const { connectionId } = await sampleCopy(t, token, {
      file: 'qa.sqlite',
      name: 'Shop QA',
      environment: 'qa',
    });
    await t
      .http()
      .put(`/api/environments/qa/integrations/${shop.id}/connection`)
      .set(bearer(token))
      .send({ connectionId })
      .expect(200);
    await s.dataStatus(shop, 200, 'qa');

    // When an administrator of qa installs a breaking update there
    await s.install(MAJOR, {}, qaToken).expect(201);

    // Then qa answers 409, and development still serves
    const refused = await s.dataStatus(shop, 409, 'qa');
    expect(refused.body.code).toBe('INTEGRATION.REPUBLISH_REQUIRED');
    await s.dataStatus(shop, 200);
    expect(await requiredEvents()).toEqual([
      expect.objectContaining({ integrationId: shop.id, environment: 'qa', version: MAJOR }),
    ]);
    const state = await eventually(async () => {
      const { body } = await t.http().get(`/api/integrations/${shop.id}/dependencies`).set(bearer(token));
      return body.republishRequired === true ? body : undefined;
    }, 'the dependency state to show the requirement');
    expect(state.environments).toEqual([
      expect.objectContaining({ environment: 'development', version: 1, republishRequired: false }),
      expect.objectContaining({
        environment: 'qa',
        version: 1,
        republishRequired: true,
        republishRequirements: [expect.objectContaining({ dependency: RUNTIME.name, version: MAJOR })],
      }),
    ]);
    // And development has nothing to republish: its runtime is not updated
    expect((await s.republish().expect(409)).body.code).toBe('REPUBLISH.NOTHING_REQUIRED');

    // When development gets the update too, and the shop is republished there against it
    await s.install(MAJOR).expect(201);
    await s.dataStatus(shop, 409);
    const run = await s.finishedRun((await s.republish().expect(202)).body.runId);
    expect(run).toMatchObject({ published: 1, items: [{ integrationId: shop.id, version: 2 }] });
    await s.dataStatus(shop, 200);
    // Then qa still serves version 1, built against the old version, and answers 409
    await s.dataStatus(shop, 409, 'qa');

    // When version 2 is promoted to qa, Then qa serves again
    await promote(2, token);
    await s.dataStatus(shop, 200, 'qa');
    const cleared = (await s.events()).filter((e) => e.type === 'RepublishRequirementCleared');
    expect(cleared.map((e) => (e.data as { environment?: string }).environment).sort()).toEqual([
      'development',
      'qa',
    ]);

    // When version 1 is promoted back, Then it is judged against qa's update again
    await promote(1, token);
    await s.dataStatus(shop, 409, 'qa');
  });
});

describe('a breaking update recorded before updates were per environment', () => {
  let t: TestApp;
  let token: string;
  const s = scenario(
    () => t,
    () => token,
  );

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  it('still holds in every environment, until a newer version reaches development', async () => {
    // Given the shop published in development and promoted to qa, where a qa copy serves it
    const shop = await s.createIntegration('Shop', SAMPLE_CONNECTION_ID, ['customers']);
    await s.publish(shop.id);
    await t.http().post('/api/environments').set(bearer(token)).send({ name: 'qa', kind: 'qa' }).expect(201);
    token = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post(`/api/integrations/${shop.id}/deployments`)
      .set(bearer(token))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    const { connectionId } = await sampleCopy(t, token, {
      file: 'qa.sqlite',
      name: 'Shop QA',
      environment: 'qa',
    });
    await t
      .http()
      .put(`/api/environments/qa/integrations/${shop.id}/connection`)
      .set(bearer(token))
      .send({ connectionId })
      .expect(200);
    await s.dataStatus(shop, 200, 'qa');

    // When the log holds a breaking update installed for the whole installation (no environment)
    await t.store.append(
      dependencyStreamId(RUNTIME.name),
      [
        {
          eventId: uuidv7(),
          type: 'DependencyUpdateInstalled',
          data: {
            name: RUNTIME.name,
            fromVersion: RUNTIME.version,
            version: MAJOR,
            breaking: true,
            notes: '',
            installedBy: 'root',
            installedAt: '2026-01-01T00:00:00.000Z',
          },
          metadata: {
            actorId: 'root',
            correlationId: uuidv7(),
            causationId: uuidv7(),
            environment: 'development',
          },
        },
      ],
      { expectedVersion: 'any' },
    );

    // Then both environments answer 409, and both list the version as installed
    await s.dataStatus(shop, 409);
    await s.dataStatus(shop, 409, 'qa');
    for (const environment of ['development', 'qa']) {
      const { body } = await t.http().get(`/api/dependencies?environment=${environment}`).set(bearer(token));
      expect(body.items[0]).toMatchObject({ name: RUNTIME.name, version: MAJOR });
    }
    const required = (await s.events()).filter((e) => e.type === 'RepublishRequired');
    expect(required).toHaveLength(1);
    expect(required[0].data).not.toHaveProperty('environment');
    // And the integration's dependency state shows the requirement in each environment it is deployed in
    const state = await eventually(async () => {
      const { body } = await t.http().get(`/api/integrations/${shop.id}/dependencies`).set(bearer(token));
      return body.republishRequired === true ? body : undefined;
    }, 'the dependency state to show the requirement');
    expect(
      state.environments.map(
        ({ environment, republishRequired }: { environment: string; republishRequired: boolean }) => [
          environment,
          republishRequired,
        ],
      ),
    ).toEqual([
      ['development', true],
      ['qa', true],
    ]);

    // When development republishes, Then the new version is built against it, and both serve again
    const run = await s.finishedRun((await s.republish().expect(202)).body.runId);
    expect(run).toMatchObject({ published: 1, items: [{ integrationId: shop.id, version: 2 }] });
    await s.dataStatus(shop, 200);
    await s.dataStatus(shop, 200, 'qa');
  });
});
