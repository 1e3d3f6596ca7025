import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundJobs } from '../../apps/api/src/infrastructure/leases/background-jobs';
import { LeaseLostError } from '../../apps/api/src/infrastructure/leases/fenced-writer';
import { type JobLeases } from '../../apps/api/src/infrastructure/leases/job-leases.port';
import { LeasedJob } from '../../apps/api/src/infrastructure/leases/leased-job';
import { SqliteJobLeases } from '../../apps/api/src/infrastructure/leases/sqlite-job-leases';
import { ThreadReadModelWriter } from '../../apps/api/src/infrastructure/read-model/read-model-writer';
import { type ReadModelWriter } from '../../apps/api/src/infrastructure/read-model/read-model-writes';
import { createReadModelOrm, type ReadModelOrm } from '../../apps/api/src/read-model';
import { waitFor } from '../event-store-contract/event-store.fixtures';

/** A read-model file of its own, its leases on a clock the spec moves, and its writer thread. */
async function sharedState() {
  const folder = mkdtempSync(join(tmpdir(), 'ib-leases-'));
  const file = join(folder, 'read-model.sqlite');
  const orm: ReadModelOrm = await createReadModelOrm({ file, views: [] });
  const writer: ReadModelWriter = new ThreadReadModelWriter(file);
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  const leases = new SqliteJobLeases(
    () => orm.em.getConnection().getNativeClient(),
    () => now,
  );
  return {
    orm,
    writer,
    leases,
    advance: (ms: number) => (now += ms),
    checkpoint: async () =>
      (
        await orm.em
          .fork()
          .execute<{ position: number }[]>(
            "select `position` from `projection_checkpoints` where `name` = 'x'",
          )
      )[0]?.position,
    dispose: async () => {
      await writer.close();
      await orm.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const aCheckpoint = (position: number) => ({
  name: 'checkpoint',
  statements: [
    {
      sql: 'insert into `projection_checkpoints` (`name`, `position`, `updated_at`) values (?, ?, ?) on conflict (`name`) do update set `position` = excluded.`position`',
      rows: [['x', position, '2026-01-01T00:00:00.000Z']],
    },
  ],
});

describe('job leases in the shared state database', () => {
  let state: Awaited<ReturnType<typeof sharedState>>;
  beforeEach(async () => (state = await sharedState()));
  afterEach(() => state.dispose());

  it('given a free job, when two instances claim it, then the first gets token 1 and the second nothing until the lease lapses', async () => {
    const first = await state.leases.claim('projections', 'api-a', 10_000);
    const second = await state.leases.claim('projections', 'api-b', 10_000);
    state.advance(10_001);
    const takeover = await state.leases.claim('projections', 'api-b', 10_000);

    expect(first).toMatchObject({ job: 'projections', holder: 'api-a', token: 1 });
    expect(second).toBeUndefined();
    expect(takeover).toMatchObject({ holder: 'api-b', token: 2 });
  });

  it('given a held lease, when its holder claims again, then it is renewed with the same token and a later expiry', async () => {
    const taken = await state.leases.claim('projections', 'api-a', 10_000);
    state.advance(4_000);
    const renewed = await state.leases.claim('projections', 'api-a', 10_000);

    expect(renewed?.token).toBe(taken?.token);
    expect(renewed!.expiresAt - taken!.expiresAt).toBe(4_000);
    expect(renewed?.acquiredAt).toBe(taken?.acquiredAt);
  });

  it('given a lease given up, when another instance claims, then it takes the job at once', async () => {
    const taken = await state.leases.claim('process-managers', 'api-a', 10_000);
    await state.leases.release(taken!);

    expect(await state.leases.claim('process-managers', 'api-b', 10_000)).toMatchObject({
      holder: 'api-b',
      token: 2,
    });
    expect((await state.leases.list()).map(({ job, holder }) => [job, holder])).toEqual([
      ['process-managers', 'api-b'],
    ]);
  });

  it('given a job whose lease passed to another instance, when the old holder writes, then nothing of the write is committed', async () => {
    const jobs = new BackgroundJobs(state.leases, 'api-a');
    const old = (await state.leases.claim('projections', 'api-a', 10_000))!;
    const fenced = state.writer;
    await fenced.write([
      aCheckpoint(5),
      { name: 'lease', statements: [], closing: [state.leases.fence(old)] },
    ]);
    state.advance(10_001);
    await state.leases.claim('projections', 'api-b', 10_000);

    const stale = fenced.write([
      aCheckpoint(9),
      { name: 'lease', statements: [], closing: [state.leases.fence(old)] },
    ]);

    await expect(stale).rejects.toThrow(/NOT NULL constraint failed: job_leases.token/);
    expect(await state.checkpoint()).toBe(5);
    await expect(
      jobs.fencedWriter('projections', state.writer).write([aCheckpoint(7)]),
    ).rejects.toBeInstanceOf(LeaseLostError);
  });
});

describe('a leased job', () => {
  let state: Awaited<ReturnType<typeof sharedState>>;
  beforeEach(async () => (state = await sharedState()));
  afterEach(() => state.dispose());

  const timing = { ttlMs: 300, renewEveryMs: 50 };
  /** The job as an instance runs it: a log of what its hooks were told. */
  const instance = (leases: JobLeases, holder: string) => {
    const told: string[] = [];
    const job = new LeasedJob(
      leases,
      'projections',
      holder,
      {
        acquired: async () => void told.push('acquired'),
        lost: async (why) => void told.push(why),
      },
      timing,
    );
    return { job, told };
  };

  it('given two instances, when both start, then one runs the job; when it stops, the other takes over', async () => {
    const realClock = new SqliteJobLeases(() => state.orm.em.getConnection().getNativeClient());
    const a = instance(realClock, 'api-a');
    const b = instance(realClock, 'api-b');
    await a.job.start();
    await b.job.start();

    const firstRun = { a: [...a.told], b: [...b.told] };
    await a.job.stop();
    await waitFor(() => b.told.includes('acquired'), 2_000, 'the takeover');
    await b.job.stop();

    expect(firstRun).toEqual({ a: ['acquired'], b: [] });
    expect(a.told).toEqual(['acquired', 'stopping']);
    expect(b.told).toEqual(['acquired', 'stopping']);
  });

  it('given the holder cannot reach the state database, when its lease lapses, then it stops the job and another instance takes it over', async () => {
    const realClock = new SqliteJobLeases(() => state.orm.em.getConnection().getNativeClient());
    let reachable = true;
    const flaky: JobLeases = {
      claim: (...args) => (reachable ? realClock.claim(...args) : Promise.reject(new Error('ECONNREFUSED'))),
      release: (lease) => realClock.release(lease),
      list: () => realClock.list(),
      fence: (lease) => realClock.fence(lease),
    };
    const a = instance(flaky, 'api-a');
    const b = instance(realClock, 'api-b');
    await a.job.start();
    await b.job.start();

    reachable = false;
    await waitFor(
      () => a.told.includes('lost') && b.told.includes('acquired'),
      3_000,
      'the lapse and the takeover',
    );
    await Promise.all([a.job.stop(), b.job.stop()]);

    expect(a.told.slice(0, 2)).toEqual(['acquired', 'lost']);
    expect(b.told[0]).toBe('acquired');
  });
});
