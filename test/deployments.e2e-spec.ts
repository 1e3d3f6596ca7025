import { integrationDeploymentsStreamId } from '@ib/domain';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * Promotions and bindings are commands on the integration's deployments stream like any other: they
 * answer its version as ETag and refuse an If-Match of another version, changing nothing.
 */
describe('promoting a version and binding a connection', () => {
  let t: TestApp;
  let operator: string;
  let integrationId: string;
  let qaConnectionId: string;

  const promote = (ifMatch?: string) => {
    const call = t.http().post(`/api/integrations/${integrationId}/deployments`).set(bearer(operator));
    return (ifMatch === undefined ? call : call.set('If-Match', ifMatch)).send({
      version: 1,
      environment: 'qa',
    });
  };
  const bind = (ifMatch?: string) => {
    const call = t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(operator));
    return (ifMatch === undefined ? call : call.set('If-Match', ifMatch)).send({
      connectionId: qaConnectionId,
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    integrationId = await createIntegration(t, admin, {
      applicationName: 'Deployed',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, admin, integrationId);
    // The publication deploys to development by itself: the deployments stream then exists (version 0).
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(integrationId));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');
    // qa, administered by its creator from the next login on
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    operator = await t.login(ADMIN.username, ADMIN.password, 'qa');
    ({ connectionId: qaConnectionId } = await sampleCopy(t, operator, {
      file: 'deployments-qa.sqlite',
      name: 'Deployed QA',
      environment: 'qa',
    }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('given a stale If-Match, when a version is promoted, then it answers 412 and deploys nothing', async () => {
    const before = await t.store.headPosition();

    const stale = await promote('"7"');

    expect([stale.status, stale.body.code, stale.body.title]).toEqual([
      412,
      'PRECONDITION_FAILED',
      'Precondition failed',
    ]);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('given the current ETag, when a version is promoted, then it answers the deployment with the version it left as ETag', async () => {
    const promoted = await promote('"0"').expect(200);

    expect(promoted.body).toEqual({ integrationId, environment: 'qa', version: 1, streamVersion: 1 });
    expect(promoted.headers.etag).toBe('"1"');

    const again = await promote(promoted.headers.etag).expect(200);
    expect(again.headers.etag).toBe('"1"');
  });

  it('given a stale If-Match, when a connection is bound, then it answers 412 and binds nothing', async () => {
    const before = await t.store.headPosition();

    const stale = await bind('"0"');

    expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('given the current ETag, when a connection is bound, then it answers the binding with the version it left as ETag', async () => {
    const { headers } = await promote().expect(200);

    const bound = await bind(headers.etag).expect(200);

    expect(bound.body).toEqual({
      integrationId,
      environment: 'qa',
      version: 1,
      connectionId: qaConnectionId,
      streamVersion: 2,
    });
    expect(bound.headers.etag).toBe('"2"');
    const unchanged = await bind().expect(200);
    expect(unchanged.headers.etag).toBe('"2"');
  });

  it('given a version deployed in development and qa, when integrations are listed, then each row names its published version and the version each environment serves', async () => {
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const draftId = await createIntegration(t, admin, { applicationName: 'Never published' });
    await promote().expect(200);

    const rows = await eventually(async () => {
      const { body } = await t.http().get('/api/integrations').set(bearer(operator)).expect(200);
      const items = body.items as { id: string; deployments: unknown[] }[];
      const deployed = items.find(({ id }) => id === integrationId);
      return deployed?.deployments.length === 2 ? items : undefined;
    }, 'the qa deployment in the list');

    const row = (id: string) => rows.find((item) => item.id === id);
    expect(row(integrationId)).toMatchObject({
      status: 'draft',
      publishedVersion: 1,
      unpublishedChanges: false,
      deployments: [
        { environment: 'development', environmentKind: 'development', version: 1 },
        { environment: 'qa', environmentKind: 'qa', version: 1 },
      ],
    });
    expect(row(draftId)).toMatchObject({ unpublishedChanges: true, deployments: [] });
    expect(row(draftId)).not.toHaveProperty('publishedVersion');
  });
});
