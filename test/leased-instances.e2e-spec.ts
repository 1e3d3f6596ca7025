import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, bearer, startTestApp, type TestApp } from './support/test-app';

const TOKEN_SECRET = 'one-token-secret-for-both-instances-0123456789';
/** Short leases, so a takeover happens within the spec's patience; long enough that a loaded machine (renewals late by a second) keeps the holder. */
const leaseTiming = { ttlMs: 3_000, renewEveryMs: 100 };

type Lease = { job: string; holder: string; here: boolean };

describe('two API instances sharing one data folder, each background job under a lease', () => {
  let dataDir: string;
  let a: TestApp;
  let b: TestApp;
  let token: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-leased-'));
    a = await startTestApp({ DATA_DIR: dataDir, INSTANCE_ID: 'api-a', TOKEN_SECRET }, { leaseTiming });
    b = await startTestApp({ DATA_DIR: dataDir, INSTANCE_ID: 'api-b', TOKEN_SECRET }, { leaseTiming });
    token = await a.login(ADMIN.username, ADMIN.password);
  });

  afterEach(async () => {
    await b.close();
    await a.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statusOf = async (app: TestApp) => {
    const response = await app.http().get('/api/projections').set(bearer(token)).expect(200);
    return response.body as { instance: string; leases: Lease[]; items: { name: string; lag: number }[] };
  };
  const leasesOf = (status: { leases: Lease[] }) =>
    status.leases.map(({ job, holder, here }) => [job, holder, here]).sort();

  it('given both started, then the first runs the projections, the process managers and the drift checks, and each says which instance does', async () => {
    const [onA, onB] = [await statusOf(a), await statusOf(b)];

    expect([onA.instance, onB.instance]).toEqual(['api-a', 'api-b']);
    expect(leasesOf(onA)).toEqual([
      ['drift-checks', 'api-a', true],
      ['process-managers', 'api-a', true],
      ['projections', 'api-a', true],
    ]);
    expect(leasesOf(onB)).toEqual([
      ['drift-checks', 'api-a', false],
      ['process-managers', 'api-a', false],
      ['projections', 'api-a', false],
    ]);
  });

  it('given a write answered by either instance, when the other reads right after, then it sees the write (read-your-writes through the shared checkpoints)', async () => {
    const onA = await a
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'Written on A' });
    const readOnB = await b.http().get(`/api/integrations/${onA.body.id}`).set(bearer(token));
    const onB = await b
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'Written on B' });
    const readOnBAgain = await b.http().get(`/api/integrations/${onB.body.id}`).set(bearer(token));

    expect([onA.status, readOnB.status, onB.status, readOnBAgain.status]).toEqual([201, 200, 201, 200]);
    expect(readOnB.body.applicationName).toBe('Written on A');
    expect(readOnBAgain.body.applicationName).toBe('Written on B');
  });

  it('given the holder stops, then the other instance takes its jobs over and projects what is written next', async () => {
    await a.close();
    let status = await statusOf(b);
    const deadline = Date.now() + 5_000;
    while (!leasesOf(status).every(([, holder]) => holder === 'api-b') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await statusOf(b);
    }
    const written = await b
      .http()
      .post('/api/integrations')
      .set(bearer(token))
      .send({ provider: 'sqlite', applicationName: 'After the takeover' });
    const read = await b.http().get(`/api/integrations/${written.body.id}`).set(bearer(token));
    a = await startTestApp({ DATA_DIR: dataDir, INSTANCE_ID: 'api-a', TOKEN_SECRET }, { leaseTiming });

    expect(leasesOf(status)).toEqual([
      ['drift-checks', 'api-b', true],
      ['process-managers', 'api-b', true],
      ['projections', 'api-b', true],
    ]);
    expect(read.status).toBe(200);
    expect((await statusOf(b)).items.every(({ lag }) => lag === 0)).toBe(true);
  });

  it('given an instance that follows, when asked to rebuild a view, then it answers 409 naming the instance that runs them', async () => {
    const response = await b.http().post('/api/projections/integrations/rebuild').set(bearer(token));

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('PROJECTION.RUNS_ELSEWHERE');
    expect(response.body.detail).toContain('api-a');
  });
});
