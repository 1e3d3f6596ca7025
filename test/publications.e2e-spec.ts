import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type PublicationStarted, type RecordedEvent } from '@ib/domain';
import { uuidv7 } from '../apps/api/src/infrastructure/ids';
import {
  SAMPLE_CONNECTION_ID,
  type Started,
  createIntegration,
  eventually,
  finished,
  sampleCopy,
  startPublication,
} from './support/publishing';
import { binary, tarEntries } from './support/package-files';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

describe('publishing an integration in development', () => {
  let t: TestApp;
  let token: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    const events = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
    adminId = (
      events.find(
        (e) => e.type === 'UserRegistered' && (e.data as { username: string }).username === ADMIN.username,
      )?.data as { userId: string }
    ).userId;
  });

  afterAll(async () => {
    await t.close();
  });

  const publish = async (integrationId: string) => {
    const response = await startPublication(t, token, integrationId);
    expect(response.headers.location).toBe(`/api/publications/${response.body.publicationId}`);
    return response.body as Started;
  };

  const download = (integrationId: string, version: number) =>
    t
      .http()
      .get(`/api/integrations/${integrationId}/versions/${version}/package`)
      .set(bearer(token))
      .buffer(true)
      .parse(binary);

  it('publishes, deploys to development and keeps the package downloadable', async () => {
    // Given an integration of the sample database with two tables
    const integrationId = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers', 'orders'],
    });

    // When it is published
    const started = await publish(integrationId);
    expect(started).toEqual({ publicationId: expect.any(String), version: 1, status: 'running' });

    // Then the publication completes, step by step
    const publication = await finished(t, token, started.publicationId);
    expect(publication).toMatchObject({
      id: started.publicationId,
      integrationId,
      version: 1,
      status: 'published',
      packageHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      dependencies: expect.arrayContaining([{ name: 'integration-builder-utils', version: '1.0.0' }]),
    });
    expect(publication.steps.map((s: { step: string }) => s.step)).toEqual([
      'requested',
      'validateSchema',
      'generatePackage',
      'checkDependencies',
      'publish',
    ]);
    for (const step of publication.steps) expect(Date.parse(step.at)).not.toBeNaN();

    // And the store holds its events in order, with the requester as actor, then the deployment
    const deployed = () =>
      eventually(async () => {
        const all: RecordedEvent[] = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
        const mine = all.filter(
          (e) =>
            (e.data as { publicationId?: string }).publicationId === started.publicationId ||
            (e.type === 'VersionDeployed' &&
              (e.data as { integrationId: string }).integrationId === integrationId),
        );
        return mine.some((e) => e.type === 'VersionDeployed') ? mine : undefined;
      }, 'the version to be deployed');
    const events = await deployed();
    expect(events.map((e) => e.type)).toEqual([
      'PublicationStarted',
      'IntegrationPublishRequested',
      'SchemaValidated',
      'PackageGenerated',
      'DependenciesChecked',
      'IntegrationPublished',
      'VersionDeployed',
    ]);
    for (const event of events) expect(event.metadata.actorId).toBe(adminId);
    expect(events.at(-1)?.data).toMatchObject({ version: 1, environment: 'development' });

    // And the package downloads as a tar with its manifest, OpenAPI document and client
    const response = await download(integrationId, 1).expect(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toContain('Shop_IS-1.tar');
    expect(response.headers.etag).toBe(`"${publication.packageHash}"`);
    const files = tarEntries(response.body as Buffer);
    expect([...files.keys()].sort()).toEqual(['client.ts', 'manifest.json', 'openapi.json']);
    expect(JSON.parse(files.get('openapi.json') ?? '{}').openapi).toMatch(/^3\.1/);

    // When it is published again unchanged, the answer is version 1, and no version is made
    expect(await publish(integrationId)).toEqual({ ...started, status: 'published' });

    // When a table is added and it is published again, it becomes version 2
    await t
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(token))
      .send({ tables: ['products'] })
      .expect(200);
    const again = await publish(integrationId);
    expect(again.version).toBe(2);
    expect(await finished(t, token, again.publicationId)).toMatchObject({ status: 'published', version: 2 });
    await download(integrationId, 2).expect(200);

    // And an unknown version has no package
    await download(integrationId, 9).expect(404);
  });

  it('refuses an integration that is not ready to publish', async () => {
    const integrationId = await createIntegration(t, token, { applicationName: 'Draft' });
    const response = await t
      .http()
      .post(`/api/integrations/${integrationId}/publish`)
      .set(bearer(token))
      .expect(409);
    expect(response.body).toMatchObject({ code: 'INTEGRATION.NOT_READY' });
    expect(response.body.detail).toContain('connection');
  });

  it('fails a publication whose table vanished from the database', async () => {
    // Given a scratch copy of the sample with one more table, behind a connection an admin created
    const { connectionId, path: file } = await sampleCopy(t, token, {
      file: 'scratch.sqlite',
      name: 'Scratch',
      sql: 'CREATE TABLE promotions (id INTEGER PRIMARY KEY, code TEXT NOT NULL)',
    });
    const integrationId = await createIntegration(t, token, {
      applicationName: 'Scratch',
      connectionId,
      tables: ['customers', 'promotions'],
    });

    // And the table is dropped before publishing
    const dropper = new DatabaseSync(file);
    dropper.exec('DROP TABLE promotions');
    dropper.close();

    // When it is published
    const started = await publish(integrationId);
    const publication = await finished(t, token, started.publicationId);

    // Then the publication fails at schema validation, naming the table
    expect(publication).toMatchObject({ status: 'failed', failedStep: 'validateSchema', version: 1 });
    expect(publication.reason).toContain("'promotions'");
    expect(publication.steps.at(-1)).toMatchObject({ step: 'validateSchema', status: 'failed' });

    // And the package of the draft stays downloadable, with both entities in its manifest
    expect(publication.packageHash).toMatch(/^sha256:/);
    const bytes = (await download(integrationId, 1).expect(200)).body as Buffer;
    const manifest = JSON.parse(tarEntries(bytes).get('manifest.json') ?? '{}') as {
      entities: { name: string }[];
    };
    expect(manifest.entities.map(({ name }) => name).sort()).toEqual(['customers', 'promotions']);

    // And nothing was deployed
    const all: RecordedEvent[] = await t.store.readAll({ fromPosition: 0, limit: 10_000 });
    expect(
      all.filter(
        (e) =>
          e.type === 'VersionDeployed' &&
          (e.data as { integrationId: string }).integrationId === integrationId,
      ),
    ).toEqual([]);
    expect(all.filter((e) => e.type === 'IntegrationPublishFailed').at(-1)?.metadata.actorId).toBe(adminId);
  });

  describe('publishing the same draft twice', () => {
    /** Every publication ever requested of the integration, as the event store holds them. */
    const requested = async (integrationId: string) =>
      (await t.store.readAll({ fromPosition: 0, limit: 100_000 })).filter(
        (e) =>
          e.type === 'IntegrationPublishRequested' &&
          (e.data as { integrationId: string }).integrationId === integrationId,
      );
    const shop = (applicationName: string) =>
      createIntegration(t, token, {
        applicationName,
        connectionId: SAMPLE_CONNECTION_ID,
        tables: ['customers'],
      });
    const publishTimes = (integrationId: string, times: number) =>
      Promise.all(Array.from({ length: times }, () => publish(integrationId)));

    it('answers a double click on an unchanged draft with one publication, version 1', async () => {
      // Given a draft never published
      const integrationId = await shop('Double click');

      // When it is published twice at once
      const [first, second] = await publishTimes(integrationId, 2);

      // Then both answers name one publication, version 1, and only one was requested
      expect(second.publicationId).toBe(first.publicationId);
      expect(first.version).toBe(1);
      expect(second.version).toBe(1);
      expect(await requested(integrationId)).toHaveLength(1);
      expect(await finished(t, token, first.publicationId)).toMatchObject({
        status: 'published',
        version: 1,
      });
    });

    it('answers three parallel publishes of a published, unchanged draft with that version, making none', async () => {
      // Given a draft published as version 1
      const integrationId = await shop('Triple click');
      const v1 = await publish(integrationId);
      await finished(t, token, v1.publicationId);

      // When it is published three times at once, unchanged
      const answers = await publishTimes(integrationId, 3);

      // Then each answer is version 1, published, and no publication was requested
      for (const answer of answers)
        expect(answer).toEqual({ publicationId: v1.publicationId, version: 1, status: 'published' });
      expect(await requested(integrationId)).toHaveLength(1);
      const { body } = await t
        .http()
        .get(`/api/integrations/${integrationId}/versions`)
        .set(bearer(token))
        .expect(200);
      expect(body.items.map(({ version }: { version: number }) => version)).toEqual([1]);
    });

    it('publishes a changed draft as the next version, once however many times it is asked', async () => {
      // Given version 1 published, then a table added to the draft
      const integrationId = await shop('Changed');
      await finished(t, token, (await publish(integrationId)).publicationId);
      await t
        .http()
        .post(`/api/integrations/${integrationId}/entities`)
        .set(bearer(token))
        .send({ tables: ['orders'] })
        .expect(200);

      // When it is published three times at once
      const answers = await publishTimes(integrationId, 3);

      // Then one publication, version 2, answers all three
      expect(new Set(answers.map(({ publicationId }) => publicationId)).size).toBe(1);
      expect(answers.map(({ version }) => version)).toEqual([2, 2, 2]);
      expect(await requested(integrationId)).toHaveLength(2);
      expect(await finished(t, token, answers[0].publicationId)).toMatchObject({
        status: 'published',
        version: 2,
      });
    });

    it('requests a publication left started but not requested by a stopped process, and answers with it', async () => {
      // Given a draft whose publication was started by a process that stopped before requesting it
      const integrationId = await shop('Interrupted start');
      const { version: integrationVersion } = await t.store.readStream(`integration-${integrationId}`);
      const publicationId = uuidv7();
      const started: PublicationStarted = {
        type: 'PublicationStarted',
        data: {
          integrationId,
          publicationId,
          integrationVersion,
          version: 1,
          startedBy: adminId,
          startedAt: new Date().toISOString(),
        },
      };
      await t.store.append(
        `integration-publications-${integrationId}`,
        [
          {
            eventId: uuidv7(),
            ...started,
            metadata: { actorId: adminId, correlationId: uuidv7(), causationId: uuidv7() },
          },
        ],
        { expectedVersion: 'no_stream' },
      );

      // When the draft is published
      const answer = await publish(integrationId);

      // Then that publication is requested and answers, and it publishes version 1
      expect(answer).toEqual({ publicationId, version: 1, status: 'running' });
      expect(await finished(t, token, publicationId)).toMatchObject({ status: 'published', version: 1 });
      expect(await requested(integrationId)).toHaveLength(1);
    });
  });
});

describe('publishing from two API instances sharing one event store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-two-instances-'));
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    one = await startTestApp({ DATA_DIR: dataDir });
    two = await startTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes one version of a draft published on both at once, and the next one once it changed', async () => {
    // Given a draft, and an administrator logged in to each instance
    const tokenOne = await one.login(ADMIN.username, ADMIN.password);
    const tokenTwo = await two.login(ADMIN.username, ADMIN.password);
    const integrationId = await createIntegration(one, tokenOne, {
      applicationName: 'Scaled out',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    const publishOn = async (times: number) =>
      (
        await Promise.all(
          Array.from({ length: times }, (_, i) =>
            startPublication(i % 2 === 0 ? one : two, i % 2 === 0 ? tokenOne : tokenTwo, integrationId),
          ),
        )
      ).map(({ body }) => body as Started);

    // When it is published on both instances at once, three times each
    const answers = await publishOn(6);

    // Then all six name one publication, version 1
    expect(new Set(answers.map(({ publicationId }) => publicationId)).size).toBe(1);
    expect(answers.map(({ version }) => version)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await finished(one, tokenOne, answers[0].publicationId)).toMatchObject({ version: 1 });

    // And when the draft changes, publishing on both at once makes version 2, once
    await two
      .http()
      .post(`/api/integrations/${integrationId}/entities`)
      .set(bearer(tokenTwo))
      .send({ tables: ['orders'] })
      .expect(200);
    const again = await publishOn(4);
    expect(new Set(again.map(({ publicationId }) => publicationId)).size).toBe(1);
    expect(again.map(({ version }) => version)).toEqual([2, 2, 2, 2]);
    const all: RecordedEvent[] = await one.store.readAll({ fromPosition: 0, limit: 100_000 });
    expect(all.filter((e) => e.type === 'IntegrationPublishRequested')).toHaveLength(2);
  });
});
