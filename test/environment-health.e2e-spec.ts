import { rmSync } from 'node:fs';
import { integrationDeploymentsStreamId } from '@ib/domain';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  publishedOrFail,
  sampleCopy,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

/** GET /api/environments/:env/health on SQLite: each connection serving the environment tested at once. */
describe('environment health', () => {
  let t: TestApp;
  let admin: string;
  let qaAdmin: string;
  let first: string;
  let second: string;

  const health = (environment: string, token = admin) =>
    t.http().get(`/api/environments/${environment}/health`).set(bearer(token));
  const publishedIntegration = async (applicationName: string) => {
    const id = await createIntegration(t, admin, {
      applicationName,
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, admin, id);
    await eventually(async () => {
      const { version } = await t.store.readStream(integrationDeploymentsStreamId(id));
      return version >= 0 ? version : undefined;
    }, 'the deployment to development');
    return id;
  };
  const promoteAndBind = async (integrationId: string, connectionId: string) => {
    await t
      .http()
      .post(`/api/integrations/${integrationId}/deployments`)
      .set(bearer(qaAdmin))
      .send({ version: 1, environment: 'qa' })
      .expect(200);
    await t
      .http()
      .put(`/api/environments/qa/integrations/${integrationId}/connection`)
      .set(bearer(qaAdmin))
      .send({ connectionId })
      .expect(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    first = await publishedIntegration('Healthy');
    second = await publishedIntegration('Gone');
    await t.http().post('/api/environments').set(bearer(admin)).send({ name: 'qa', kind: 'qa' }).expect(201);
    qaAdmin = await t.login(ADMIN.username, ADMIN.password, 'qa');
  }, 60_000);
  afterAll(() => t.close());

  it('given the sample connection serving development, when its health is read, then it answers ok with how fast', async () => {
    const { body } = await health('development').expect(200);
    expect(body).toEqual({
      environment: 'development',
      status: 'ok',
      checkedAt: expect.any(String),
      lastDriftCheck: null,
      connections: [
        {
          connectionId: SAMPLE_CONNECTION_ID,
          name: expect.any(String),
          provider: 'sqlite',
          integrationIds: expect.arrayContaining([first, second]),
          status: 'up',
          latencyMs: expect.any(Number),
          serverVersion: expect.any(String),
        },
      ],
    });
  });

  it('given nothing bound yet, when the health of qa is read, then it is ok with no connection', async () => {
    const { body } = await health('qa', qaAdmin).expect(200);
    expect(body).toMatchObject({ environment: 'qa', status: 'ok', connections: [] });
  });

  it('given a bound connection whose database file is gone, then it is down, and qa degraded once a healthy one is bound too', async () => {
    const gone = await sampleCopy(t, qaAdmin, {
      file: 'health-gone.sqlite',
      name: 'Gone',
      environment: 'qa',
    });
    await promoteAndBind(second, gone.connectionId);
    // Used once, so a connector of the connection is open: the check must not answer through it.
    await t.http().post(`/api/connections/${gone.connectionId}/test`).set(bearer(qaAdmin)).expect(200);
    rmSync(gone.path);

    const down = await health('qa', qaAdmin).expect(200);
    expect(down.body).toMatchObject({
      status: 'down',
      connections: [
        {
          connectionId: gone.connectionId,
          name: 'Gone',
          integrationIds: [second],
          status: 'down',
          error: { code: 'CONNECTOR.DATABASE_NOT_FOUND', message: expect.any(String) },
        },
      ],
    });
    expect(down.body.connections[0]).not.toHaveProperty('latencyMs');

    const healthy = await sampleCopy(t, qaAdmin, {
      file: 'health-ok.sqlite',
      name: 'Healthy',
      environment: 'qa',
    });
    await promoteAndBind(first, healthy.connectionId);
    const degraded = await health('qa', qaAdmin).expect(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.connections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ connectionId: healthy.connectionId, status: 'up' }),
        expect.objectContaining({ connectionId: gone.connectionId, status: 'down' }),
      ]),
    );
  });

  it('given who may read the environment, then they read its health; to anyone else it does not exist', async () => {
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({
        username: 'dev',
        password: 'health-password-1',
        roles: [{ environment: 'development', role: 'developer' }],
      })
      .expect(201);
    const developer = await t.login('dev', 'health-password-1');
    await health('development', developer).expect(200);
    expect((await health('qa', developer).expect(404)).body.code).toBe('ENVIRONMENT.NOT_FOUND');
    expect((await health('nowhere').expect(404)).body.code).toBe('ENVIRONMENT.NOT_FOUND');
    await t.http().get('/api/environments/development/health').expect(401);
  });
});
