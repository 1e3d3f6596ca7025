import { RUNTIME_DEPENDENCIES } from '../apps/api/src/publishing';
import {
  SAMPLE_CONNECTION_ID,
  createIntegration,
  eventually,
  finishedRun,
  publishedOrFail,
} from './support/publishing';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const RUNTIME = RUNTIME_DEPENDENCIES[0];
const MAJOR = `${Number(RUNTIME.version.split('.')[0]) + 1}.0.0`;

type EnvironmentState = Readonly<{
  environment: string;
  version: number;
  republishRequired: boolean;
  needsAttention: boolean;
  breakingUpdates: readonly Readonly<{ dependency: string; version: string; installedIn: string[] }>[];
}>;
type DependencyState = Readonly<{ needsAttention: boolean; environments: readonly EnvironmentState[] }>;

describe('a breaking dependency update and every environment that still serves an affected version', () => {
  let t: TestApp;
  let token: string;
  let shop: string;

  const state = async (): Promise<DependencyState> =>
    (await t.http().get(`/api/integrations/${shop}/dependencies`).set(bearer(token)).expect(200)).body;
  /** The state once `settled` holds (the reactor marks a moment after the update is answered). */
  const stateWhen = (settled: (state: DependencyState) => boolean, what: string) =>
    eventually(async () => {
      const current = await state();
      return settled(current) ? current : undefined;
    }, what);
  const promote = (version: number, environment: string) =>
    t
      .http()
      .post(`/api/integrations/${shop}/deployments`)
      .set(bearer(token))
      .send({ version, environment })
      .expect(200);
  const byEnvironment = ({ environments }: DependencyState) =>
    Object.fromEntries(environments.map((deployed) => [deployed.environment, deployed]));

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(ADMIN.username, ADMIN.password);
    shop = await createIntegration(t, token, {
      applicationName: 'Shop',
      connectionId: SAMPLE_CONNECTION_ID,
      tables: ['customers'],
    });
    await publishedOrFail(t, token, shop);
    for (const [name, kind] of [
      ['qa', 'qa'],
      ['uat', 'qa'],
    ])
      await t.http().post('/api/environments').set(bearer(token)).send({ name, kind }).expect(201);
    token = await t.login(ADMIN.username, ADMIN.password);
    await promote(1, 'qa');
    await promote(1, 'uat');
    // Two publications and two promotions: on a busy machine, longer than a hook's default 5 s.
  }, 30_000);

  afterAll(() => t.close());

  it('given version 1 served everywhere, then no environment needs attention', async () => {
    const current = await stateWhen(({ environments }) => environments.length === 3, 'three deployments');

    expect(current.needsAttention).toBe(false);
    expect(current.environments.map(({ needsAttention }) => needsAttention)).toEqual([false, false, false]);
  });

  it('given a breaking update installed in development, then development must republish and qa and uat, serving the same version, need attention', async () => {
    await t
      .http()
      .post(`/api/dependencies/${RUNTIME.name}/updates`)
      .set(bearer(token))
      .send({ version: MAJOR })
      .expect(201);

    const current = await stateWhen(
      (candidate) => byEnvironment(candidate).development?.republishRequired === true,
      'development to require a republish',
    );

    expect(current.needsAttention).toBe(true);
    const deployed = byEnvironment(current);
    expect(deployed.development).toMatchObject({ republishRequired: true, needsAttention: true });
    for (const environment of ['qa', 'uat'])
      expect(deployed[environment]).toMatchObject({
        version: 1,
        // Their runtime is not updated: they keep serving, and are told why they need a new version.
        republishRequired: false,
        needsAttention: true,
        breakingUpdates: [
          expect.objectContaining({ dependency: RUNTIME.name, version: MAJOR, installedIn: ['development'] }),
        ],
      });
  });

  it('given the republish in development and version 2 promoted to qa, then only uat, still serving version 1, needs attention', async () => {
    const run = await finishedRun(
      t,
      token,
      (await t.http().post('/api/integrations/republish').set(bearer(token)).expect(202)).body.runId,
    );
    expect(run).toMatchObject({ published: 1 });
    await promote(2, 'qa');

    const current = await stateWhen(
      (candidate) =>
        byEnvironment(candidate).qa?.version === 2 && byEnvironment(candidate).development?.version === 2,
      'version 2 in development and qa',
    );

    const deployed = byEnvironment(current);
    expect(deployed.development).toMatchObject({
      republishRequired: false,
      needsAttention: false,
      breakingUpdates: [],
    });
    expect(deployed.qa).toMatchObject({ needsAttention: false, breakingUpdates: [] });
    expect(deployed.uat).toMatchObject({ version: 1, republishRequired: false, needsAttention: true });
    expect(current.needsAttention).toBe(true);
  }, 30_000);
});
