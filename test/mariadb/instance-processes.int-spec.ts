import {
  type ApiProcess,
  buildApi,
  call,
  login,
  PROCESS_ADMIN_PASSWORD,
  startApiProcess,
  stopApiProcess,
  until,
} from '../support/api-process';
import { createDatabase, dropDatabase, mysqlUrl, uniqueDatabaseName } from '../support/mariadb';

const ADMIN_PASSWORD = PROCESS_ADMIN_PASSWORD;
const SAMPLE_CONNECTION_ID = '0190a000-0000-7000-8000-00000000a001';

type Api = ApiProcess;

/** An API process with both stores on `database`, as every instance of one installation. */
function startApi(name: string, database: string): Promise<Api> {
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  return startApiProcess(name, {
    EVENT_STORE_URL: url.toString(),
    DATABASE_URL: url.toString(),
    TOKEN_SECRET: 'one-token-secret-for-every-process-0123456789',
    SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'),
  });
}

const stopApi = (api: Api, signal?: NodeJS.Signals) => stopApiProcess(api, signal);

describe('API processes A and B on one MariaDB (both URLs set)', () => {
  const database = uniqueDatabaseName('ib_processes');
  let a: Api;
  let b: Api;
  let admin: string;

  beforeAll(async () => {
    buildApi();
    await createDatabase(database);
    a = await startApi('api-a', database);
    b = await startApi('api-b', database);
    admin = await login(a, 'admin', ADMIN_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    for (const api of [a, b]) if (api) await stopApi(api);
    await dropDatabase(database);
  });

  it('given two instances, then every line each one logs starts with its INSTANCE_ID', () => {
    for (const api of [a, b]) {
      const lines = api.logs.join('').split('\n').filter(Boolean);
      expect(lines.some((line) => line.includes(`Integration Builder ${api.name} on`))).toBe(true);
      expect(lines.filter((line) => !line.startsWith(`[${api.name}] `))).toEqual([]);
    }
  });

  it('given a connection request, when 100 approvals race over A and B, then exactly one is 200 and 99 are 409, and one connection exists', async () => {
    const created = await call(a, 'POST', '/api/users', admin, {
      username: 'dana',
      password: 'dana-password-1',
      roles: [{ environment: 'development', role: 'developer' }],
    });
    expect(created.status).toBe(201);
    const dana = await login(b, 'dana', 'dana-password-1');
    const request = await call(b, 'POST', '/api/connection-requests', dana, {
      name: 'raced',
      provider: 'sqlite',
      details: { path: 'sample.sqlite' },
    });
    expect(request.status).toBe(201);

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        call(
          index % 2 === 0 ? a : b,
          'POST',
          `/api/connection-requests/${request.body.id as string}/approve`,
          admin,
        ),
      ),
    );

    const statuses = answers.map(({ status }) => status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    const connections = await until(
      async () => {
        const listed = await call(b, 'GET', '/api/connections?environment=development', admin);
        const raced = (listed.body.items as { name: string }[]).filter(({ name }) => name === 'raced');
        return raced.length > 0 ? raced : undefined;
      },
      'the approved connection',
      15_000,
    );
    expect(connections).toHaveLength(1);
  }, 60_000);

  it('given an Idempotency-Key used on A, when the same call is retried on B, then B replays A’s answer', async () => {
    const key = `retry-${Date.now()}`;
    const first = await call(
      a,
      'POST',
      '/api/integrations',
      admin,
      { provider: 'sqlite', applicationName: 'Once' },
      { 'Idempotency-Key': key },
    );
    const retried = await call(
      b,
      'POST',
      '/api/integrations',
      admin,
      { provider: 'sqlite', applicationName: 'Once' },
      { 'Idempotency-Key': key },
    );

    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.body.id).toBe(first.body.id);
  });

  it('given A holding the leases is killed in the middle of a publication, then B takes over within 15 s, the publication finishes, and every view equals a rebuild', async () => {
    const integration = await call(a, 'POST', '/api/integrations', admin, {
      provider: 'sqlite',
      applicationName: 'Shop on A',
    });
    const id = integration.body.id as string;
    expect(
      (
        await call(a, 'PUT', `/api/integrations/${id}/connection`, admin, {
          connectionId: SAMPLE_CONNECTION_ID,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(a, 'PUT', `/api/integrations/${id}/database`, admin, { database: 'main' })).status,
    ).toBe(200);
    expect(
      (await call(a, 'POST', `/api/integrations/${id}/entities`, admin, { tables: ['customers', 'orders'] }))
        .status,
    ).toBe(200);
    const holders = (await call(b, 'GET', '/api/projections', admin)).body.leases as {
      job: string;
      holder: string;
    }[];
    expect(holders.map(({ holder }) => holder)).toEqual(['api-a', 'api-a', 'api-a']);

    const started = await call(a, 'POST', `/api/integrations/${id}/publish`, admin);
    await stopApi(a, 'SIGKILL');
    const killedAt = Date.now();
    const takenOver = await until(
      async () => {
        const { body } = await call(b, 'GET', '/api/projections', admin);
        return (body.leases as { holder: string }[]).every(({ holder }) => holder === 'api-b')
          ? Date.now()
          : undefined;
      },
      'the takeover',
      30_000,
    );
    const publication = await until(
      async () => {
        const { body } = await call(
          b,
          'GET',
          `/api/publications/${started.body.publicationId as string}`,
          admin,
        );
        return body.status === 'running' ? undefined : body;
      },
      'the publication to end',
      60_000,
    );

    expect(started.status).toBe(202);
    expect(takenOver - killedAt).toBeLessThan(15_000);
    expect(publication.status).toBe('published');

    const views = async () =>
      Promise.all(
        [
          '/api/integrations?limit=500',
          '/api/connections?limit=500',
          '/api/connection-requests?limit=500',
          '/api/users?limit=500',
          `/api/integrations/${id}/publications`,
        ].map(async (path) => (await call(b, 'GET', path, admin)).body),
      );
    const caughtUp = async () => {
      const { body } = await call(b, 'GET', '/api/projections', admin);
      return (body.items as { rebuilding: boolean; lag: number }[]).every(
        ({ rebuilding, lag }) => !rebuilding && lag === 0,
      )
        ? true
        : undefined;
    };
    // (the views as they are once every projection has caught up: the deployment to development, say,
    // is projected after the publication's end is)
    await until(caughtUp, 'the projections to catch up', 60_000);
    const before = await views();
    const { body: status } = await call(b, 'GET', '/api/projections', admin);
    for (const { name } of status.items as { name: string }[])
      expect((await call(b, 'POST', `/api/projections/${name}/rebuild`, admin)).status).toBe(202);
    await until(caughtUp, 'the rebuilds', 60_000);
    expect(await views()).toEqual(before);
  }, 150_000);

  it('given an API key created on a restarted A, when an app uses it on B at once, then B serves the data', async () => {
    a = await startApi('api-a', database);
    const token = await login(a, 'admin', ADMIN_PASSWORD);
    const integrations = await call(b, 'GET', '/api/integrations?limit=500', token);
    const shop = (integrations.body.items as { id: string; applicationName: string }[]).find(
      ({ applicationName }) => applicationName === 'Shop on A',
    );
    const { body: detail } = await call(b, 'GET', `/api/integrations/${shop!.id}`, token);
    const customers = (detail.entities as { name: string; table: string }[]).find(
      ({ table }) => table === 'customers',
    )!;
    const key = await call(a, 'POST', '/api/environments/development/api-keys', token, {
      appName: 'Shop',
      label: 'made on A',
    });

    const rows = await call(
      b,
      'GET',
      `/api/data/development/${shop!.id}/${encodeURIComponent(customers.name)}?limit=2`,
      undefined,
      undefined,
      {
        'X-API-Key': key.body.key as string,
      },
    );

    expect(key.status).toBe(201);
    expect(rows.status).toBe(200);
    expect((rows.body.items as unknown[]).length).toBe(2);
  }, 60_000);
});
